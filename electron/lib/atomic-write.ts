import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole file so that a crash, a full disk or a power cut leaves either the old
 * file or the new one, never half of it: temp file beside the target, fsync, rename,
 * then fsync the folder so the rename itself is durable.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = partialPath(path);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dirname(path));
}

const copyChunkBytes = 1024 * 1024;

/**
 * Streams `source` into a new file `target` (refused if it exists) and fsyncs it, so that
 * once this resolves the bytes are on the disk, not just in the OS cache: after a power cut
 * NTFS and ext4 can otherwise keep the new file's size with zeros for content. Memory stays
 * at one chunk. On failure nothing is left at `target`.
 */
export async function copyFileDurably(source: string, target: string, chunkBytes = copyChunkBytes): Promise<void> {
  const input = await open(source, 'r');
  try {
    const output = await open(target, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        let written = 0;
        while (written < bytesRead) written += (await output.write(buffer, written, bytesRead - written)).bytesWritten;
      }
      await output.sync();
    } catch (error) {
      await output.close().catch(() => undefined);
      await rm(target, { force: true });
      throw error;
    }
    await output.close();
  } finally {
    await input.close();
  }
}

/**
 * Streams `source` to `target` the way writeFileAtomic writes: a temp file beside the
 * target, fsynced, renamed over it, so `target` is the old file or the whole new one.
 */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  const temp = partialPath(target);
  try {
    await copyFileDurably(source, temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(target));
}

/** A fresh temp name beside `target`, for writing it whole before a rename. */
export function partialPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
}

/** Makes a rename durable. Windows cannot open folders for fsync; NTFS journals the rename. */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The same for long-running writers that must not block (evidence copies, report exports),
 * best effort: their file is already complete and synced when they call it.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // A folder that cannot be synced leaves the rename to the file system's journal.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
