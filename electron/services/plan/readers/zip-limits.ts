/**
 * ZIP-based sources (.docx, OFD) are unpacked in memory in the main process, so a small file
 * that unpacks to gigabytes (a zip bomb) could exhaust it. Before a reader sees the file,
 * every part is checked: the sizes the ZIP declares (in all, and per part against its packed
 * size), and then the sizes the parts really unpack to, counted while inflating and thrown
 * away, since a forged file can declare anything.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PlanParseError, type PlanErrorCode } from '../../../../shared/plan/errors';

/** What a package may unpack to in all; real plans unpack to a few megabytes. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Tightest packing allowed for a sizeable part; XML and images stay well under 50:1. */
const MAX_ENTRY_RATIO = 200;
/** Parts smaller than this are not ratio-checked (a tiny part of repeated text may pack tightly). */
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

export interface ZipLimits {
  maxUnpackedBytes?: number;
  maxEntryRatio?: number;
}

export interface ZipErrorCodes {
  /** Not a ZIP, or a damaged one; params: detail. */
  invalid: PlanErrorCode;
  /** Unpacks to too much; params: limitMb. */
  tooLarge: PlanErrorCode;
}

export function openZip(bytes: Uint8Array, invalid: PlanErrorCode): Promise<ZipFile> {
  return new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (error, opened) => {
      if (error) reject(new PlanParseError(invalid, { detail: error.message }));
      else resolve(opened);
    });
  });
}

/** Throws `codes.tooLarge` for a package that unpacks to more than the limits, `codes.invalid` for a damaged one. */
export async function checkZipPackage(bytes: Uint8Array, codes: ZipErrorCodes, limits: ZipLimits = {}): Promise<void> {
  const maxTotal = limits.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
  const maxRatio = limits.maxEntryRatio ?? MAX_ENTRY_RATIO;
  const tooLarge = () => new PlanParseError(codes.tooLarge, { limitMb: Math.round(maxTotal / (1024 * 1024)) });
  const invalid = (detail: string) => new PlanParseError(codes.invalid, { detail });
  const zip = await openZip(bytes, codes.invalid);
  let declared = 0;
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on('error', (error: Error) => fail(invalid(error.message)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (declared > maxTotal || (entry.uncompressedSize >= RATIO_CHECK_FROM_BYTES && ratio > maxRatio)) return fail(tooLarge());
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(invalid(error.message));
        stream.on('data', (chunk: Buffer) => {
          unpacked += chunk.length;
          if (unpacked > maxTotal) {
            stream.destroy();
            fail(tooLarge());
          }
        });
        // yauzl checks the bytes against the declared size: more than declared is a forged, bomb-like part.
        stream.on('error', (streamError: Error) =>
          fail(/too many bytes/u.test(streamError.message) ? tooLarge() : invalid(streamError.message)),
        );
        stream.on('end', () => zip.readEntry());
      });
      return undefined;
    });
    zip.readEntry();
  });
}
