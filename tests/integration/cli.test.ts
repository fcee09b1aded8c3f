import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIfStale } from '../support/build';
import { runCliCaptured } from '../support/cli';
import { pdfBomb, writeSeedPdf } from '../support/plan-fixtures/pdf';
import { CJK_CIRCULAR_LINES, nonEmbeddedCjkPdf } from '../support/plan-fixtures/pdf-cjk';
import { writeSeedOfd } from '../support/plan-fixtures/ofd';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();

const run = runCliCaptured;

describe('command-line tool', () => {
  it('lists its commands in Chinese, or in English when asked', async () => {
    const zh = await run(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：planledger <command> [options]');
    expect(zh.stdout).toMatch(/\n {2}info +显示程序版本/u);
    const en = await run(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage: planledger <command>');
    expect((await run(['--help'], { PLANLEDGER_LANG: 'en' })).stdout).toContain('Commands:');
  });

  it('has --help for every command', async () => {
    const result = await run(['info', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('planledger info');
    expect(result.stdout).toContain('--data-dir DIR');
  });

  it('prints app and database facts for a data folder', async () => {
    const dir = tempDir();
    const result = await run(['info', '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ runtime: 'cli', dataDir: dir, schemaVersion: expect.any(Number) });
    expect(JSON.parse(result.stdout).sqliteVersion).toMatch(/^3\./u);
  });

  it('fails with a clear message and a non-zero exit', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('错误：未知命令：frobnicate。使用 planledger --help 查看全部命令。\n');
    const badOption = await run(['info', '--bogus'], { PLANLEDGER_LANG: 'en' });
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/^Error: Invalid arguments: .*--bogus/u);
    const extra = await run(['info', 'extra-arg']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toBe('错误：参数不正确：用法：planledger info\n');
    const missingOut = await run(['export-ledger', '--department', '质监'], { PLANLEDGER_LANG: 'en' });
    expect(missingOut).toMatchObject({
      code: 2,
      stderr: 'Error: Invalid arguments: Usage: planledger export-ledger --department NAME --out FILE.xlsx\n',
    });
    expect((await run([])).code).toBe(2);
  });

  it('refuses a data folder written by a newer version, in the user’s language', async () => {
    const dir = tempDir();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'planledger.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const result = await run(['info', '--data-dir', dir, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error: The data file was created by a newer version of PlanLedger \(schema version 999/u);
  });

  it('parses a plan with a data folder’s aliases without setting the folder up', async () => {
    const dir = tempDir();
    const result = await run(['parse-plan', 'seeds/shandong-2016-quality-action-plan.txt', '--data-dir', dir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).measures.length).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('parses the seed’s official PDF to the same plan JSON as its text, in process and from the built bundle', async () => {
    const pdf = await writeSeedPdf(tempDir());
    const fromText = await run(['parse-plan', 'seeds/shandong-2016-quality-action-plan.txt']);
    const fromPdf = await run(['parse-plan', pdf]);
    expect([fromPdf.code, fromPdf.stderr]).toEqual([0, '']);
    expect(fromPdf.stdout).toBe(fromText.stdout);
    // pdf.js is bundled into the CLI (its worker on the main thread): the built file must read PDFs too.
    buildIfStale(['cli']);
    const built = spawnSync(process.execPath, [resolve('out/cli/index.cjs'), 'parse-plan', pdf], { encoding: 'utf8' });
    expect([built.status, built.stderr]).toEqual([0, '']);
    expect(built.stdout).toBe(fromText.stdout);
  });

  it('reads a PDF whose Chinese font is not embedded from the built bundle, with the CMaps copied beside it', async () => {
    const dir = tempDir();
    const txt = join(dir, 'circular.txt');
    writeFileSync(txt, CJK_CIRCULAR_LINES.join('\n'));
    const fromText = await run(['parse-plan', txt]);
    expect(fromText.code).toBe(0);
    buildIfStale(['cli']);
    // The bundle and out/pdfjs-cmaps/ alone, as in the packaged app: no pdfjs-dist to fall back on.
    const app = join(dir, 'app');
    cpSync(resolve('out/cli'), join(app, 'cli'), { recursive: true });
    cpSync(resolve('out/pdfjs-cmaps'), join(app, 'pdfjs-cmaps'), { recursive: true });
    const env = { ...process.env, NODE_PATH: resolve('node_modules') }; // better-sqlite3 stays external
    for (const cmap of ['UniGB-UCS2-H', 'GBK-EUC-H'] as const) {
      const pdf = join(dir, `${cmap}.pdf`);
      writeFileSync(pdf, nonEmbeddedCjkPdf(CJK_CIRCULAR_LINES, { cmap }));
      const built = spawnSync(process.execPath, [join(app, 'cli/index.cjs'), 'parse-plan', pdf], { encoding: 'utf8', env });
      expect([built.status, built.stderr]).toEqual([0, '']);
      expect(built.stdout).toBe(fromText.stdout);
    }
  });

  it('refuses a PDF bomb in one sentence, in the user’s language', async () => {
    const bomb = join(tempDir(), 'bomb.pdf');
    writeFileSync(bomb, pdfBomb(1024));
    const en = await run(['parse-plan', bomb], { PLANLEDGER_LANG: 'en' });
    expect([en.code, en.stdout]).toEqual([1, '']);
    expect(en.stderr).toMatch(/^Error: This PDF would unpack to more than 200 MB, .*\n$/u);
    expect((await run(['parse-plan', bomb])).stderr).toMatch(/^错误：该 PDF 解压后的内容过大（超过 200 MB）/u);
  });

  it('parse-plan reads the seed circular as an OFD file into the same plan as its text', async () => {
    const ofd = await writeSeedOfd(tempDir(), {}, '鲁政办字〔2016〕103号.ofd');
    const [fromOfd, fromText] = [await run(['parse-plan', ofd]), await run(['parse-plan', 'seeds/shandong-2016-quality-action-plan.txt'])];
    expect([fromOfd.code, fromOfd.stderr]).toEqual([0, '']);
    expect(fromOfd.stdout).toBe(fromText.stdout);
    expect(JSON.parse(fromOfd.stdout).measures.length).toBeGreaterThan(0);
  });

  it('does not start afresh when the data file is gone but backups are there', async () => {
    const dir = tempDir();
    expect((await run(['info', '--data-dir', dir])).code).toBe(0);
    mkdirSync(join(dir, 'backups'), { recursive: true });
    copyFileSync(join(dir, 'planledger.sqlite'), join(dir, 'backups', 'planledger-manual-2026-01-01T00-00-00Z.sqlite'));
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `planledger.sqlite${suffix}`), { force: true });
    const result = await run(['info', '--data-dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('数据文件不见了，但有备份');
    expect(existsSync(join(dir, 'planledger.sqlite'))).toBe(false);
  });
});
