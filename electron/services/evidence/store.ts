import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, readdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { maxEvidenceBytes, maxEvidenceLabel } from '../../../shared/api/calls/evidence';
import { AppError } from '../../../shared/api/errors';
import { errnoCode, isDiskFull, unreadableFile } from '../../lib/file-errors';
import { syncDirectory } from '../../lib/atomic-write';
import type { DataLayout } from '../../lib/paths';

/** A file's content as stored under evidence/, named by its SHA-256. */
export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface StoreOptions {
  /** Cancels the copy; the temp file is removed before the promise rejects. */
  signal?: AbortSignal;
  /** Bytes read so far, out of the size the file had when the copy began. */
  progress?: (done: number, total: number) => void;
  /**
   * The source is ours to consume (a browser upload in the data folder's tmp/, same file
   * system): hash it and rename it into place instead of copying.
   */
  move?: boolean;
  /** Name shown in error messages; defaults to the source's file name. */
  name?: string;
}

const tempPrefix = '.tmp-';
const staleTempMs = 24 * 60 * 60 * 1000;
/** Read and write in 256 KiB chunks: fewer round trips than the 64 KiB default, memory still flat. */
const chunkBytes = 256 * 1024;

/** Where the content with this SHA-256 lives: evidence/<first two hex digits>/<sha256>. */
export function blobPath(layout: DataLayout, sha256: string): string {
  return join(layout.evidence, sha256.slice(0, 2), sha256);
}

/**
 * Stores a file content-addressed: streams it into a temp file inside evidence/ while
 * hashing and counting, fsyncs, then renames it to its final name (or drops it when that
 * content is already there). Never holds more than a stream buffer in memory. `size` is the
 * size the caller found (and checked against the limit) when it accepted the file.
 */
export async function storeFile(layout: DataLayout, source: string, size: number, options: StoreOptions = {}): Promise<StoredBlob> {
  const name = options.name ?? basename(source);
  options.signal?.throwIfAborted();
  await mkdir(layout.evidence, { recursive: true });

  if (options.move) {
    try {
      return await moveIn(layout, source, size, name, options);
    } catch (error) {
      // Not on the same file system after all: fall back to copying.
      if (errnoCode(error) !== 'EXDEV') throw error;
    }
  }
  return copyIn(layout, source, size, name, options);
}

async function copyIn(layout: DataLayout, source: string, total: number, name: string, options: StoreOptions): Promise<StoredBlob> {
  const temp = join(layout.evidence, `${tempPrefix}${randomUUID()}`);
  const hash = createHash('sha256');
  let bytes = 0;
  let output: WriteStream | null = null;
  let readError: unknown = null;
  try {
    const input = createReadStream(source, { highWaterMark: chunkBytes }).on('error', (error) => {
      readError = error;
    });
    // flush: fsync before the stream closes, so the content is on disk before it is placed.
    output = createWriteStream(temp, { flags: 'wx', flush: true, highWaterMark: chunkBytes });
    await pipeline(
      input,
      async function* meter(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          // The file grew while we copied it.
          if (bytes > maxEvidenceBytes) throw new AppError('file.too_large', { max: maxEvidenceLabel });
          hash.update(chunk);
          options.progress?.(bytes, Math.max(total, bytes));
          yield chunk;
        }
      },
      output,
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
    options.signal?.throwIfAborted();
    const sha256 = hash.digest('hex');
    await place(layout, temp, sha256, bytes);
    return { sha256, size: bytes };
  } catch (error) {
    if (output && !output.closed) await once(output, 'close').catch(() => undefined);
    await rm(temp, { force: true });
    throw translate(error, name, readError);
  }
}

async function moveIn(layout: DataLayout, source: string, total: number, name: string, options: StoreOptions): Promise<StoredBlob> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(
      createReadStream(source, { highWaterMark: chunkBytes }),
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          bytes += chunk.length;
          if (bytes > maxEvidenceBytes) throw new AppError('file.too_large', { max: maxEvidenceLabel });
          hash.update(chunk);
          options.progress?.(bytes, Math.max(total, bytes));
        }
      },
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
    // The upload was written without fsync; make it durable before it becomes evidence.
    await syncFile(source);
    options.signal?.throwIfAborted();
  } catch (error) {
    if (error instanceof AppError || isAbort(error)) throw error;
    if (isDiskFull(error)) throw new AppError('evidence.disk_full', { name });
    throw errnoCode(error) ? unreadableFile(name, error) : error;
  }
  const sha256 = hash.digest('hex');
  await place(layout, source, sha256, bytes);
  return { sha256, size: bytes };
}

/** Renames a complete, synced temp file to its content address; an existing copy wins. */
async function place(layout: DataLayout, temp: string, sha256: string, size: number): Promise<void> {
  const final = blobPath(layout, sha256);
  const folder = join(layout.evidence, sha256.slice(0, 2));
  await mkdir(folder, { recursive: true });
  const existing = await stat(final).catch(() => null);
  if (existing?.isFile() && existing.size === size) {
    await rm(temp, { force: true });
    return;
  }
  // Absent, or a damaged earlier copy (wrong size): the new one replaces it atomically.
  await rename(temp, final);
  await syncDirectory(folder);
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temp files left by a crash mid-copy, older than a day (a copy in progress is never that old). */
export function removeStaleTemps(layout: DataLayout): void {
  const now = Date.now();
  let entries: string[];
  try {
    entries = readdirSync(layout.evidence);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(tempPrefix)) continue;
    const path = join(layout.evidence, entry);
    try {
      if (now - statSync(path).mtimeMs > staleTempMs) rmSync(path, { force: true });
    } catch {
      // Gone already.
    }
  }
}

function translate(error: unknown, name: string, readError: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) return new AppError('evidence.disk_full', { name });
  if (readError !== null && (error === readError || !isAbort(error))) return unreadableFile(name, readError);
  return error;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || errnoCode(error) === 'ABORT_ERR');
}
