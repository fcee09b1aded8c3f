// Project lint rules: the layer directions of the codebase, and no hard-coded UI text.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The main-process folders, lowest first: each may import the ones before it, never after. */
const electronLayers = ['lib', 'db', 'services', 'api', 'backend'];
/** Entry points on top of the main-process layers; none imports another. */
const electronEntries = ['main', 'devhost', 'cli'];

/** Which layer a project file belongs to: its folder, read from the path alone. */
export function layerOf(absolutePath) {
  const rel = relative(root, absolutePath).split(sep).join('/');
  const [top, second] = rel.split('/');
  if (top === 'shared' || top === 'renderer' || top === 'seeds') return top;
  if (rel === 'package.json') return 'package.json';
  if (top === 'electron' && second && [...electronLayers, ...electronEntries, 'preload', 'types'].includes(second))
    return `electron/${second}`;
  return 'other';
}

/**
 * Allowed directions:
 *   shared            → shared only; no Node, no Electron, no DOM libraries
 *   renderer          → renderer, shared; no Node, no Electron
 *   electron/lib      ← db ← services ← api ← backend: each imports only itself, the layers below it, shared
 *                       (services also seeds and package.json); no `electron` module, so all of them run in
 *                       plain Node (tests, CLI, dev host); only db imports better-sqlite3's code
 *   electron/main, electron/devhost, electron/cli → every layer above, never each other; only main imports `electron`
 *   electron/preload  → shared and the `electron` module only (it runs sandboxed)
 */
const allowedLayers = {
  shared: ['shared'],
  renderer: ['renderer', 'shared'],
  'electron/preload': ['electron/preload', 'shared'],
  'electron/types': ['electron/types'],
};
electronLayers.forEach((layer, index) => {
  const below = electronLayers.slice(0, index + 1).map((name) => `electron/${name}`);
  allowedLayers[`electron/${layer}`] = [...below, 'shared', ...(layer === 'services' ? ['seeds', 'package.json'] : [])];
});
for (const entry of electronEntries) {
  allowedLayers[`electron/${entry}`] = [`electron/${entry}`, ...electronLayers.map((name) => `electron/${name}`), 'shared', 'package.json'];
}

function packageProblem(layer, specifier) {
  const isNode = nodeBuiltins.has(specifier) || specifier.startsWith('node:');
  const isElectron = specifier === 'electron' || specifier.startsWith('electron/');
  const isSqlite = specifier === 'better-sqlite3';
  if (layer === 'shared' && (isNode || isElectron || isSqlite || ['react', 'react-dom'].includes(specifier)))
    return 'shared code runs everywhere';
  if (layer === 'renderer' && (isNode || isElectron || isSqlite)) return 'the renderer has no Node and no Electron';
  if (layer === 'electron/preload') return isElectron ? null : 'the sandboxed preload may only use electron and shared code';
  if (layer.startsWith('electron/') && layer !== 'electron/main' && isElectron)
    return 'only electron/main uses Electron; the rest runs in plain Node (tests, CLI, dev host)';
  if (layer.startsWith('electron/') && layer !== 'electron/db' && isSqlite) return 'SQL lives in electron/db';
  return null;
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import directions between the layers: shared/, renderer/ and the folders of electron/.' },
    schema: [],
    messages: {
      wrongLayer: '{{from}} may not import {{to}} ("{{specifier}}").',
      wrongPackage: '{{from}} may not import "{{specifier}}": {{reason}}.',
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!allowedLayers[from]) return {};
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
