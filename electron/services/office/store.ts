import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syncDirectory } from '../../lib/atomic-write';
import { errnoCode, failureReason, isDiskFull } from '../../lib/file-errors';
import type { DataLayout } from '../../lib/paths';

/**
 * Received packages, kept byte for byte under received/<aa>/<sha256>.plreport (named by the
 * SHA-256 of the whole file, like evidence/). The store is append-only: nothing here is ever
 * deleted, so a database restored from a backup still finds every package it names.
 */

/** Why a file could not be taken in: the source could not be read, or the copy could not be written. */
export type StoreRefusalReason = 'unreadable' | 'disk_full' | 'store_failed' | 'package_too_large';

export class StoreRefusal extends Error {
  constructor(
    readonly reason: StoreRefusalReason,
    /** The system's error code (EACCES, ENOSPC…) or the error's text; the byte count for package_too_large. */
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** A complete, synced copy of a source inside received/, not yet in place. */
export interface ReceivedCopy {
  temp: string;
  sha256: string;
  size: number;
}

export interface CopyOptions {
  /** Largest file taken in (a larger one, or one that grows past it while read, is refused as package_too_large). */
  maxBytes: number;
  signal?: AbortSignal;
  /**
   * Opens the temp file for writing. A seam for tests (a disk that fills mid-batch); by
   * default a fresh file ('wx') fsynced before it closes.
   */
  openOutput?: (path: string) => Writable;
}

const tempPrefix = '.tmp-';
const staleTempMs = 24 * 60 * 60 * 1000;
const chunkBytes = 256 * 1024;
export const receivedExtension = '.plreport';

/** Where the package with this SHA-256 is kept. */
export function receivedPath(layout: DataLayout, sha256: string): string {
  return join(layout.received, sha256.slice(0, 2), `${sha256}${receivedExtension}`);
}

const defaultOutput = (path: string): Writable => createWriteStream(path, { flags: 'wx', flush: true, highWaterMark: chunkBytes });

/**
 * Copies `source` into a temp file inside received/ while hashing it: the source is read
 * once, and the hash is of the bytes written. What is then verified is this copy, so a file
 * changed while it was read cannot slip through: the copy is what is checked and kept.
 */
export async function copyIntoReceived(layout: DataLayout, source: string, options: CopyOptions): Promise<ReceivedCopy> {
  options.signal?.throwIfAborted();
  try {
    await mkdir(layout.received, { recursive: true });
  } catch (error) {
    throw writeRefusal(error);
  }
  const temp = join(layout.received, `${tempPrefix}${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  let readError: unknown = null;
  let writeError: unknown = null;
  let failedFirst: 'read' | 'write' | null = null;
  let output: Writable | null = null;
  try {
    const input = createReadStream(source, { highWaterMark: chunkBytes }).on('error', (error) => {
      readError ??= error;
      failedFirst ??= 'read';
    });
    output = (options.openOutput ?? defaultOutput)(temp).on('error', (error) => {
      writeError ??= error;
      failedFirst ??= 'write';
    });
    await pipeline(
      input,
      async function* meter(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          // Grew past the limit while we read it.
          if (size > options.maxBytes) throw new StoreRefusal('package_too_large', String(size));
          hash.update(chunk);
          yield chunk;
        }
      },
      output,
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
    options.signal?.throwIfAborted();
    return { temp, sha256: hash.digest('hex'), size };
  } catch (error) {
    if (output && !output.closed) {
      output.destroy();
      await once(output, 'close').catch(() => undefined);
    }
    await rm(temp, { force: true });
    if (error instanceof StoreRefusal || isAbort(error)) throw error;
    // A failure on one side ends the other with the same error: the side that failed first is the cause.
    if (failedFirst === 'write' && writeError !== null) throw writeRefusal(writeError);
    if (readError !== null) throw new StoreRefusal('unreadable', failureReason(readError));
    throw writeRefusal(error);
  }
}

/**
 * Puts a verified copy in place under its content address (fsyncing the folder), or drops it
 * when those bytes are already kept. Returns where the package now is.
 */
export async function keepReceived(layout: DataLayout, copy: ReceivedCopy): Promise<string> {
  const final = receivedPath(layout, copy.sha256);
  const folder = join(layout.received, copy.sha256.slice(0, 2));
  try {
    await mkdir(folder, { recursive: true });
    const existing = await stat(final).catch(() => null);
    if (existing?.isFile() && existing.size === copy.size) {
      await rm(copy.temp, { force: true });
      return final;
    }
    // Absent, or a damaged earlier copy (wrong size): the new one replaces it atomically.
    await rename(copy.temp, final);
    await syncDirectory(folder);
    return final;
  } catch (error) {
    await rm(copy.temp, { force: true });
    throw writeRefusal(error);
  }
}

/** Drops a copy that is not kept (refused, or a duplicate). */
export async function discardCopy(copy: ReceivedCopy): Promise<void> {
  await rm(copy.temp, { force: true });
}

/** Temp files a crash left in received/, older than a day (a copy in progress is never that old). */
export function removeStaleReceivedTemps(layout: DataLayout): void {
  let entries: string[];
  try {
    entries = readdirSync(layout.received);
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    if (!entry.startsWith(tempPrefix)) continue;
    const path = join(layout.received, entry);
    try {
      if (now - statSync(path).mtimeMs > staleTempMs) rmSync(path, { force: true });
    } catch {
      // Gone already.
    }
  }
}

function writeRefusal(error: unknown): StoreRefusal {
  return new StoreRefusal(isDiskFull(error) ? 'disk_full' : 'store_failed', failureReason(error));
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || errnoCode(error) === 'ABORT_ERR');
}
