import type { ReceiveCounts, ReceiveSummary, WatchState } from '../../../shared/api/calls/office';
import { userMessage } from '../../../shared/api/error-text';
import { AppError } from '../../../shared/api/errors';
import { readAllSettings, writeSetting } from '../../db/repos/settings';
import { errnoCode } from '../../lib/file-errors';
import { createTranslator } from '../../lib/i18n';
import { errorDetails } from '../../lib/log';
import type { ServiceContext } from '../context';
import { readSettings } from '../settings/settings';
import { claimBatch, receivePackages, type ReceiveOptions, type ReceiveSource } from './receive';
import {
  assessListing,
  defaultWalkLimits,
  fileVersion,
  FsTimeout,
  isLockedCode,
  nextScanDelay,
  nodeWatchFs,
  pruneReceived,
  walkFolder,
  type Bounded,
  type Observation,
  type Sighting,
  type WalkLimits,
  type WatchFs,
} from './watch-scan';

/** The setting that keeps the watched folder across restarts (not part of the Settings call: the renderer sees it in WatchState). */
export const watchFolderSetting = 'officeWatchFolder';
/** What was received from the watched folder (path → size:mtime), so a restart does not read every package there again. */
export const watchReceivedSetting = 'officeWatchReceived';

export type ReceiveFiles = (ctx: ServiceContext, sources: readonly ReceiveSource[], options: ReceiveOptions) => Promise<ReceiveSummary>;

export interface FolderWatcherOptions {
  /** Time between scans while the folder is reachable. */
  pollMs: number;
  /** How long a file must stay the same size and time, across two scans, before it is read. */
  settleMs: number;
  /** Longest wait for one file system call; a share that takes longer counts as unavailable. */
  timeoutMs: number;
  /** Longest wait between retries of an unavailable folder (the wait doubles from pollMs up to this). */
  maxBackoffMs: number;
  limits: WalkLimits;
  /** Milliseconds now; tests step it instead of sleeping. */
  clock: () => number;
  fs: WatchFs;
  /** Where ready files go: the inbox's own receiving (a batch of one scan's files). */
  receive: ReceiveFiles;
  /** Scans by itself every pollMs; tests turn it off and step the scans with scanNow(). */
  polling: boolean;
}

const defaults = (ctx: ServiceContext): FolderWatcherOptions => ({
  pollMs: 3000,
  settleMs: 2000,
  timeoutMs: 10_000,
  maxBackoffMs: 60_000,
  limits: defaultWalkLimits,
  clock: () => ctx.now().getTime(),
  fs: nodeWatchFs,
  receive: receivePackages,
  polling: true,
});

/** Refusals that may go away by themselves (a file locked or gone for a moment, a full disk): the file is tried again. */
const passingRefusals = new Set(['unreadable', 'disk_full', 'store_failed']);

const noCounts = (): ReceiveCounts => ({ accepted: 0, duplicates: 0, refused: 0 });

/**
 * Watches one folder (a USB drive, a share such as \\server\收件) and receives the packages
 * that appear in it, while the app runs. It polls rather than using fs.watch, which misses
 * changes on SMB shares and removable drives; every file system call is asynchronous and
 * bounded by a timeout, so a hung share never holds up anything else. One scan at a time,
 * and one receive at a time: a scan never overlaps the previous one, and waits while an
 * inbox batch is running.
 */
export class FolderWatcher {
  private readonly options: FolderWatcherOptions;
  private folder: string | null;
  private status: 'watching' | 'scanning' | 'unavailable' = 'watching';
  private lastScanAt: string | null = null;
  private problem: unknown = null;
  private counts: ReceiveCounts = noCounts();
  /** Files seen so far, and since when unchanged. */
  private seen = new Map<string, Observation>();
  /** path → version (size:mtime) received, so a file is read once. */
  private received = new Map<string, string>();
  /** Failed scans in a row (unavailable), for the backoff. */
  private failures = 0;
  /** File system calls that timed out and have not come back yet: while any is out, the share is still hanging. */
  private hung = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private abort = new AbortController();
  private disposed = false;

  constructor(
    private readonly ctx: ServiceContext,
    options: Partial<FolderWatcherOptions> = {},
  ) {
    this.options = { ...defaults(ctx), ...options };
    const settings = readAllSettings(ctx.db);
    const kept = settings.get(watchFolderSetting);
    this.folder = typeof kept === 'string' && kept !== '' ? kept : null;
    this.received = keptReceived(settings.get(watchReceivedSetting), this.folder);
    if (this.folder !== null) this.schedule(0);
  }

