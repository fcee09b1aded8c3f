import { read } from 'node:fs';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import type { Entry } from 'yauzl';
import { printableName, type VerifyFailureReason } from '../../../../shared/report/manifest';

/**
 * The ZIP container of a report package, byte for byte as the writer (yazl, with the
 * options below) produces it. The signature covers only the entries' contents, so the
 * verifier also requires every other byte of the container to be either a copy of a value
 * it checks elsewhere (local header = central record, descriptor = central record, CRC-32 =
 * the content's) or the one value the writer always writes. The entries must lie back to
 * back from offset 0 up to the central directory. So no byte can change unnoticed, and
 * nothing can hide in the file: no prefix, no gaps, no overlapping entries (the
 * "non-recursive zip bomb"), no trailing data. The one exception is the handful of padding
 * bits deflate itself ignores (and the deflate stream itself: any stream that inflates to
 * the signed content is accepted, not only the one zlib at level 1 writes).
 *
 * What is checked, field by field: signatures of every record; version made by (Unix, 6.3)
 * and needed (2.0, 4.5 with ZIP64); flags (UTF-8 names, a data descriptor exactly for the
 * streamed entries: all but signer.pem, manifest.json and manifest.sig); compression
 * (deflate exactly where compressesEntry says, else stored); one DOS time and date on every
 * entry, generatedAt's wall-clock time (dosDateTime); CRC-32 and sizes; no extra fields but
 * the ZIP64 one where a size or offset needs it; no comments; mode rw-r--r-- file; the
 * order of entries: the manifest's files in its order, then manifest.json and manifest.sig
 * (checks.ts); and the end records (readCentralDirectoryEnd).
 */

/** A refused package: the verifier's verdict, not an error in the program. */
export class Refusal extends Error {
  constructor(
    readonly reason: VerifyFailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'Refusal';
  }
}

/** Refuses the package for `reason`, about the entry (or part) `name`, printed safely. */
export function refuse(reason: VerifyFailureReason, name: string): never {
  throw new Refusal(reason, printableName(name));
}

/** Every entry is a plain rw-r--r-- file; the writer sets it so the verifier can require it. */
export const entryMode = 0o100644;

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const precompressedExtensions = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.heic',
  '.pdf',
  '.ofd',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.zip',
  '.7z',
  '.rar',
  '.gz',
  '.bz2',
  '.xz',
  '.zst',
  '.mp4',
  '.mov',
  '.m4a',
  '.mp3',
  '.aac',
]);
/**
 * Larger entries are stored as they are. Evidence is mostly scans, photos and PDFs; the odd
 * big text file saves little space for the CPU it costs on an office PC (deflate would
 * make export and verification several times slower than copying and hashing).
 */
const maxDeflatedSize = 4 * 1024 * 1024;

/** Whether the writer deflates a streamed entry of this path and size (the rest it stores). */
export function compressesEntry(path: string, size: number): boolean {
  return size <= maxDeflatedSize && !precompressedExtensions.has(extname(path).toLowerCase());
}

/**
 * The DOS time and date of every entry: the wall-clock time written in generatedAt (the
 * schema has checked its shape), in 2-second steps, clamped to 1980..2107 as yazl does.
 */
export function dosDateTime(generatedAt: string): { time: number; date: number } {
  const wallClock = generatedAt.slice(0, 19);
  if (wallClock < '1980-01-01T00:00:00') return { time: 0, date: (1 << 5) | 1 };
  if (wallClock > '2107-12-31T23:59:58') return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  const [year, month, day, hour, minute, second] = wallClock.split(/[-T:]/u).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { time: (hour << 11) | (minute << 5) | Math.floor(second / 2), date: ((year - 1980) << 9) | (month << 5) | day };
}

const fileTypeMask = 0o170000;
const symlinkType = 0o120000;
/** What yazl writes as "version made by": Unix (so the mode above is meaningful), spec 6.3. */
const versionMadeBy = (3 << 8) | 63;
const versionNeeded = 20;
const versionNeededZip64 = 45;
const encryptedFlag = 0x0001;
const dataDescriptorFlag = 0x0008;
const utf8NameFlag = 0x0800;
const stored = 0;
const deflated = 8;
const zip64ExtraId = 0x0001;
const max32 = 0xffffffff;

const localHeaderSize = 30;
export const localHeaderSignature = 0x04034b50;
export const centralRecordSize = 46;
/** A canonical central record: fixed part, a name of at most 255 bytes, at most a ZIP64 extra. */
export const maxCentralRecordSize = centralRecordSize + 255 + 28;
const endRecordSize = 22;
const zip64LocatorSize = 20;
const zip64EndRecordSize = 56;

