import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { openRecoverableBackend, type RecoverableBackend } from '../../electron/backend/startup';
import { checkDatabaseFile, listBackups } from '../../electron/db/backup';
import { dailyBackupIfDue, takeBackup } from '../../electron/services/backups/backups';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { callOrThrow, quietLog } from '../support/call';
import { corruptDatabase } from '../support/damage';
import { latestSchemaVersion } from '../../electron/db/migrations';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const hosts: RecoverableBackend[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

let clockMs = Date.UTC(2026, 10, 25, 1, 0, 0);
const now = () => new Date(clockMs);

async function start(dataDir: string): Promise<RecoverableBackend> {
  const host = await openRecoverableBackend({ dataDir, runtime: 'web', logger: quietLog, now });
  hosts.push(host);
  return host;
}

function call<K extends CallName>(host: RecoverableBackend, name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  return callOrThrow(host.router, name, request);
}

/** The daily backup check runs in the background at start: waits until it is done (a copy taken or not). */
function settle(host: RecoverableBackend): Promise<void> {
  return host.whenIdle();
}

async function stop(host: RecoverableBackend): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}

/** A sound copy of a backup that claims a schema from a newer app version: it passes its check but will not open. */
function plantNewerBackup(dir: string, from: string): string {
  const name = 'planledger-manual-2020-01-01T00-00-00Z.sqlite';
  const path = join(dir, 'backups', name);
  copyFileSync(from, path);
  const db = new Database(path);
  db.pragma(`user_version = ${latestSchemaVersion + 5}`);
  db.close();
  return name;
}

