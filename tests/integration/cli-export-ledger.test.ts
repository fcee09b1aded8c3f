import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { ledgerHeaders } from '../../electron/services/ledger/ledger-xlsx';
import { quietLog } from '../support/call';
import { runCliCaptured } from '../support/cli';
import { ledgerDepartment, seedManyTasks } from '../support/ledger-fixtures';
import { useTempDirs } from '../support/temp';
import { readXlsx } from '../support/xlsx-xml';

const tempDir = useTempDirs();

/** A data folder (the embedded plan) where 质监 has 30 tasks spread over its measures. */
async function dataFolder(): Promise<string> {
  const dir = tempDir();
  const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog });
  seedManyTasks(backend.db, ledgerDepartment, 30);
  await backend.close();
  return dir;
}

describe('planledger export-ledger', () => {
  it('writes the department’s ledger and says where, with the counts', async () => {
    const dir = await dataFolder();
    const out = join(tempDir(), '质监台账.xlsx');
    const result = await runCliCaptured(['export-ledger', '--data-dir', dir, '--department', ledgerDepartment, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^已导出工作台账：${out}（11 项措施，30 项任务，\\d+ 字节）\\n$`, 'u'));
    const [ledger, summary] = readXlsx(out).sheets;
    expect([...'ABCDEFGHIJ'].map((column) => ledger?.cells.get(`${column}1`)?.value)).toEqual([...ledgerHeaders]);
    // Header, 11 measure headings, 30 tasks; the summary's total row counts them all.
    expect(ledger?.rows).toHaveLength(1 + 11 + 30);
    expect(summary?.cells.get('A13')?.value).toBe('合计');
    expect(summary?.cells.get('E13')?.value).toBe(30);
  });

  it('answers in English with --lang en', async () => {
    const dir = await dataFolder();
    const out = join(tempDir(), 'ledger.xlsx');
    const result = await runCliCaptured([
      'export-ledger',
      '--data-dir',
      dir,
      '--department',
      ledgerDepartment,
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Ledger exported: .*ledger\.xlsx \(11 measures, 30 tasks, \d+ bytes\)\n$/u);
  });

  it('refuses an unknown department or an unwritable folder in one sentence, leaving no file', async () => {
    const dir = await dataFolder();
    const outDir = tempDir();
    const unknown = await runCliCaptured(['export-ledger', '--data-dir', dir, '--department', '质量局', '--out', join(outDir, 'a.xlsx')]);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: '错误：当前计划中没有名为“质量局”的部门。\n' });
    const missing = join(outDir, 'no-such-folder', 'b.xlsx');
    const unwritable = await runCliCaptured(['export-ledger', '--data-dir', dir, '--department', ledgerDepartment, '--out', missing]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^错误：无法写出文件“b\.xlsx”：.+\n$/u);
    expect(readdirSync(outDir)).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });

  it('asks for --department and --out', async () => {
    const dir = await dataFolder();
    const result = await runCliCaptured(['export-ledger', '--data-dir', dir, '--department', ledgerDepartment]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('planledger export-ledger --department NAME --out FILE.xlsx');
    expect((await runCliCaptured(['export-ledger', '--help'])).stdout).toContain('--out FILE.xlsx');
  });
});