export interface CentralDirectory {
  offset: number;
  size: number;
  entryCount: number;
}

/** Where one entry's bytes lie in the file. */
export interface EntryLayout {
  headerOffset: number;
  dataOffset: number;
  dataEnd: number;
  /** Just past the data descriptor, if any: where the next entry must start. */
  end: number;
  zip64: boolean;
  hasDescriptor: boolean;
}

const readRaw = promisify(read);

/** Exactly `length` bytes at `position`, or a refusal: a short read means a truncated file. */
export async function readAt(fd: number, length: number, position: number, detail: string): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  if (length === 0) return buffer;
  const { bytesRead } = await readRaw(fd, buffer, 0, length, position);
  if (bytesRead !== length) throw new Refusal('corrupt_zip', detail);
  return buffer;
}

/**
 * The end of central directory record (with its ZIP64 record and locator when the counts
 * or offsets need them), which must close the file: no comment, nothing after it.
 */
export async function readCentralDirectoryEnd(fd: number, fileSize: number): Promise<CentralDirectory> {
  const detail = 'end of central directory';
  const refuse = (): never => {
    throw new Refusal('corrupt_zip', detail);
  };
  if (fileSize < endRecordSize) refuse();
  const endOffset = fileSize - endRecordSize;
  const end = await readAt(fd, endRecordSize, endOffset, detail);
  if (end.readUInt32LE(0) !== 0x06054b50 || end.readUInt16LE(4) !== 0 || end.readUInt16LE(6) !== 0 || end.readUInt16LE(20) !== 0) refuse();
  const short = {
    entriesOnDisk: end.readUInt16LE(8),
    entries: end.readUInt16LE(10),
    size: end.readUInt32LE(12),
    offset: end.readUInt32LE(16),
  };
  const usesZip64 = short.entries === 0xffff || short.size === max32 || short.offset === max32;

  let directory: CentralDirectory;
  let directoryEnd = endOffset;
  if (!usesZip64) {
    directory = { offset: short.offset, size: short.size, entryCount: short.entries };
  } else {
    const locatorOffset = endOffset - zip64LocatorSize;
    const recordOffset = locatorOffset - zip64EndRecordSize;
    if (recordOffset < 0) refuse();
    const locator = await readAt(fd, zip64LocatorSize, locatorOffset, detail);
    if (
      locator.readUInt32LE(0) !== 0x07064b50 ||
      locator.readUInt32LE(4) !== 0 ||
      readUInt64(locator, 8) !== recordOffset ||
      locator.readUInt32LE(16) !== 1
    )
      refuse();
    const record = await readAt(fd, zip64EndRecordSize, recordOffset, detail);
    const ok =
      record.readUInt32LE(0) === 0x06064b50 &&
      readUInt64(record, 4) === zip64EndRecordSize - 12 &&
      record.readUInt16LE(12) === versionMadeBy &&
      record.readUInt16LE(14) === versionNeededZip64 &&
      record.readUInt32LE(16) === 0 &&
      record.readUInt32LE(20) === 0 &&
      readUInt64(record, 24) === readUInt64(record, 32);
    if (!ok) refuse();
    directory = { entryCount: readUInt64(record, 32), size: readUInt64(record, 40), offset: readUInt64(record, 48) };
    directoryEnd = recordOffset;
  }
  // yazl switches to ZIP64 exactly when a value overflows, and then writes the overflowing
  // short fields as all-ones; anything else is not what it writes.
  const entriesShort = directory.entryCount >= 0xffff ? 0xffff : directory.entryCount;
  const sizeShort = directory.size >= max32 ? max32 : directory.size;
  const offsetShort = directory.offset >= max32 ? max32 : directory.offset;
  const canonical =
    short.entries === entriesShort &&
    short.entriesOnDisk === entriesShort &&
    short.size === sizeShort &&
    short.offset === offsetShort &&
    usesZip64 === (entriesShort === 0xffff || sizeShort === max32 || offsetShort === max32) &&
    directory.offset + directory.size === directoryEnd;
  if (!canonical) refuse();
  return directory;
}

/**
 * Checks a central directory record (yauzl's parse plus the raw fixed part) against the
 * canonical form, in the order the reasons matter to a receiver: a symlink or an encrypted
 * entry is named as such before any other oddity.
 */
