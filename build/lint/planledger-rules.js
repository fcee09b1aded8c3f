// Project lint rules: the layer directions of the codebase, and no hard-coded UI text.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Which layer a project file belongs to. */
export function layerOf(absolutePath) {
  const rel = relative(root, absolutePath).split(sep).join('/');
  if (rel.startsWith('shared/')) return 'shared';
  if (rel.startsWith('renderer/')) return 'renderer';
  if (rel.startsWith('electron/main/')) return 'electron-main';
  if (rel.startsWith('electron/preload/')) return 'electron-preload';
  if (rel.startsWith('electron/')) return 'electron-core';
  if (rel.startsWith('seeds/')) return 'seeds';
  if (rel === 'package.json') return 'package.json';
  return 'other';
}

/**
 * Allowed directions:
 *   shared           → shared only; no Node, no Electron, no DOM libraries
 *   renderer         → renderer, shared; no Node, no Electron
 *   electron-core    → electron-core, shared, seeds, package.json; no `electron` module (services stay
 *                      runnable in plain Node)
 *   electron-main    → electron-main, electron-core, shared
 *   electron-preload → shared and the `electron` module only (it runs sandboxed)
 */
const allowedLayers = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  'electron-core': ['electron-core', 'shared', 'seeds', 'package.json'],
  'electron-main': ['electron-main', 'electron-core', 'shared'],
  'electron-preload': ['electron-preload', 'shared'],
};

function packageProblem(layer, specifier) {
  const isNode = nodeBuiltins.has(specifier) || specifier.startsWith('node:');
  const isElectron = specifier === 'electron' || specifier.startsWith('electron/');
  if (layer === 'shared' && (isNode || isElectron || ['react', 'react-dom', 'better-sqlite3'].includes(specifier))) return 'shared code runs everywhere';
  if (layer === 'renderer' && (isNode || isElectron || specifier === 'better-sqlite3')) return 'the renderer has no Node and no Electron';
  if (layer === 'electron-core' && isElectron) return 'services must run in plain Node (tests, CLI, dev host)';
  if (layer === 'electron-preload' && !isElectron) return 'the sandboxed preload may only use electron and shared code';
  return null;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import directions between shared/, renderer/ and electron/.' },
    schema: [],
    messages: {
      wrongLayer: '{{from}} may not import {{to}} ("{{specifier}}").',
      wrongPackage: '{{from}} may not import "{{specifier}}": {{reason}}.',
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (from === 'other') return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const to = layerOf(resolve(dirname(context.filename), specifier.replace(/\?.*$/u, '')));
        if (!allowedLayers[from].includes(to)) context.report({ node, messageId: 'wrongLayer', data: { from, to, specifier } });
        return;
      }
      // Type-only imports vanish at build time; they may describe another layer's API (e.g. Electron option types).
      if (node.importKind === 'type') return;
      const reason = packageProblem(from, specifier);
      if (reason) context.report({ node, messageId: 'wrongPackage', data: { from, specifier, reason } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

const uiTextAttributes = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description']);
const hasWords = /\p{L}/u;

const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'All visible text goes through i18next (zh-CN and en).' },
    schema: [],
    messages: { literal: 'Visible text must come from t(): "{{text}}".' },
  },
  create(context) {
    return {
      JSXText(node) {
        const text = node.value.trim();
        if (hasWords.test(text)) context.report({ node, messageId: 'literal', data: { text: text.slice(0, 40) } });
      },
      JSXAttribute(node) {
        if (!uiTextAttributes.has(node.name.name) || node.value?.type !== 'Literal') return;
        const text = String(node.value.value);
        if (hasWords.test(text)) context.report({ node, messageId: 'literal', data: { text: text.slice(0, 40) } });
      },
    };
  },
};

export default { rules: { layers, 'no-literal-ui-text': noLiteralUiText } };
