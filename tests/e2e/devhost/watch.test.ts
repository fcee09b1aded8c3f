import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallRequest, CallResponse } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/errors';
import { exportDepartmentPackages, type ExportedPackage } from '../../support/office-packages';
import { useTempDirs } from '../../support/temp';
import { startDevHost, type DevHostProcess } from '../support/app';

const tempDir = useTempDirs();
let host: DevHostProcess | null = null;
let exported: ExportedPackage[];

beforeAll(async () => {
  exported = await exportDepartmentPackages(tempDir(), [
    { department: '发展改革', period: '2016-H2', name: '发改-下半年.plreport', at: new Date('2017-01-11T09:00:00+08:00') },
  ]);
});

afterEach(async () => {
  await host?.stop();
  host = null;
});

async function callHost<K extends CallName>(running: DevHostProcess, name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const response = await fetch(`${running.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-planledger-token': running.token },
    body: JSON.stringify(request),
  });
  const result = (await response.json()) as ApiResult<CallResponse<K>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value;
}

describe('the dev host watches a folder named with --watch', () => {
  it('receives a package put in it, can stop watching, and stops cleanly', async () => {
    const folder = join(tempDir(), '收件');
    mkdirSync(folder);
    host = await startDevHost(tempDir(), ['--watch', folder]);
    const running = host;
    await expect.poll(async () => (await callHost(running, 'office.watchState', {})).lastScanAt, { timeout: 10_000 }).not.toBeNull();
    expect(await callHost(running, 'office.watchState', {})).toMatchObject({ folder, state: 'watching', problem: null });

    copyFileSync(exported[0]!.file, join(folder, '发改-下半年.plreport'));
    // Read once it has stayed the same across two scans (every 3 s, at least 2 s apart).
    await expect
      .poll(async () => (await callHost(running, 'office.watchState', {})).counts, { timeout: 20_000, interval: 500 })
      .toEqual({ accepted: 1, duplicates: 0, refused: 0 });
    expect(await callHost(running, 'office.submissions', { includeSuperseded: true })).toMatchObject([
      { department: '发展改革', fileName: '发改-下半年.plreport' },
    ]);

    expect(await callHost(running, 'office.watch', { fileId: null })).toMatchObject({ folder: null, state: 'off' });
    expect(await running.stop()).toBe(0);
  });
});
