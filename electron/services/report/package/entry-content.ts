import { createHash } from 'node:crypto';
import { createReadStream, read } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Entry } from 'yauzl';
import { checkDataDescriptor, checkLocalHeader, isDeflated, readAt, Refusal, type EntryLayout } from './zip-layout';

/** Receives an entry's content chunk by chunk; a chunk is only valid during the call (buffers are reused). */
export type ContentSink = (chunk: Buffer) => void | Promise<void>;

export interface EntryContent {
  size: number;
  sha256: string;
  /** CRC-32 of the content, for the caller to compare with the declared one (after the SHA-256, the stronger check). */
  crc32: number;
}

const chunkSize = 1024 * 1024;
const readRaw = promisify(read);

/**
 * Streams one entry's content into `sink`, hashing (SHA-256 and CRC-32) and counting it: never more bytes than
 * declared, and exactly as many in the end. Its local header and data descriptor must repeat
 * the central record, and deflate must consume exactly the stored bytes (anything after the
 * end of the compressed stream would be data nobody checks).
 */
export async function readEntryContent(
  fd: number,
  entry: Entry,
  layout: EntryLayout,
  name: string,
  sink: ContentSink,
): Promise<EntryContent> {
  const hash = createHash('sha256');
  let size = 0;
  let crc = 0;
  const consume = async (chunk: Buffer) => {
    size += chunk.length;
    if (size > entry.uncompressedSize) throw new Refusal('size_mismatch', name);
    hash.update(chunk);
    crc = crc32(chunk, crc);
    await sink(chunk);
  };
  if (layout.end - layout.headerOffset <= chunkSize && entry.uncompressedSize <= chunkSize) {
    await readSmallEntry(fd, entry, layout, name, consume);
  } else {
    checkLocalHeader(await readAt(fd, layout.dataOffset - layout.headerOffset, layout.headerOffset, name), entry, layout, name);
    if (isDeflated(entry)) await inflateRange(fd, layout, name, consume);
    else await readRange(fd, layout.dataOffset, layout.dataEnd, name, consume);
    checkDataDescriptor(await readAt(fd, layout.end - layout.dataEnd, layout.dataEnd, name), entry, layout, name);
  }
  if (size !== entry.uncompressedSize) throw new Refusal('size_mismatch', name);
  return { size, sha256: hash.digest('hex'), crc32: crc };
}

/**
 * A small entry (most of a package by count) in a single read: header, data and descriptor.
 * Its output is capped at 1 MiB, so inflating it at once blocks for a millisecond at most.
 */
async function readSmallEntry(
  fd: number,
  entry: Entry,
  layout: EntryLayout,
  name: string,
  consume: (chunk: Buffer) => Promise<void>,
): Promise<void> {
  const bytes = await readAt(fd, layout.end - layout.headerOffset, layout.headerOffset, name);
  const at = (offset: number) => offset - layout.headerOffset;
  checkLocalHeader(bytes.subarray(0, at(layout.dataOffset)), entry, layout, name);
  const data = bytes.subarray(at(layout.dataOffset), at(layout.dataEnd));
  await consume(isDeflated(entry) ? inflateSmall(data, entry.uncompressedSize, name) : data);
  checkDataDescriptor(bytes.subarray(at(layout.dataEnd)), entry, layout, name);
}

function inflateSmall(data: Buffer, declaredSize: number, name: string): Buffer {
  let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    // `info` adds the engine, whose bytesWritten is the input deflate actually consumed.
    inflated = inflateRawSync(data, { info: true, maxOutputLength: Math.max(1, declaredSize) }) as unknown as typeof inflated;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new Refusal('size_mismatch', name);
    if (isZlibError(error)) throw new Refusal('corrupt_zip', name);
    throw error;
  }
  if (inflated.engine.bytesWritten !== data.length) throw new Refusal('corrupt_zip', name);
  return inflated.buffer;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Reads [start, end) into two reused buffers, the next read under way while `consume`
 * handles the current chunk: as fast as `openssl dgst`, where a stream allocating a fresh
 * buffer per chunk is half again slower.
 */
async function readRange(fd: number, start: number, end: number, name: string, consume: (chunk: Buffer) => Promise<void>): Promise<void> {
  const size = Math.min(chunkSize, end - start);
  let [current, spare] = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  const readInto = (buffer: Buffer, position: number) =>
    readRaw(fd, buffer, 0, Math.min(buffer.length, end - position), position).then(({ bytesRead }) => bytesRead);
  let position = start;
  let pending = position < end ? readInto(current, position) : null;
  try {
    while (pending) {
      const bytesRead = await pending;
      if (bytesRead === 0) throw new Refusal('corrupt_zip', name); // the file ends inside the entry
      const chunk = current.subarray(0, bytesRead);
      position += bytesRead;
      [current, spare] = [spare, current];
      pending = position < end ? readInto(current, position) : null;
      await consume(chunk);
    }
  } finally {
    // Never leave a read in flight (or its failure unhandled) once this entry is given up.
    await pending?.catch(() => undefined);
  }
}

async function inflateRange(fd: number, layout: EntryLayout, name: string, consume: (chunk: Buffer) => Promise<void>): Promise<void> {
  const compressedSize = layout.dataEnd - layout.dataOffset;
  const raw =
    compressedSize > 0
      ? createReadStream('', { fd, start: layout.dataOffset, end: layout.dataEnd - 1, autoClose: false, highWaterMark: chunkSize })
      : Readable.from([]);
  // Large output chunks: inflate runs more than twice as fast as with the 16 KiB default.
  const inflater = createInflateRaw({ chunkSize });
  const consumer = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // Hash on the next turn of the event loop: inflate hands us a chunk before it queues
      // the next one on the thread pool, so hashing here at once would serialise the two.
      setImmediate(() => {
        consume(chunk).then(() => callback(), callback);
      });
    },
  });
  try {
    await pipeline(raw, inflater, consumer);
  } catch (error) {
    if (isZlibError(error)) throw new Refusal('corrupt_zip', name);
    throw error;
  }
  if (inflater.bytesWritten !== compressedSize) throw new Refusal('corrupt_zip', name);
}
