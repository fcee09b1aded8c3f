import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiveSummary } from '../../shared/api/calls/office';
import { claimBatch } from '../../electron/services/office/receive';
import { watchFolderSetting, type FolderWatcherOptions, type ReceiveFiles } from '../../electron/services/office/watch';
import { nodeWatchFs, type WatchFs } from '../../electron/services/office/watch-scan';
import { readAllSettings } from '../../electron/db/repos/settings';
import { expectApiError, useBackends } from '../support/backend';
import { exportDepartmentPackages, type ExportedPackage } from '../support/office-packages';
import { useTempDirs } from '../support/temp';

const open = useBackends();
const tempDir = useTempDirs();

interface Offer {
  path: string;
  /** The file's size when it was handed over (a half-written one would be smaller). */
  size: number;
}

/** Stands in for the inbox's receiving: records what the watcher hands over, and accepts it. */
function recorder(): { offers: Offer[]; receive: ReceiveFiles } {
  const offers: Offer[] = [];
  const receive: ReceiveFiles = async (_ctx, sources) => {
    await Promise.resolve();
    for (const source of sources) offers.push({ path: source.path, size: statSync(source.path).size });
    const summary: ReceiveSummary = {
      accepted: sources.length,
      duplicates: 0,
      refused: 0,
      items: sources.map((source) => ({ path: source.path, outcome: 'accepted' })),
    };
    return summary;
  };
  return { offers, receive };
}

/** A backend watching `folder` with a clock the test steps, scanning only when told (scanNow). */
async function watching(folder: string, options: Partial<FolderWatcherOptions> = {}) {
  const clock = { now: 0 };
  const { offers, receive } = recorder();
  const backend = await open({
    watch: { folder, options: { polling: false, clock: () => clock.now, settleMs: 2000, timeoutMs: 200, receive, ...options } },
  });
  const watcher = backend.watcher!;
  /** Steps the clock to `at` and scans. */
  const scanAt = async (at: number) => {
    clock.now = at;
    await watcher.scanNow();
  };
  return { backend, watcher, offers, clock, scanAt };
}

const packageBytes = Buffer.alloc(64 * 1024, 7);

