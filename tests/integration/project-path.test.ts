import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanJson } from '../../shared/plan';

const source = resolve(import.meta.dirname, '../..');
/** What is copied: the project as checked in (node_modules is linked, build output is made afresh). */
const skipped = new Set(['node_modules', 'out', 'release', 'coverage', '.git']);

let base = '';
let project = '';

// Coordinators keep their files in folders like this one; a file URL spells it
// `/tmp/%E5%BC%A0%E4%B8%89/%E5%B7%A5%E4%BD%9C%20%E5%8F%B0%E8%B4%A6`.
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'planledger-path-'));
  project = join(base, '张三', '工作 台账');
  mkdirSync(project, { recursive: true });
  cpSync(source, project, {
    recursive: true,
    filter: (path) =>
      path === source ||
      !skipped.has(
        resolve(path)
          .slice(source.length + 1)
          .split(/[\\/]/u)[0] ?? '',
      ),
  });
  // A junction on Windows needs no administrator rights; the type is ignored elsewhere.
  symlinkSync(join(source, 'node_modules'), join(project, 'node_modules'), 'junction');
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

const run = (command: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, command, { cwd: project, encoding: 'utf8', env: { ...process.env, ...env } });

describe('a project folder whose path has a space and Chinese characters', () => {
  it('builds, and the built CLI parses the embedded plan', () => {
    const build = run(['build/scripts/build.mjs', '--only', 'cli', '--quiet']);
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const parsed = run(['out/cli/index.cjs', 'parse-plan', 'seeds/shandong-2016-quality-action-plan.txt']);
    expect(parsed.status).toBe(0);
    expect(parsePlanJson(parsed.stdout).measures).toHaveLength(17);
  });

  it('finds the Electron build of better-sqlite3 it already prepared in its own out/native', () => {
    const electronVersion = (JSON.parse(readFileSync(join(source, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
      .version;
    const nativeDir = join(project, 'out', 'native', `${process.platform}-${process.arch}`);
    mkdirSync(nativeDir, { recursive: true });
    writeFileSync(join(nativeDir, 'better_sqlite3.node'), 'prepared earlier');
    writeFileSync(join(nativeDir, 'electron-version.txt'), `${electronVersion}\n`);
    const result = run(['build/scripts/electron-native.mjs']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('still enforces the layer directions in lint', () => {
    const files = {
      'shared/planted-electron.ts': "import { parseMainArgs } from '../electron/main/args';\nexport const planted = parseMainArgs;\n",
      'shared/planted-node.ts': "import { readFileSync } from 'node:fs';\nexport const planted = readFileSync;\n",
      'renderer/planted-electron.ts': "import { parseMainArgs } from '../electron/main/args';\nexport const planted = parseMainArgs;\n",
      'shared/planted-clean.ts': "import { AppError } from './api/errors';\nexport const planted = AppError;\n",
    };
    for (const [file, code] of Object.entries(files)) writeFileSync(join(project, file), code);
    const lint = run(['node_modules/eslint/bin/eslint.js', '--format', 'json', ...Object.keys(files)]);
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    const rulesBroken = Object.fromEntries(
      results.map((result) => [
        result.filePath
          .slice(project.length + 1)
          .split('\\')
          .join('/'),
        result.messages.map((message) => message.ruleId),
      ]),
    );
    expect(rulesBroken).toEqual({
      'shared/planted-electron.ts': ['planledger/layers'],
      'shared/planted-node.ts': ['planledger/layers'],
      'renderer/planted-electron.ts': ['planledger/layers'],
      'shared/planted-clean.ts': [],
    });
    expect(lint.status).toBe(1);
  });
});