/** The data folder's files other than the database itself and the usual folders. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter(
    (name) => !['planledger.sqlite', 'planledger.sqlite-wal', 'planledger.sqlite-shm', 'backups', 'logs', 'tmp', 'evidence'].includes(name),
  );
}

describe('backups', () => {
  it('takes a verified copy at most daily and keeps the last seven', async () => {
    const dir = tempDir();
    let host = await start(dir);
    await settle(host);
    expect((await call(host, 'backups.list', {})).filter((b) => b.kind === 'daily')).toHaveLength(1);
    await stop(host);

    clockMs += 60 * 60 * 1000;
    host = await start(dir);
    await settle(host);
    expect((await call(host, 'backups.list', {})).filter((b) => b.kind === 'daily')).toHaveLength(1);
    await stop(host);

    for (let day = 1; day <= 8; day += 1) {
      clockMs += 25 * 60 * 60 * 1000;
      host = await start(dir);
      await settle(host);
      expect((await call(host, 'backups.list', {})).filter((b) => b.kind === 'daily')).toHaveLength(Math.min(day + 1, 7));
      await stop(host);
    }
    const dailies = readdirSync(join(dir, 'backups')).filter((name) => name.startsWith('planledger-daily-'));
    expect(dailies).toHaveLength(7);
  });

  it('keeps taking daily copies when the clock goes backwards, and keeps the ones just taken', async () => {
    const dir = tempDir();
    let clock = Date.UTC(2026, 10, 1, 8, 0, 0);
    const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog, now: () => new Date(clock) });
    try {
      const dailies = () =>
        readdirSync(join(dir, 'backups'))
          .filter((name) => name.startsWith('planledger-daily-'))
          .sort();
      for (let day = 0; day < 7; day += 1) {
        expect(await dailyBackupIfDue(backend.ctx)).not.toBeNull();
        clock += 25 * 60 * 60 * 1000;
      }
      expect(dailies()).toHaveLength(7);
      const beforeJump = dailies();

      // The BIOS battery died: the clock now says a month earlier.
      clock -= 40 * 24 * 60 * 60 * 1000;
      const first = await dailyBackupIfDue(backend.ctx);
      expect(first).not.toBeNull();
      expect(dailies()).toContain(first?.name);
      expect(dailies()).toHaveLength(7);
      // Not again within the day…
      clock += 60 * 60 * 1000;
      expect(await dailyBackupIfDue(backend.ctx)).toBeNull();
      // …but the next day, and the copies taken since the jump are the ones kept.
      clock += 24 * 60 * 60 * 1000;
      const second = await dailyBackupIfDue(backend.ctx);
      expect(second).not.toBeNull();
      expect(dailies()).toEqual(expect.arrayContaining([first?.name, second?.name]));
      expect(dailies()).toHaveLength(7);
      // The oldest copies of before the jump made room.
      expect(dailies().filter((name) => beforeJump.includes(name))).toEqual(beforeJump.slice(2));
    } finally {
      await backend.close();
    }
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

  it('reopens the current data when the restored copy will not open, so the app keeps working', async () => {
    const dir = tempDir();
    const host = await start(dir);
    await call(host, 'settings.update', { department: '经济和信息化' });
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['恢复失败也不能丢的任务'] });
    clockMs += 1000;
    const good = await call(host, 'backups.create', {});
    const newer = plantNewerBackup(dir, join(dir, 'backups', good.name));

    clockMs += 1000;
    await expect(call(host, 'backups.restore', { name: newer })).rejects.toMatchObject({ apiError: { code: 'db.newer_version' } });
    expect(host.backend()?.db.open).toBe(true);
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['恢复失败也不能丢的任务']);
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['之后照常记录'] });
    expect(leftovers(dir)).toEqual([]);

    // A good backup still restores afterwards.
    clockMs += 1000;
    await call(host, 'backups.restore', { name: good.name });
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['恢复失败也不能丢的任务']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps every copy taken in the same instant, the later ones listed first', async () => {
    const dir = tempDir();
    const instant = new Date(Date.UTC(2026, 10, 25, 8, 30, 0, 250));
    const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog, now: () => instant });
    try {
      const first = await takeBackup(backend.ctx, 'manual');
      const second = await takeBackup(backend.ctx, 'manual');
      // Two at once as well: neither may take the other's name.
      const [third, fourth] = await Promise.all([takeBackup(backend.ctx, 'manual'), takeBackup(backend.ctx, 'manual')]);
      const names = [first, second, third!, fourth!].map((backup) => backup.name);
      expect(new Set(names).size).toBe(4);
      expect(first.name).toBe('planledger-manual-2026-11-25T08-30-00-250Z.sqlite');
      expect(second.name).toBe('planledger-manual-2026-11-25T08-30-00-250Z-2.sqlite');
      for (const backup of [first, second, third!, fourth!]) {
        expect(backup.createdAt).toBe(instant.toISOString());
        expect(checkDatabaseFile(join(dir, 'backups', backup.name))).toBe('ok');
      }
      const listed = listBackups(join(dir, 'backups')).map((backup) => backup.name);
      expect(listed.slice(2)).toEqual([second.name, first.name]);
      expect(listed.slice(0, 2).sort()).toEqual([third!.name, fourth!.name].sort());

      // More than are kept, all in that instant: the first ones taken make room.
      const more = [];
      for (let i = 0; i < 5; i += 1) more.push((await takeBackup(backend.ctx, 'manual')).name);
      const kept = listBackups(join(dir, 'backups')).map((backup) => backup.name);
      expect(kept).toHaveLength(7);
      expect(kept.slice(0, 5)).toEqual(more.reverse());
      expect(kept).not.toContain(first.name);
      expect(kept).not.toContain(second.name);
    } finally {
      await backend.close();
    }
  });

  it('keeps the first safety copy when two restores happen within one second', async () => {
    const host = await start(tempDir());
    await call(host, 'settings.update', { department: '经济和信息化' });
    clockMs += 1000;
    const manual = await call(host, 'backups.create', {});
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['第一次恢复前的任务'] });
    const first = await call(host, 'backups.restore', { name: manual.name });
    clockMs += 400;
    const second = await call(host, 'backups.restore', { name: manual.name });
    expect(second.safetyCopy).not.toBe(first.safetyCopy);
    await call(host, 'backups.restore', { name: first.safetyCopy });
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['第一次恢复前的任务']);
  });

  it('reads both name forms, to the second (older copies) and to the millisecond with a counter', () => {
    const dir = tempDir();
    const names = [
      'planledger-daily-2026-11-25T08-30-00Z.sqlite',
      'planledger-daily-2026-11-25T08-30-00-001Z.sqlite',
      'planledger-daily-2026-11-25T08-30-00-001Z-2.sqlite',
      'planledger-daily-2026-11-25T08-30-00-001Z-10.sqlite',
      'planledger-pre-migration-v3-to-v4-2026-11-25T08-29-59-999Z.sqlite',
      'planledger-daily-2026-11-25T08-30-00-01Z.sqlite',
      'planledger-daily-2026-11-25T08-30-00Z-x.sqlite',
      'notes.txt',
    ];
    for (const name of names) writeFileSync(join(dir, name), '');
    expect(listBackups(dir).map(({ name, kind, createdAt }) => ({ name, kind, createdAt }))).toEqual([
      { name: 'planledger-daily-2026-11-25T08-30-00-001Z-10.sqlite', kind: 'daily', createdAt: '2026-11-25T08:30:00.001Z' },
      { name: 'planledger-daily-2026-11-25T08-30-00-001Z-2.sqlite', kind: 'daily', createdAt: '2026-11-25T08:30:00.001Z' },
      { name: 'planledger-daily-2026-11-25T08-30-00-001Z.sqlite', kind: 'daily', createdAt: '2026-11-25T08:30:00.001Z' },
      { name: 'planledger-daily-2026-11-25T08-30-00Z.sqlite', kind: 'daily', createdAt: '2026-11-25T08:30:00.000Z' },
      {
        name: 'planledger-pre-migration-v3-to-v4-2026-11-25T08-29-59-999Z.sqlite',
        kind: 'pre-migration',
        createdAt: '2026-11-25T08:29:59.999Z',
      },
    ]);
  });

  it('accepts only backup names from its own listing', async () => {
    const host = await start(tempDir());
    await expect(call(host, 'backups.restore', { name: '../planledger.sqlite' })).rejects.toMatchObject({
      apiError: { code: 'request.invalid' },
    });
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
    await stop(host);
    corruptDatabase(join(dir, 'planledger.sqlite'));
    return { dir, good };
  }

  it('is reported, offered the latest good backup, and left untouched', async () => {
    const { dir, good } = await damagedFolder();
    const damagedBytes = readFileSync(join(dir, 'planledger.sqlite'));
    const host = await start(dir);

    await expect(call(host, 'settings.get', {})).rejects.toMatchObject({ apiError: { code: 'db.damaged' } });
    await expect(call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['x'] })).rejects.toMatchObject({
      apiError: { code: 'db.damaged' },
    });
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
    expect(readFileSync(join(dir, restored.damagedCopy as string)).equals(damagedBytes)).toBe(true);
    expect(await call(host, 'recovery.status', {})).toEqual({ damaged: false });
    expect((await call(host, 'settings.get', {})).department).toBe('质监');
    expect((await call(host, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['损坏之前记下的任务']);
  });

  it('treats a file that is not a database as damaged, and refuses a damaged backup', async () => {
    const dir = tempDir();
    const host = await start(dir);
    await settle(host);
    const [daily] = await call(host, 'backups.list', {});
    await stop(host);
    writeFileSync(join(dir, 'planledger.sqlite'), 'not a database at all '.repeat(500));
    corruptDatabase(join(dir, 'backups', daily?.name as string));

    const again = await start(dir);
    const status = await call(again, 'recovery.status', {});
    expect(status).toMatchObject({ damaged: true, backups: [{ name: daily?.name, ok: false }] });
    await expect(call(again, 'recovery.restore', { name: daily?.name as string })).rejects.toMatchObject({
      apiError: { code: 'backup.damaged' },
    });
    expect(existsSync(join(dir, 'planledger.sqlite'))).toBe(true);
  });
});

describe('recovery at start', () => {
  it('treats a missing database with backups present as a recovery case, not a fresh start', async () => {
    const dir = tempDir();
    const host = await start(dir);
    await call(host, 'settings.update', { department: '质监' });
    await call(host, 'tasks.create', { measureCode: '2.1.1', texts: ['数据文件丢失前的任务'] });
    clockMs += 1000;
    const good = await call(host, 'backups.create', {});
    await stop(host);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `planledger.sqlite${suffix}`), { force: true });

    const again = await start(dir);
    await expect(call(again, 'settings.get', {})).rejects.toMatchObject({ apiError: { code: 'db.damaged' } });
    expect(existsSync(join(dir, 'planledger.sqlite'))).toBe(false);
    const status = await call(again, 'recovery.status', {});
    expect(status).toMatchObject({ damaged: true, cause: 'missing' });
    expect(status.damaged && status.backups[0]).toMatchObject({ name: good.name, ok: true });

    const restored = await call(again, 'recovery.restore', { name: good.name });
    expect(restored).toEqual({ restored: good.name, damagedCopy: null });
    expect((await call(again, 'workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['数据文件丢失前的任务']);
  });

  it('starts fresh when asked although backups are there', async () => {
    const dir = tempDir();
    const host = await start(dir);
    clockMs += 1000;
    await call(host, 'backups.create', {});
    await stop(host);
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `planledger.sqlite${suffix}`), { force: true });

    const again = await start(dir);
    expect(await call(again, 'recovery.startFresh', {})).toEqual({ damagedCopy: null });
    expect(await call(again, 'recovery.status', {})).toEqual({ damaged: false });
    expect(await call(again, 'plans.active', {})).toMatchObject({ docNumber: '鲁政办字〔2016〕103号' });
  });

  it('takes one recovery at a time: a second restore while one runs is refused, the first goes through', async () => {
    const dir = tempDir();
    const host = await start(dir);
    clockMs += 1000;
    const good = await call(host, 'backups.create', {});
    await stop(host);
    corruptDatabase(join(dir, 'planledger.sqlite'));

    const again = await start(dir);
    const first = call(again, 'recovery.restore', { name: good.name });
    const second = call(again, 'recovery.startFresh', {});
    await expect(second).rejects.toMatchObject({ apiError: { code: 'recovery.busy' } });
    await expect(first).resolves.toMatchObject({ restored: good.name });
    expect(await call(again, 'recovery.status', {})).toEqual({ damaged: false });
  });

  it('starts as usual in an empty data folder', async () => {
    const host = await start(tempDir());
    expect(await call(host, 'recovery.status', {})).toEqual({ damaged: false });
    expect((await call(host, 'plans.list', {})).plans).toHaveLength(1);
  });

  it('puts the damaged file back when the chosen backup cannot be installed', async () => {
    const dir = tempDir();
    const host = await start(dir);
    await settle(host);
    clockMs += 1000;
    const good = await call(host, 'backups.create', {});
    await stop(host);
    const newer = plantNewerBackup(dir, join(dir, 'backups', good.name));
    corruptDatabase(join(dir, 'planledger.sqlite'));
    const damagedBytes = readFileSync(join(dir, 'planledger.sqlite'));

    const again = await start(dir);
    await expect(call(again, 'recovery.restore', { name: newer })).rejects.toMatchObject({ apiError: { code: 'db.newer_version' } });
    expect(readFileSync(join(dir, 'planledger.sqlite')).equals(damagedBytes)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect(await call(again, 'recovery.status', {})).toMatchObject({ damaged: true, cause: 'damaged' });
    // The user can still choose the good one.
    const restored = await call(again, 'recovery.restore', { name: good.name });
    expect(readFileSync(join(dir, restored.damagedCopy as string)).equals(damagedBytes)).toBe(true);
    expect(await call(again, 'recovery.status', {})).toEqual({ damaged: false });
  });

  it('starts fresh when asked, keeping the damaged file aside under a dated name', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'planledger.sqlite'), 'not a database at all '.repeat(500));
    const damagedBytes = readFileSync(join(dir, 'planledger.sqlite'));
    const host = await start(dir);
    const status = await call(host, 'recovery.status', {});
    expect(status).toMatchObject({ damaged: true, cause: 'damaged', backups: [] });

    const fresh = await call(host, 'recovery.startFresh', {});
    expect(fresh.damagedCopy).toMatch(/^planledger-damaged-2026-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/u);
    expect(readFileSync(join(dir, fresh.damagedCopy as string)).equals(damagedBytes)).toBe(true);
    expect(await call(host, 'recovery.status', {})).toEqual({ damaged: false });
    expect(await call(host, 'plans.active', {})).toMatchObject({ docNumber: '鲁政办字〔2016〕103号' });
    expect((await call(host, 'settings.get', {})).department).toBeNull();

    // Never twice over the same name: a second damaged file is kept too.
    await stop(host);
    writeFileSync(join(dir, 'planledger.sqlite'), 'damaged again '.repeat(500));
    const again = await start(dir);
    const second = await call(again, 'recovery.startFresh', {});
    expect(second.damagedCopy).not.toBe(fresh.damagedCopy);
    expect(readFileSync(join(dir, fresh.damagedCopy as string)).equals(damagedBytes)).toBe(true);
    expect(readFileSync(join(dir, second.damagedCopy as string), 'utf8')).toContain('damaged again');
  });

  it('offers starting fresh only in recovery', async () => {
    const host = await start(tempDir());
    await expect(call(host, 'recovery.startFresh', {})).rejects.toMatchObject({ apiError: { code: 'unsupported' } });
  });
});