describe('the watched folder', () => {
  it('reads a package copied in slowly only once it is complete, and only once', async () => {
    const folder = tempDir();
    const file = join(folder, '质监-2016年下半年.plreport');
    const { offers, scanAt, watcher } = await watching(folder);

    writeFileSync(file, packageBytes.subarray(0, 30_000));
    await scanAt(0);
    appendFileSync(file, packageBytes.subarray(30_000));
    await scanAt(3000);
    expect(offers).toEqual([]);
    await scanAt(6000);
    expect(offers).toEqual([{ path: file, size: packageBytes.length }]);
    await scanAt(9000);
    await scanAt(12_000);
    expect(offers).toHaveLength(1);
    expect(watcher.state()).toMatchObject({
      folder,
      state: 'watching',
      lastScanAt: new Date(12_000).toISOString(),
      problem: null,
      counts: { accepted: 1, duplicates: 0, refused: 0 },
    });
  });

  it('finds packages in nested folders, and skips hidden files, other files and symbolic links', async () => {
    const folder = tempDir();
    const outside = tempDir();
    const { offers, scanAt } = await watching(folder);
    const nested = join(folder, '2016', '下半年');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, '财政-2016年下半年.plreport'), packageBytes);
    writeFileSync(join(nested, '.隐藏.plreport'), packageBytes);
    writeFileSync(join(nested, '说明.docx'), packageBytes);
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, '.git', 'x.plreport'), packageBytes);
    writeFileSync(join(outside, '外面.plreport'), packageBytes);
    symlinkSync(join(outside, '外面.plreport'), join(folder, '链接.plreport'));
    symlinkSync(outside, join(folder, '链接文件夹'));

    await scanAt(0);
    await scanAt(2000);
    expect(offers.map((offer) => offer.path)).toEqual([join(nested, '财政-2016年下半年.plreport')]);
  });

  it('waits while the file is locked by the program still copying it', async () => {
    const folder = tempDir();
    const file = join(folder, '质监.plreport');
    const locked = new Set([file]);
    const fs: WatchFs = {
      ...nodeWatchFs,
      probe: async (path) => {
        if (locked.has(path)) throw Object.assign(new Error(`EBUSY: resource busy or locked, open '${path}'`), { code: 'EBUSY' });
        await nodeWatchFs.probe(path);
      },
    };
    const { offers, scanAt } = await watching(folder, { fs });
    writeFileSync(file, packageBytes);
    await scanAt(0);
    await scanAt(5000);
    expect(offers).toEqual([]);
    locked.clear();
    // Settles again from the scan that found it locked.
    await scanAt(6000);
    expect(offers).toEqual([]);
    await scanAt(7000);
    expect(offers.map((offer) => offer.path)).toEqual([file]);
  });

  it('says in words that a folder that went away is unavailable, and resumes by itself when it is back', async () => {
    const folder = join(tempDir(), 'U盘');
    mkdirSync(folder);
    const { offers, scanAt, watcher } = await watching(folder);
    await scanAt(0);
    rmSync(folder, { recursive: true });

    await scanAt(3000);
    const gone = watcher.state();
    expect(gone.state).toBe('unavailable');
    expect(gone.problem).toBe(`无法读取监视的文件夹 ${folder}：文件或文件夹不存在，可能已被移走或删除。恢复连接后会自动继续接收。`);
    expect(gone.lastScanAt).toBe(new Date(0).toISOString());

    mkdirSync(folder);
    writeFileSync(join(folder, '质监.plreport'), packageBytes);
    await scanAt(6000);
    expect(watcher.state()).toMatchObject({ state: 'watching', problem: null, lastScanAt: new Date(6000).toISOString() });
    await scanAt(9000);
    expect(offers).toHaveLength(1);
  });

  it('treats a share that does not answer as unavailable, without blocking anything, and does not pile up calls on it', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '质监.plreport'), packageBytes);
    let hanging = true;
    let release: () => void = () => undefined;
    let reads = 0;
    const fs: WatchFs = {
      ...nodeWatchFs,
      readdir: async (path) => {
        reads += 1;
        if (hanging) await new Promise<void>((resolve) => (release = resolve));
        return nodeWatchFs.readdir(path);
      },
    };
    const { backend, offers, scanAt, watcher } = await watching(folder, { fs, timeoutMs: 50 });
    await scanAt(0);
    expect(watcher.state().state).toBe('unavailable');
    expect(watcher.state().problem).toContain('长时间没有响应');

    // Other calls are answered while the share hangs.
    const scan = scanAt(1000);
    await expect(backend.call('office.watchState', {})).resolves.toMatchObject({ state: 'unavailable' });
    await scan;
    // The hung call is still out: the share is not asked again until it comes back.
    expect(reads).toBe(1);

    hanging = false;
    release();
    await sleep(10);
    await scanAt(2000);
    await scanAt(4000);
    expect(watcher.state()).toMatchObject({ state: 'watching', problem: null });
    expect(offers).toHaveLength(1);
  });

  it('waits while an inbox batch is running, and the inbox waits for it: two receives never overlap', async () => {
    const folder = tempDir();
    const file = join(folder, '质监.plreport');
    writeFileSync(file, packageBytes);
    let finishReceiving: () => void = () => undefined;
    let receiving = false;
    const { offers, receive } = recorder();
    const slowReceive: ReceiveFiles = async (ctx, sources, options) => {
      receiving = true;
      await new Promise<void>((resolve) => (finishReceiving = resolve));
      return receive(ctx, sources, options);
    };
    const { backend, scanAt } = await watching(folder, { receive: slowReceive });

    // The inbox holds the data folder's batch: the watcher's ready file waits.
    const releaseInbox = claimBatch(backend.ctx);
    await scanAt(0);
    await scanAt(3000);
    expect(receiving).toBe(false);
    releaseInbox();

    // Now the watcher receives, and the inbox is told to wait.
    const scan = scanAt(4000);
    await expect.poll(() => receiving).toBe(true);
    await expectApiError(
      backend.call('office.receive', { fileIds: [backend.ctx.files.registerExisting(file).id] }),
      'office.batch_running',
    );
    finishReceiving();
    await scan;
    expect(offers.map((offer) => offer.path)).toEqual([file]);
  });

  it('tries a file again when receiving it failed for a passing reason, not when it was refused for good', async () => {
    const folder = tempDir();
    const locked = join(folder, 'a.plreport');
    const bad = join(folder, 'b.plreport');
    writeFileSync(locked, packageBytes);
    writeFileSync(bad, 'not a package');
    const offered: string[] = [];
    const receive: ReceiveFiles = async (_ctx, sources) => {
      await Promise.resolve();
      offered.push(...sources.map((source) => source.path));
      return {
        accepted: 0,
        duplicates: 0,
        refused: sources.length,
        items: sources.map((source) => ({
          path: source.path,
          outcome: 'refused',
          reason: source.path === bad ? 'not_a_zip' : 'unreadable',
        })),
      };
    };
    const { scanAt, watcher } = await watching(folder, { receive });
    await scanAt(0);
    await scanAt(3000);
    await scanAt(6000);
    expect(offered).toEqual([locked, bad, locked]);
    expect(watcher.state().counts).toEqual({ accepted: 0, duplicates: 0, refused: 1 });
  });

  it('remembers across a restart what it received, and reads only what changed meanwhile', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const kept = join(folder, '质监.plreport');
    const changed = join(folder, '财政.plreport');
    writeFileSync(kept, packageBytes);
    writeFileSync(changed, packageBytes);
    const first = recorder();
    const before = await open({ dataDir, watch: { folder, options: { polling: false, clock: () => 0, receive: first.receive } } });
    await before.watcher!.scanNow();
    expect(first.offers).toEqual([]);
    await before.close();
    // Nothing was received before the restart: both are read once they have settled.
    const second = recorder();
    let now = 10_000;
    const again = await open({ dataDir, watch: { options: { polling: false, clock: () => now, receive: second.receive } } });
    await again.watcher!.scanNow();
    now += 5000;
    await again.watcher!.scanNow();
    expect(second.offers.map((offer) => offer.path).sort()).toEqual([changed, kept].sort());
    await again.close();

    appendFileSync(changed, 'more');
    const third = recorder();
    const last = await open({ dataDir, watch: { options: { polling: false, clock: () => now, receive: third.receive } } });
    await last.watcher!.scanNow();
    now += 5000;
    await last.watcher!.scanNow();
    expect(third.offers.map((offer) => offer.path)).toEqual([changed]);
  });

  it('polls by itself, and leaves nothing running once disposed', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '质监.plreport'), packageBytes);
    let reads = 0;
    const fs: WatchFs = { ...nodeWatchFs, readdir: (path) => ((reads += 1), nodeWatchFs.readdir(path)) };
    const { offers, receive } = recorder();
    const backend = await open({ watch: { folder, options: { polling: true, pollMs: 5, settleMs: 0, fs, receive } } });
    await expect.poll(() => offers.length).toBe(1);
    await backend.watcher!.dispose();
    const after = reads;
    await sleep(50);
    expect(reads).toBe(after);
  });

  it('stops a receive in progress when the backend closes', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '质监.plreport'), packageBytes);
    let started = false;
    let sawAbort = false;
    const receive: ReceiveFiles = async (_ctx, _sources, options) => {
      started = true;
      await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve()));
      sawAbort = true;
      throw new Error('aborted');
    };
    const { backend, scanAt } = await watching(folder, { receive });
    await scanAt(0);
    const scan = scanAt(3000);
    await expect.poll(() => started).toBe(true);
    expect(backend.watcher!.state().state).toBe('scanning');
    await backend.close();
    await scan;
    expect(sawAbort).toBe(true);
  });
});

