import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer rules', () => {
  it('stops shared/ from importing electron/, renderer/, Node or Electron', async () => {
    expect(await problems('shared/x.ts', "import { openDatabase } from '../electron/db/database';\nexport const a = openDatabase;\n")).toEqual([
      expect.stringContaining('shared may not import electron-core'),
    ]);
    expect(await problems('shared/x.ts', "import { App } from '../renderer/app/App';\nexport const a = App;\n")).toEqual([
      expect.stringContaining('shared may not import renderer'),
    ]);
    expect(await problems('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([
      expect.stringContaining('shared may not import "node:fs"'),
    ]);
    expect(await problems('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('shared/x.ts', 'export const a = document.title;\n')).toEqual([expect.stringContaining('DOM')]);
    expect(await problems('shared/x.ts', 'export const a = process.env;\n')).toEqual([expect.stringContaining('Node')]);
  });

  it('stops renderer/ from importing electron/ or Node', async () => {
    expect(await problems('renderer/x.ts', "import { openBackend } from '../electron/app/backend';\nexport const a = openBackend;\n")).toEqual([
      expect.stringContaining('renderer may not import electron-core'),
    ]);
    expect(await problems('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await problems('renderer/x.ts', "import fs from 'fs';\nexport const a = fs;\n")).toHaveLength(1);
  });

  it('keeps services free of Electron so they run in plain Node', async () => {
    expect(await problems('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });

  it('allows the right directions', async () => {
    expect(await problems('renderer/x.ts', "import { contract } from '../shared/api/contract';\nexport const a = contract;\n")).toEqual([]);
    expect(await problems('electron/main/x.ts', "import { openBackend } from '../app/backend';\nexport const a = openBackend;\n")).toEqual([]);
  });

  it('rejects hard-coded visible text in the renderer', async () => {
    const found = await problems('renderer/x.tsx', 'export const A = () => <button title="保存">保存</button>;\n');
    expect(found).toHaveLength(2);
    expect(found.every((text) => text.startsWith('planledger/no-literal-ui-text'))).toBe(true);
    expect(await problems('renderer/x.tsx', "export const A = ({ t }: { t: (k: string) => string }) => <b>{t('nav.settings')}</b>;\n")).toEqual([]);
  });
});
