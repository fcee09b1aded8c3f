import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppHost } from '../../electron/app/startup';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { quietLog } from '../support/backend';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const hosts: AppHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

let clockMs = Date.UTC(2026, 10, 25, 1, 0, 0);
const now = () => new Date(clockMs);

async function start(dataDir: string): Promise<AppHost> {
  const host = await startApp({ dataDir, runtime: 'web', logger: quietLog, now });
  hosts.push(host);
  return host;
}

async function call<K extends CallName>(host: AppHost, name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const result = await host.router.dispatch(name, request);
  if (!result.ok) throw Object.assign(new Error(result.error.code), { apiError: result.error });
  return result.value as CallResponse<K>;
}

async function settle(host: AppHost): Promise<void> {
  // The daily backup starts in the background; give it a moment to finish.
  for (let i = 0; i < 100 && !(await call(host, 'backups.list', {})).some((b) => b.kind === 'daily'); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function stop(host: AppHost): void {
  host.close();
  hosts.splice(hosts.indexOf(host), 1);
}

/** Overwrites a stretch in the middle of the file, as a failing disk would. */
function corrupt(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 8192; i < 8192 + 4096 && i < bytes.length; i += 1) bytes[i] = (i * 131) % 256;
  writeFileSync(file, bytes);
}

describe('backups', () => {
  it('takes a verified copy at most daily and keeps the last seven', async () => {
    const dir = tempDir();
    let host = await start(dir);
    await settle(host);
    expect((await call(host, 'backups.list', {})).filter((b) => b.kind === 'daily')).toHaveLength(1);
    stop(host);

    clockMs += 60 * 60 * 1000;
    host = await start(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await call(host, 'backups.list', {})).filter((b) => b.kind === 'daily')).toHaveLength(1);
    stop(host);

    for (let day = 1; day <= 8; day += 1) {
      clockMs += 25 * 60 * 60 * 1000;
      host = await start(dir);
      const before = (await call(host, 'backups.list', {})).length;
      for (let i = 0; i < 100 && (await call(host, 'backups.list', {})).length === before && before < 7; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      stop(host);
    }
    const dailies = readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('planledger-daily-'));
    expect(dailies).toHaveLength(7);
  });

  it('restores a backup from settings after copying the current state', async () => {
    const host = await start(tempDir());
    await call(host, 'settings.update', { department: '经济和信息化' });
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['备份前的任务'] });
    clockMs += 1000;
    const manual = await call(host, 'backups.create', {});
    expect(manual.kind).toBe('manual');
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['备份后的任务'] });

    clockMs += 1000;
    const outcome = await call(host, 'backups.restore', { name: manual.name });
    expect(outcome.restored).toBe(manual.name);
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['备份前的任务']);

    // The state just before restoring was kept and can be restored in turn.
    clockMs += 1000;
    await call(host, 'backups.restore', { name: outcome.safetyCopy });
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['备份前的任务', '备份后的任务']);
  });

  it('accepts only backup names from its own listing', async () => {
    const host = await start(tempDir());
    await expect(call(host, 'backups.restore', { name: '../planledger.sqlite' })).rejects.toMatchObject({ apiError: { code: 'request.invalid' } });
    await expect(call(host, 'backups.restore', { name: 'planledger-manual-2020-01-01T00-00-00Z.sqlite' })).rejects.toMatchObject({
      apiError: { code: 'backup.not_found' },
    });
  });
});

describe('a damaged database at start', () => {
  async function damagedFolder() {
    const dir = tempDir();
    const host = await start(dir);
    await settle(host);
    await call(host, 'settings.update', { department: '质监' });
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['损坏之前记下的任务'] });
    clockMs += 1000;
    const good = await call(host, 'backups.create', {});
    stop(host);
    corrupt(join(dir, 'planledger.sqlite'));
    return { dir, good };
  }

  it('is reported, offered the latest good backup, and left untouched', async () => {
    const { dir, good } = await damagedFolder();
    const damagedBytes = readFileSync(join(dir, 'planledger.sqlite'));
    const host = await start(dir);

    await expect(call(host, 'settings.get', {})).rejects.toMatchObject({ apiError: { code: 'db.damaged' } });
    await expect(call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['x'] })).rejects.toMatchObject({ apiError: { code: 'db.damaged' } });
    const status = await call(host, 'recovery.status', {});
    expect(status.damaged).toBe(true);
    if (!status.damaged) return;
    expect(status.backups[0]).toMatchObject({ name: good.name, ok: true });
    expect(readFileSync(join(dir, 'planledger.sqlite')).equals(damagedBytes)).toBe(true);
  });

  it('restores the chosen backup and keeps the damaged file aside', async () => {
    const { dir, good } = await damagedFolder();
    const damagedBytes = readFileSync(join(dir, 'planledger.sqlite'));
    const host = await start(dir);
    const restored = await call(host, 'recovery.restore', { name: good.name });
    expect(restored.restored).toBe(good.name);
    expect(readFileSync(join(dir, restored.damagedCopy)).equals(damagedBytes)).toBe(true);
    expect(await call(host, 'recovery.status', {})).toEqual({ damaged: false });
    expect((await call(host, 'settings.get', {})).department).toBe('质监');
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['损坏之前记下的任务']);
  });

  it('treats a file that is not a database as damaged, and refuses a damaged backup', async () => {
    const dir = tempDir();
    const host = await start(dir);
    await settle(host);
    const [daily] = await call(host, 'backups.list', {});
    stop(host);
    writeFileSync(join(dir, 'planledger.sqlite'), 'not a database at all '.repeat(500));
    corrupt(join(dir, 'backups', daily?.name as string));

    const again = await start(dir);
    const status = await call(again, 'recovery.status', {});
    expect(status).toMatchObject({ damaged: true, backups: [{ name: daily?.name, ok: false }] });
    await expect(call(again, 'recovery.restore', { name: daily?.name as string })).rejects.toMatchObject({ apiError: { code: 'backup.damaged' } });
    expect(existsSync(join(dir, 'planledger.sqlite'))).toBe(true);
  });
});