describe('closing with a receive stuck in a hung share', () => {
  it('does not wait for it beyond the time of one call', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, '质监.plreport'), packageBytes);
    let started = false;
    // A read on a share that never answers: not even the abort gets through.
    const receive: ReceiveFiles = async () => {
      started = true;
      return new Promise<never>(() => undefined);
    };
    const { backend, scanAt } = await watching(folder, { receive, timeoutMs: 100 });
    await scanAt(0);
    void scanAt(3000);
    await expect.poll(() => started).toBe(true);
    const closing = Date.now();
    await backend.close();
    expect(Date.now() - closing).toBeLessThan(2000);
  });
});

describe('the watched folder hands packages to the inbox', () => {
  let fixtures: string;
  let exported: ExportedPackage[];
  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'planledger-watch-fixtures-'));
    exported = await exportDepartmentPackages(fixtures, [
      { department: '经济和信息化', period: '2016-H2', name: '经信-下半年.plreport', at: new Date('2017-01-10T09:00:00+08:00') },
    ]);
  }, 60_000);
  afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

  it('receives a package copied in slowly, once; a second copy is a duplicate, a bad file is refused once', async () => {
    const [sent] = exported;
    const folder = tempDir();
    const clock = { now: 0 };
    const backend = await open({ watch: { folder, options: { polling: false, clock: () => clock.now, settleMs: 2000 } } });
    const watcher = backend.watcher!;
    const scanAt = async (at: number) => {
      clock.now = at;
      await watcher.scanNow();
    };
    const bytes = readFileSync(sent!.file);
    const arrived = join(folder, '经信-下半年.plreport');
    writeFileSync(arrived, bytes.subarray(0, bytes.length >> 1));
    await scanAt(0);
    appendFileSync(arrived, bytes.subarray(bytes.length >> 1));
    await scanAt(3000);
    await scanAt(6000);
    const [submission, ...others] = await backend.call('office.submissions', { includeSuperseded: true });
    expect(others).toEqual([]);
    expect(submission).toMatchObject({
      department: '经济和信息化',
      fileName: '经信-下半年.plreport',
      packageSha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(watcher.state().counts).toEqual({ accepted: 1, duplicates: 0, refused: 0 });

    mkdirSync(join(folder, '又一份'));
    writeFileSync(join(folder, '又一份', '经信-副本.plreport'), bytes);
    writeFileSync(join(folder, '坏的.plreport'), 'not a package');
    await scanAt(9000);
    await scanAt(12_000);
    await scanAt(15_000);
    expect(watcher.state().counts).toEqual({ accepted: 1, duplicates: 1, refused: 1 });
    expect(await backend.call('office.submissions', { includeSuperseded: true })).toHaveLength(1);
  });
});