export function checkCentralRecord(entry: Entry, raw: Buffer, name: string, expectedHeaderOffset: number): EntryLayout {
  const corrupt = (): never => {
    throw new Refusal('corrupt_zip', name);
  };
  const mode = entry.externalFileAttributes >>> 16;
  if ((mode & fileTypeMask) === symlinkType) throw new Refusal('symlink_entry', name);
  if (entry.generalPurposeBitFlag & encryptedFlag) throw new Refusal('encrypted_entry', name);
  if (entry.compressionMethod !== stored && entry.compressionMethod !== deflated) corrupt();
  if (entry.compressionMethod === stored && entry.compressedSize !== entry.uncompressedSize) throw new Refusal('size_mismatch', name);

  const { compressedSize, uncompressedSize, relativeOffsetOfLocalHeader: headerOffset } = entry;
  const zip64 = uncompressedSize > max32 - 1 || compressedSize > max32 - 1 || headerOffset > max32 - 1;
  const extra = entry.extraFieldRaw;
  const extraOk = zip64
    ? extra.length === 28 &&
      extra.readUInt16LE(0) === zip64ExtraId &&
      extra.readUInt16LE(2) === 24 &&
      raw.readUInt32LE(20) === max32 &&
      raw.readUInt32LE(24) === max32 &&
      raw.readUInt32LE(42) === max32
    : extra.length === 0;
  const flagsOk = (entry.generalPurposeBitFlag & ~dataDescriptorFlag) === utf8NameFlag;
  const canonical =
    raw.readUInt32LE(0) === 0x02014b50 &&
    raw.readUInt16LE(28) === entry.fileNameLength &&
    raw.readUInt16LE(34) === 0 &&
    entry.versionMadeBy === versionMadeBy &&
    entry.versionNeededToExtract === (zip64 ? versionNeededZip64 : versionNeeded) &&
    flagsOk &&
    extraOk &&
    entry.fileCommentLength === 0 &&
    entry.internalFileAttributes === 0 &&
    entry.externalFileAttributes === (entryMode << 16) >>> 0 &&
    headerOffset === expectedHeaderOffset;
  if (!canonical) corrupt();

  const hasDescriptor = (entry.generalPurposeBitFlag & dataDescriptorFlag) !== 0;
  const dataOffset = headerOffset + localHeaderSize + entry.fileNameLength;
  const dataEnd = dataOffset + compressedSize;
  return { headerOffset, dataOffset, dataEnd, end: dataEnd + (hasDescriptor ? (zip64 ? 24 : 16) : 0), zip64, hasDescriptor };
}

/**
 * The local header must repeat the central record: same name, flags, method, time, CRC and
 * sizes (zero when a descriptor follows). yazl writes version 20 here even for ZIP64 entries.
 */
export function checkLocalHeader(header: Buffer, entry: Entry, layout: EntryLayout, name: string): void {
  const [crc32, compressedSize, uncompressedSize] = layout.hasDescriptor
    ? [0, 0, 0]
    : [entry.crc32, entry.compressedSize, entry.uncompressedSize];
  const ok =
    header.length === layout.dataOffset - layout.headerOffset &&
    header.readUInt32LE(0) === localHeaderSignature &&
    header.readUInt16LE(4) === versionNeeded &&
    header.readUInt16LE(6) === entry.generalPurposeBitFlag &&
    header.readUInt16LE(8) === entry.compressionMethod &&
    header.readUInt16LE(10) === entry.lastModFileTime &&
    header.readUInt16LE(12) === entry.lastModFileDate &&
    header.readUInt32LE(14) === crc32 &&
    header.readUInt32LE(18) === compressedSize &&
    header.readUInt32LE(22) === uncompressedSize &&
    header.readUInt16LE(26) === entry.fileNameLength &&
    header.readUInt16LE(28) === 0 &&
    header.subarray(localHeaderSize).equals(entry.fileNameRaw);
  if (!ok) throw new Refusal('corrupt_zip', name);
}

/** The data descriptor after a streamed entry (empty otherwise) must repeat the central record's CRC and sizes. */
export function checkDataDescriptor(descriptor: Buffer, entry: Entry, layout: EntryLayout, name: string): void {
  if (descriptor.length !== layout.end - layout.dataEnd) throw new Refusal('corrupt_zip', name);
  if (!layout.hasDescriptor) return;
  const sizes = layout.zip64
    ? [readUInt64(descriptor, 8), readUInt64(descriptor, 16)]
    : [descriptor.readUInt32LE(8), descriptor.readUInt32LE(12)];
  const ok =
    descriptor.readUInt32LE(0) === 0x08074b50 &&
    descriptor.readUInt32LE(4) === entry.crc32 &&
    sizes[0] === entry.compressedSize &&
    sizes[1] === entry.uncompressedSize;
  if (!ok) throw new Refusal('corrupt_zip', name);
}

export function isDeflated(entry: Entry): boolean {
  return entry.compressionMethod === deflated;
}

export function hasDataDescriptor(entry: Entry): boolean {
  return (entry.generalPurposeBitFlag & dataDescriptorFlag) !== 0;
}

function readUInt64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : Number.NaN;
}
