import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerOf } from '../../../build/lint/planledger-rules.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
// The snippets are linted as files that do not exist, so no TypeScript project has them: the
// layer rules need no types, and the type-aware rules are left out here.
const eslint = new ESLint({ cwd: root, overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.{ts,tsx}'] } });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

/** `from` importing the module at project path `to` (both project-relative, `to` without extension). */
async function importProblems(from: string, to: string): Promise<string[]> {
  let specifier = relativeSpecifier(from, to);
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return problems(from, `import * as m from '${specifier}';\nexport const a = m;\n`);
}

function relativeSpecifier(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

const electronLayers = ['lib', 'db', 'services', 'api', 'backend'];
const entries = ['main', 'devhost', 'cli'];

describe('layer rules', () => {
  it('reads every file’s layer from its path', () => {
    expect(layerOf(resolve(root, 'electron/lib/log.ts'))).toBe('electron/lib');
    expect(layerOf(resolve(root, 'electron/services/report/package/verify.ts'))).toBe('electron/services');
    expect(layerOf(resolve(root, 'renderer/features/measure/TaskRow.tsx'))).toBe('renderer');
    expect(layerOf(resolve(root, 'shared/plan/parse.ts'))).toBe('shared');
    expect(layerOf(resolve(root, 'tests/unit/x.ts'))).toBe('other');
  });

  it('stops shared/ from importing electron/, renderer/, Node or Electron', async () => {
    expect(await importProblems('shared/x.ts', 'electron/db/database')).toEqual([
      expect.stringContaining('shared may not import electron/db'),
    ]);
    expect(await importProblems('shared/x.ts', 'renderer/app/App')).toEqual([expect.stringContaining('shared may not import renderer')]);
    expect(await problems('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([
      expect.stringContaining('shared may not import "node:fs"'),
    ]);
    expect(await problems('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('shared/x.ts', 'export const a = document.title;\n')).toEqual([expect.stringContaining('DOM')]);
    expect(await problems('shared/x.ts', 'export const a = process.env;\n')).toEqual([expect.stringContaining('Node')]);
  });

  it('stops renderer/ from importing electron/ or Node', async () => {
    expect(await importProblems('renderer/x.ts', 'electron/backend/backend')).toEqual([
      expect.stringContaining('renderer may not import electron/backend'),
    ]);
    expect(await problems('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toHaveLength(1);
  });

  it('keeps each main-process layer from importing the layers above it', async () => {
    for (const [index, layer] of electronLayers.entries()) {
      for (const above of [...electronLayers.slice(index + 1), ...entries]) {
        expect(await importProblems(`electron/${layer}/x.ts`, `electron/${above}/y`), `${layer} → ${above}`).toEqual([
          expect.stringContaining(`electron/${layer} may not import electron/${above}`),
        ]);
      }
      for (const below of electronLayers.slice(0, index)) {
        expect(await importProblems(`electron/${layer}/x.ts`, `electron/${below}/y`), `${layer} → ${below}`).toEqual([]);
      }
    }
  });

  it('keeps the entry points apart and the preload on shared code', async () => {
    for (const entry of entries) {
      for (const other of entries.filter((name) => name !== entry)) {
        expect(await importProblems(`electron/${entry}/x.ts`, `electron/${other}/y`)).toEqual([
          expect.stringContaining(`electron/${entry} may not import electron/${other}`),
        ]);
      }
      expect(await importProblems(`electron/${entry}/x.ts`, 'electron/backend/backend')).toEqual([]);
    }
    expect(await importProblems('electron/preload/x.ts', 'electron/lib/log')).toEqual([
      expect.stringContaining('electron/preload may not import electron/lib'),
    ]);
    expect(await importProblems('electron/preload/x.ts', 'shared/api/contract')).toEqual([]);
  });

  it('lets only electron/main use Electron and only electron/db use better-sqlite3', async () => {
    for (const layer of [...electronLayers, 'devhost', 'cli']) {
      expect(await problems(`electron/${layer}/x.ts`, "import { app } from 'electron';\nexport const a = app;\n"), layer).toHaveLength(1);
    }
    expect(await problems('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
    expect(await problems('electron/services/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toEqual([
      expect.stringContaining('SQL lives in electron/db'),
    ]);
    expect(await problems('electron/db/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toEqual([]);
  });

  it('rejects hard-coded visible text in the renderer', async () => {
    const found = await problems('renderer/x.tsx', 'export const A = () => <button title="保存">保存</button>;\n');
    expect(found).toHaveLength(2);
    expect(found.every((text) => text.startsWith('planledger/no-literal-ui-text'))).toBe(true);
    expect(
      await problems('renderer/x.tsx', "export const A = ({ t }: { t: (k: string) => string }) => <b>{t('nav.settings')}</b>;\n"),
    ).toEqual([]);
  });
});
