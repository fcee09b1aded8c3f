import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { EntryNames, isSafeEntryPath, printableName } from '../../../../shared/report/manifest';
import type { VerifyLimits } from './limits';
import {
  centralRecordSize,
  checkCentralRecord,
  localHeaderSignature,
  maxCentralRecordSize,
  readAt,
  Refusal,
  refuse,
  type CentralDirectory,
  type EntryLayout,
} from './zip-layout';

export interface PackageEntry {
  name: string;
  entry: Entry;
  layout: EntryLayout;
}

/**
 * yauzl parses the central directory; names are decoded and checked here (decodeStrings:
 * false), and sizes are checked against the manifest with the entry's name at hand
 * (validateEntrySizes: false), so every refusal can say which entry it is about.
 */
export function openZip(fd: number): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.fromFd(fd, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false }, (error, zip) => {
      if (error) {
        // A file that starts as a ZIP does is one, damaged (at its end: that is where yauzl starts).
        readAt(fd, 4, 0, '').then(
          (start) =>
            reject(
              start.readUInt32LE(0) === localHeaderSignature
                ? new Refusal('corrupt_zip', 'end of central directory')
                : new Refusal('not_a_zip', ''),
            ),
          () => reject(new Refusal('not_a_zip', '')),
        );
        return;
      }
      // Errors reach us through eachEntry(); a late one (while closing) must not crash the app.
      zip.on('error', () => undefined);
      resolvePromise(zip);
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Every entry's name, central record and declared sizes, checked before any content is read. */
export async function readDirectory(zip: ZipFile, fd: number, directory: CentralDirectory, limits: VerifyLimits): Promise<PackageEntry[]> {
  const entries: PackageEntry[] = [];
  const names = new EntryNames();
  let recordOffset = directory.offset;
  let nextHeaderOffset = 0;
  let declaredTotal = 0;
  let compressedTotal = 0;
  // Read whole (it is bounded by the entry count) for the fields yauzl does not expose.
  if (directory.size > directory.entryCount * maxCentralRecordSize) throw new Refusal('corrupt_zip', 'central directory');
  const records = await readAt(fd, directory.size, directory.offset, 'central directory');
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = records.subarray(recordOffset - directory.offset, recordOffset - directory.offset + centralRecordSize);
      if (raw.length !== centralRecordSize) throw new Refusal('corrupt_zip', 'central directory');
      recordOffset += centralRecordSize + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
      const name = entryName(entry);
      if (!names.add(name)) refuse('duplicate_name', name);
      const layout = checkCentralRecord(entry, raw, printableName(name), nextHeaderOffset);
      nextHeaderOffset = layout.end;
      checkDeclaredSize(name, entry.uncompressedSize, entry.compressedSize, limits);
      declaredTotal += entry.uncompressedSize;
      compressedTotal += entry.compressedSize;
      entries.push({ name, entry, layout });
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    const encrypted = error instanceof Error && /encryption/u.test(error.message);
    throw new Refusal(encrypted ? 'encrypted_entry' : 'corrupt_zip', 'central directory');
  }
  if (nextHeaderOffset !== directory.offset || recordOffset !== directory.offset + directory.size) {
    throw new Refusal('corrupt_zip', 'central directory');
  }
  if (declaredTotal > limits.maxTotalBytes) throw new Refusal('package_too_large', String(declaredTotal));
  // Many small entries can be a bomb too: the ratio also holds for the package as a whole.
  checkDeclaredSize('*', declaredTotal, compressedTotal, { ...limits, maxEntryBytes: Number.POSITIVE_INFINITY });
  return entries;
}

function entryName(entry: Entry): string {
  let name: string;
  try {
    name = utf8.decode(entry.fileNameRaw);
  } catch {
    return refuse('unsafe_path', escapedBytes(entry.fileNameRaw));
  }
  if (!isSafeEntryPath(name)) refuse('unsafe_path', name);
  return name;
}

function checkDeclaredSize(name: string, size: number, compressedSize: number, limits: VerifyLimits): void {
  if (size > limits.maxEntryBytes) refuse('oversize_entry', name);
  if (size > limits.ratioFloorBytes && size > limits.maxCompressionRatio * compressedSize) refuse('over_ratio_entry', name);
}

/** A name that is not UTF-8, printed as what it is: ASCII as it is, every other byte as \xHH. */
function escapedBytes(bytes: Buffer): string {
  return [...bytes]
    .map((byte) =>
      byte >= 0x20 && byte < 0x7f && byte !== 0x5c ? String.fromCharCode(byte) : `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}