describe('office.watch and office.watchState', () => {
  it('watches a chosen folder, keeps it across a restart, and stops on null', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const options = { polling: false, receive: recorder().receive };
    const first = await open({ dataDir, watch: { options } });
    expect(await first.call('office.watchState', {})).toEqual({
      folder: null,
      state: 'off',
      lastScanAt: null,
      problem: null,
      counts: { accepted: 0, duplicates: 0, refused: 0 },
    });
    const chosen = first.ctx.files.registerExisting(folder, { folders: true });
    expect(await first.call('office.watch', { fileId: chosen.id })).toMatchObject({ folder, state: 'watching' });
    await first.close();

    const second = await open({ dataDir, watch: { options } });
    expect(await second.call('office.watchState', {})).toMatchObject({ folder, state: 'watching' });
    expect(await second.call('office.watch', { fileId: null })).toMatchObject({ folder: null, state: 'off' });
    expect(readAllSettings(second.db).get(watchFolderSetting)).toBe('');
    await second.close();

    const third = await open({ dataDir, watch: { options } });
    expect(await third.call('office.watchState', {})).toMatchObject({ folder: null, state: 'off' });
  });

  it('refuses a file where a folder is wanted, and in the browser, where no folder can be chosen', async () => {
    const file = join(tempDir(), '质监.plreport');
    writeFileSync(file, packageBytes);
    const desktop = await open({ runtime: 'electron', watch: { options: { polling: false } } });
    await expectApiError(desktop.call('office.watch', { fileId: desktop.ctx.files.registerExisting(file).id }), 'office.watch_not_folder');
    const browser = await open({ runtime: 'web', watch: { options: { polling: false } } });
    await expectApiError(browser.call('office.watch', { fileId: browser.ctx.files.registerExisting(file).id }), 'unsupported');
    expect(await browser.call('office.watchState', {})).toMatchObject({ state: 'off' });
  });

  it('runs no watcher in the CLI', async () => {
    const cli = await open();
    expect(cli.watcher).toBeNull();
    expect(await cli.call('office.watchState', {})).toMatchObject({ folder: null, state: 'off' });
    await expectApiError(cli.call('office.watch', { fileId: null }), 'unsupported');
  });
});
