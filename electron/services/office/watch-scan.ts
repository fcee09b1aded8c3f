import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../../lib/file-errors';
import { isSystemFile } from './receive';

/**
 * The watched folder's scan, apart from its timing: which package files are there (walk),
 * and which of them are ready to receive (assessListing, pure). A USB stick or an SMB share
 * can vanish or hang at any call, so every file system call goes through `bounded`.
 */

/** A package file seen in the watched folder. */
export interface Sighting {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/** How a file looked when it was first seen at its current size and time. */
export interface Observation {
  size: number;
  mtimeMs: number;
  /** Clock time (ms) of the scan that first saw it like this. */
  since: number;
}

/** A file's version as far as the watcher can tell without reading it. */
export function fileVersion(file: { size: number; mtimeMs: number }): string {
  return `${file.size}:${file.mtimeMs}`;
}

export interface ListingAssessment {
  /** What to remember for the next scan (files gone from the folder are forgotten). */
  seen: Map<string, Observation>;
  /** Files unchanged for at least `settleMs` across two scans and not yet received in this version. */
  ready: Sighting[];
  /** Files seen but still settling (being copied, or just arrived). */
  settling: number;
}

/**
 * Which files are ready: a file still being copied grows or gets a new time between scans,
 * so it is ready only once a later scan, at least `settleMs` after the first one that saw it
 * as it is now, sees it unchanged. Files already received in this very version are skipped.
 */
export function assessListing(input: {
  listing: readonly Sighting[];
  seen: ReadonlyMap<string, Observation>;
  received: ReadonlyMap<string, string>;
  now: number;
  settleMs: number;
}): ListingAssessment {
  const seen = new Map<string, Observation>();
  const ready: Sighting[] = [];
  let settling = 0;
  for (const file of input.listing) {
    if (input.received.get(file.path) === fileVersion(file)) continue;
    const before = input.seen.get(file.path);
    const unchanged = before !== undefined && before.size === file.size && before.mtimeMs === file.mtimeMs;
    const since = unchanged ? before.since : input.now;
    seen.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, since });
    if (unchanged && input.now - since >= input.settleMs) ready.push(file);
    else settling += 1;
  }
  return { seen, ready, settling };
}

/**
 * Forgets received files that are no longer in the folder, so the memory stays the size of
 * the folder. Only after a complete walk: a folder skipped this time is not a file deleted.
 * True when anything was forgotten.
 */
export function pruneReceived(received: Map<string, string>, listing: readonly Sighting[]): boolean {
  const present = new Set(listing.map((file) => file.path));
  let pruned = false;
  for (const path of received.keys()) {
    if (present.has(path)) continue;
    received.delete(path);
    pruned = true;
  }
  return pruned;
}

/**
 * The wait before the next scan: pollMs while the folder answers; after failures in a row it
 * doubles each time up to maxBackoffMs, so a share that is gone for the day is not hammered.
 */
export function nextScanDelay(failures: number, pollMs: number, maxBackoffMs: number): number {
  return failures === 0 ? pollMs : Math.min(pollMs * 2 ** failures, Math.max(pollMs, maxBackoffMs));
}

/** The file system calls the scan makes; tests put in slow or failing ones. */
export interface WatchFs {
  readdir(path: string): Promise<Dirent[]>;
  stat(path: string): Promise<{ size: number; mtimeMs: number; isFile(): boolean }>;
  /** Opens the file read-only and closes it again: a file another program is still writing is locked on Windows (EBUSY, EPERM). */
  probe(path: string): Promise<void>;
}

export const nodeWatchFs: WatchFs = {
  readdir: (path) => readdir(path, { withFileTypes: true }),
  stat: (path) => stat(path),
  probe: async (path) => {
    const handle = await open(path, 'r');
    await handle.close();
  },
};

/** A file system call that did not answer in time (a hung share); its own code so it is worded like the others. */
export class FsTimeout extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
  }
}

/** Runs a file system call with a time limit; the call itself cannot be stopped, so it is only no longer waited for. */
export type Bounded = <T>(what: string, call: () => Promise<T>) => Promise<T>;

export interface WalkLimits {
  /** Package files listed at most (the rest wait for the next scan). */
  maxFiles: number;
  /** Directory entries looked at, in all, per scan. */
  maxEntries: number;
  /** Nested folders below the watched one. */
  maxDepth: number;
}

export const defaultWalkLimits: WalkLimits = { maxFiles: 10_000, maxEntries: 200_000, maxDepth: 16 };

/** The inbox's skip rules (hidden, Office lock and system entries), and macOS's resource forks folder in archives copied over. */
export function isSkippedName(name: string): boolean {
  return isSystemFile(name) || name.toLowerCase() === '__macosx';
}

/** Only packages are taken from the watched folder: a USB stick also carries documents that are not for the office. */
export function isPackageName(name: string): boolean {
  return name.toLowerCase().endsWith('.plreport') && !isSkippedName(name);
}

export interface Walk {
  files: Sighting[];
  /** False when a folder could not be read or a limit was reached: what is missing was not seen, not deleted. */
  complete: boolean;
}

/** Codes for a file or folder that went away or cannot be entered between listing and looking: skipped, not a failure of the share. */
const skippable = new Set(['ENOENT', 'EACCES', 'EPERM', 'ENOTDIR', 'ELOOP']);

/**
 * The package files under `root`, recursively. Symbolic links are not followed (a link could
 * lead out of the folder, or round in a loop). The root not answering or not being there
 * throws (the share is unavailable); a subfolder that went away is skipped; a call that times
 * out anywhere throws, since the share is hanging.
 */
export async function walkFolder(root: string, fs: WatchFs, bounded: Bounded, limits: WalkLimits = defaultWalkLimits): Promise<Walk> {
  const files: Sighting[] = [];
  let complete = true;
  let entries = 0;
  const pending: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (pending.length > 0) {
    const { dir, depth } = pending.shift()!;
    let listing: Dirent[];
    try {
      listing = await bounded('readdir', () => fs.readdir(dir));
    } catch (error) {
      if (dir === root || !skippable.has(errnoCode(error) ?? '')) throw error;
      complete = false;
      continue;
    }
    // Sorted so a capped scan takes the same files each time.
    listing.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of listing) {
      entries += 1;
      if (entries > limits.maxEntries || files.length >= limits.maxFiles) return { files, complete: false };
      if (isSkippedName(entry.name) || entry.isSymbolicLink()) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < limits.maxDepth) pending.push({ dir: path, depth: depth + 1 });
        else complete = false;
        continue;
      }
      if (!entry.isFile() || !isPackageName(entry.name)) continue;
      try {
        const stats = await bounded('stat', () => fs.stat(path));
        if (stats.isFile()) files.push({ path, name: entry.name, size: stats.size, mtimeMs: stats.mtimeMs });
      } catch (error) {
        if (!skippable.has(errnoCode(error) ?? '')) throw error;
      }
    }
  }
  return { files, complete };
}

/** Codes of a file another program still has open for writing (Windows locks it while copying). */
export function isLockedCode(code: string | undefined): boolean {
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
}
