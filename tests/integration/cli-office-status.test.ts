import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { insertSubmission } from '../../electron/db/repos/submissions';
import { quietLog } from '../support/call';
import { runCliCaptured } from '../support/cli';
import { seedDepartmentNames } from '../support/seed';
import { signerOf, submissionRow } from '../support/submissions';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();

/** A data folder (the embedded plan) that received 质监's half-year report on time and 财政's a day late from an unregistered key. */
async function officeFolder(): Promise<{ dir: string; quality: string }> {
  const dir = tempDir();
  const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog });
  const quality = submissionRow('质监', '2016-H2', '2017-01-20T09:00:00+08:00', { receivedAt: '2017-01-22T02:00:00.000Z' });
  insertSubmission(backend.db, quality);
  insertSubmission(backend.db, submissionRow('财政', '2016-H2', '2017-02-01T09:00:00+08:00'));
  setTrustedSigner(backend.db, signerOf('质监'), '质监', '2017-01-01T00:00:00Z');
  await backend.close();
  return { dir, quality: quality.packageSha256 };
}

describe('planledger office-status', () => {
  it('prints every department of the active plan for the period as JSON', async () => {
    const { dir, quality } = await officeFolder();
    const result = await runCliCaptured(['office-status', '--data-dir', dir, '--period', '2016-h2', '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const status = JSON.parse(result.stdout) as { period: string; deadline: string; departments: { department: string }[] };
    expect(status).toMatchObject({ period: '2016-H2', deadline: '2017-01-31' });
    expect(status.departments.map((row) => row.department)).toEqual(seedDepartmentNames);
    expect(status.departments.find((row) => row.department === '质监')).toEqual({
      department: '质监',
      status: 'received',
      late: false,
      packageSha256: quality,
      receivedAt: '2017-01-22T02:00:00.000Z',
      tasks: { total: 5, done: 2 },
    });
    expect(status.departments.find((row) => row.department === '财政')).toMatchObject({ status: 'untrusted', late: true });
    // Today is long past 2017-01-31.
    expect(status.departments.find((row) => row.department === '教育')).toEqual({ department: '教育', status: 'missing', late: true });
  });

  it('prints a table for people, in Chinese or English', async () => {
    const { dir } = await officeFolder();
    const zh = await runCliCaptured(['office-status', '--data-dir', dir, '--period', '2016-H2']);
    expect(zh.code).toBe(0);
    const lines = zh.stdout.split('\n');
    expect(lines[0]).toBe('2016年下半年（2016-H2）的报送情况');
    expect(lines[1]).toBe('报送截止：2017-01-31');
    expect(lines.find((line) => line.startsWith('质监'))).toMatch(/^质监 +已报送 +2\/5 +2017-01-22 \d\d:\d\d$/u);
    expect(lines.find((line) => line.startsWith('财政'))).toMatch(/^财政 +签名人未登记 +2\/5 +\d{4}-\d\d-\d\d \d\d:\d\d$/u);
    expect(lines.find((line) => line.startsWith('教育'))).toMatch(/^教育 +逾期未报$/u);
    expect(zh.stdout).toContain('已报送 1 个 · 签名人未登记 1 个 · 未报送 25 个（共 27 个部门）');

    const en = await runCliCaptured(['office-status', '--data-dir', dir, '--period', '2016-H2', '--lang', 'en']);
    expect(en.stdout).toContain('1 reported · 1 signer not registered · 25 missing (27 departments)');
    expect(en.stdout).toContain('Missing, overdue');
  });

  it('refuses a missing or unreadable period', async () => {
    const { dir } = await officeFolder();
    expect((await runCliCaptured(['office-status', '--data-dir', dir])).code).toBe(2);
    const bad = await runCliCaptured(['office-status', '--data-dir', dir, '--period', '2016-Q5']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2016-Q5');
  });
});