  /** What the inbox screen shows: the folder, the state in words, the last scan and the counts since watching began. */
  state(): WatchState {
    const t = createTranslator(readSettings(this.ctx.db).language);
    if (this.folder === null) return { folder: null, state: 'off', lastScanAt: null, problem: null, counts: noCounts() };
    return {
      folder: this.folder,
      state: this.status,
      lastScanAt: this.lastScanAt,
      problem: this.status === 'unavailable' && this.problem !== null ? userMessage(this.problem, t) : null,
      counts: { ...this.counts },
    };
  }

  /** Watches `folder` from now on (kept for the next start), or stops watching (null). */
  async watch(folder: string | null): Promise<WatchState> {
    if (this.disposed) throw new AppError('unsupported', { what: 'office.watch' });
    await this.stopScanning();
    writeSetting(this.ctx.db, watchFolderSetting, folder ?? '');
    this.folder = folder;
    this.status = 'watching';
    this.lastScanAt = null;
    this.problem = null;
    this.counts = noCounts();
    this.seen = new Map();
    this.received = new Map();
    this.saveReceived();
    this.failures = 0;
    this.abort = new AbortController();
    if (folder !== null) this.schedule(0);
    this.ctx.log.info('watched folder', { folder });
    return this.state();
  }

  /** Runs one scan now (after the one in progress, if any), then goes on polling; for tests and a "scan now" button. */
  async scanNow(): Promise<void> {
    this.clearTimer();
    while (this.running) await this.running;
    await this.startScan();
  }

  /** Stops polling and waits for a receive in progress to stop; no timer is left behind. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopScanning();
  }

  private async stopScanning(): Promise<void> {
    this.clearTimer();
    this.abort.abort();
    const running = this.running;
    if (running) {
      // A receive stuck in a hung share cannot be interrupted: it is given the time of one call, then left behind
      // (closing the app must not hang on a share; the inbox's batch lock still keeps receives from overlapping).
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = await Promise.race([
        running.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), this.options.timeoutMs))),
      ]);
      clearTimeout(timer);
      if (gaveUp) {
        this.ctx.log.warn('watched folder receive did not stop in time; left behind', { folder: this.folder });
        this.running = null;
      }
    }
    // The scan that just ended scheduled the next one.
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.disposed || this.folder === null || !this.options.polling) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.startScan();
    }, delayMs);
    // The watcher alone never keeps a process alive (the CLI runs none; a host stops it on close).
    this.timer.unref();
  }

  private startScan(): Promise<void> {
    if (this.disposed || this.folder === null) return Promise.resolve();
    if (this.running) return this.running;
    const run: Promise<void> = this.scan(this.folder, this.abort.signal)
      .catch((error: unknown) => {
        // A scan's own failures are states (unavailable); anything else is a bug, logged, and the watch goes on.
        this.ctx.log.error('watched folder scan failed', { folder: this.folder, ...errorDetails(error) });
        this.failures += 1;
      })
      .finally(() => {
        // A scan left behind (see stopScanning) no longer speaks for the watcher.
        if (this.running !== run) return;
        this.running = null;
        this.status = this.status === 'scanning' ? 'watching' : this.status;
        this.schedule(nextScanDelay(this.failures, this.options.pollMs, this.options.maxBackoffMs));
      });
    this.running = run;
    return run;
  }

  /** A file system call bounded by the timeout; one that times out is counted until it finally returns. */
  private readonly bounded: Bounded = async (what, call) => {
    const { timeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const attempt = call();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        this.hung += 1;
        reject(new FsTimeout(what, timeoutMs));
      }, timeoutMs);
    });
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
      if (timedOut)
        attempt.then(
          () => (this.hung -= 1),
          () => (this.hung -= 1),
        );
    }
  };

  private saveReceived(): void {
    writeSetting(this.ctx.db, watchReceivedSetting, { folder: this.folder, files: Object.fromEntries(this.received) });
  }

  private unavailable(folder: string, error: unknown): void {
    this.status = 'unavailable';
    this.failures += 1;
    this.problem = new AppError('office.watch_unavailable', { folder, reason: errnoCode(error) ?? String(error) });
    if (this.failures === 1) this.ctx.log.warn('watched folder unavailable', { folder, ...errorDetails(error) });
  }

  private async scan(folder: string, signal: AbortSignal): Promise<void> {
    // Calls that timed out are still stuck in the share: asking again would only pile up more (and use up the I/O threads).
    if (this.hung > 0) return this.unavailable(folder, new FsTimeout('the previous scan', this.options.timeoutMs));
    let walk;
    try {
      walk = await walkFolder(folder, this.options.fs, this.bounded, this.options.limits);
    } catch (error) {
      if (signal.aborted) return;
      return this.unavailable(folder, error);
    }
    if (signal.aborted) return;
    if (this.status === 'unavailable') this.ctx.log.info('watched folder reachable again', { folder });
    this.status = 'watching';
    this.problem = null;
    this.failures = 0;
    this.lastScanAt = new Date(this.options.clock()).toISOString();
    if (walk.complete && pruneReceived(this.received, walk.files)) this.saveReceived();
    const { seen, ready } = assessListing({
      listing: walk.files,
      seen: this.seen,
      received: this.received,
      now: this.options.clock(),
      settleMs: this.options.settleMs,
    });
    this.seen = seen;
    const openable = await this.openable(folder, ready);
    if (openable === null || openable.length === 0 || signal.aborted) return;
    let release: () => void;
    try {
      release = claimBatch(this.ctx);
    } catch (error) {
      // An inbox batch is running: this scan's files wait for the next one (never two receives at once).
      if (error instanceof AppError && error.code === 'office.batch_running') return;
      throw error;
    }
    try {
      await this.receive(openable, signal);
    } catch (error) {
      if (signal.aborted) return;
      // The files stay unreceived and are offered again after a pause (a full disk, a data folder problem).
      this.ctx.log.error('watched folder receive failed', { folder, ...errorDetails(error) });
      this.failures += 1;
    } finally {
      release();
    }
  }

  /** The ready files that can be opened now; a file still locked by the program copying it waits. Null when the share hung. */
  private async openable(folder: string, ready: readonly Sighting[]): Promise<Sighting[] | null> {
    const openable: Sighting[] = [];
    for (const file of ready) {
      try {
        await this.bounded('open', () => this.options.fs.probe(file.path));
        openable.push(file);
      } catch (error) {
        if (error instanceof FsTimeout) {
          this.unavailable(folder, error);
          return null;
        }
        // Locked: still being written; it settles again from now. Gone: the next walk forgets it.
        if (isLockedCode(errnoCode(error)))
          this.seen.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, since: this.options.clock() });
      }
    }
    return openable;
  }

  private async receive(files: readonly Sighting[], signal: AbortSignal): Promise<void> {
    this.status = 'scanning';
    const before = { ...this.counts };
    const summary = await this.options.receive(
      this.ctx,
      // The full path names the file in the items (as the desktop inbox does): where on the share a refused one is.
      files.map((file) => ({ path: file.path, name: file.path })),
      {
        signal,
        // The batch's running tallies show as they come (a scan can bring hundreds of packages).
        onProgress: (_done, _total, counts) => {
          if (counts) this.counts = addCounts(before, counts);
        },
      },
    );
    const byPath = new Map(files.map((file) => [file.path, file]));
    const counts = { ...before };
    for (const [index, item] of summary.items.entries()) {
      const file = byPath.get(item.path) ?? files[index];
      if (item.outcome === 'refused' && item.reason !== undefined && passingRefusals.has(item.reason)) continue;
      if (file) this.received.set(file.path, fileVersion(file));
      if (item.outcome === 'accepted') counts.accepted += 1;
      else if (item.outcome === 'duplicate') counts.duplicates += 1;
      else counts.refused += 1;
    }
    this.counts = counts;
    this.saveReceived();
    this.ctx.log.info('watched folder received', { files: files.length, accepted: summary.accepted, refused: summary.refused });
  }
}

/** The received memory kept for `folder` (none when it was kept for another folder, or is not readable). */
function keptReceived(value: unknown, folder: string | null): Map<string, string> {
  const kept = value as { folder?: unknown; files?: unknown } | null | undefined;
  if (folder === null || kept?.folder !== folder || typeof kept.files !== 'object' || kept.files === null) return new Map();
  return new Map(Object.entries(kept.files).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function addCounts(base: ReceiveCounts, more: Partial<Record<string, number>>): ReceiveCounts {
  return {
    accepted: base.accepted + (more.accepted ?? 0),
    duplicates: base.duplicates + (more.duplicates ?? 0),
    refused: base.refused + (more.refused ?? 0),
  };
}
