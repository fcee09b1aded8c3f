/**
 * The parts of a .xlsx, read from the file on disk with every byte counted while it inflates:
 * a workbook that unpacks to more than `maxUnpackedBytes` in all, or a sizeable part that packs
 * tighter than `maxEntryRatio`, is refused (ledger.too_large) as soon as the limit is crossed,
 * whatever sizes the ZIP declares. Nothing is held whole except the small parts asked for.
 */
import { StringDecoder } from 'node:string_decoder';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../../shared/api/errors';

export interface ZipPartLimits {
  /** All parts together, unpacked. */
  maxUnpackedBytes: number;
  /** Unpacked : packed, checked on parts of `ratioCheckFromBytes` or more. */
  maxEntryRatio: number;
  ratioCheckFromBytes: number;
  /** More parts than a workbook ever has is a forged file. */
  maxEntries: number;
}

/** A real task workbook unpacks to a few megabytes; 100,000 rows of XML stay well under this. */
export const defaultZipPartLimits: ZipPartLimits = {
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxEntryRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export interface ZipParts {
  /** Part names as stored, '/'-separated, without a leading slash. */
  readonly names: readonly string[];
  /** The stored name of `name`, matched exactly, else ignoring case (some writers differ in case from their own rels). */
  find(name: string): string | null;
  /** A small part whole, as UTF-8 text (refused beyond `maxBytes`). */
  readText(name: string, maxBytes: number): Promise<string>;
  /** A part as UTF-8 text in pieces, handed to `onText` as it inflates; rejects with what `onText` throws. */
  stream(name: string, onText: (text: string) => void, signal?: AbortSignal): Promise<void>;
  close(): void;
}

const corrupt = (detail: string) => new AppError('ledger.corrupt', { detail });

/** Opens the ZIP at `path` and reads its directory; ledger.corrupt when it is not a readable ZIP. */
export async function openZipParts(path: string, limits: ZipPartLimits = defaultZipPartLimits): Promise<ZipParts> {
  const tooLarge = () => new AppError('ledger.too_large', { limitMb: Math.round(limits.maxUnpackedBytes / (1024 * 1024)) });
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, opened) => {
      if (error) reject(corrupt(error.message));
      else resolve(opened);
    });
  });
  const entries = new Map<string, Entry>();
  try {
    let declared = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(corrupt(error.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        declared += entry.uncompressedSize;
        // The declared sizes first: a bomb that admits what it is is refused without inflating a byte.
        if (entries.size >= limits.maxEntries || declared > limits.maxUnpackedBytes) return reject(tooLarge());
        if (
          entry.uncompressedSize >= limits.ratioCheckFromBytes &&
          entry.uncompressedSize > limits.maxEntryRatio * Math.max(entry.compressedSize, 1)
        )
          return reject(tooLarge());
        const name = entry.fileName.replace(/\\/gu, '/').replace(/^\/+/u, '');
        if (!name.endsWith('/')) entries.set(name, entry);
        zip.readEntry();
        return undefined;
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }

  const names = [...entries.keys()];
  const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
  let unpacked = 0;

  const find = (name: string): string | null => {
    const clean = name.replace(/^\/+/u, '');
    return entries.has(clean) ? clean : (byLowerCase.get(clean.toLowerCase()) ?? null);
  };

  const stream = (name: string, onText: (text: string) => void, signal?: AbortSignal, maxBytes = Infinity): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const stored = find(name);
      const entry = stored === null ? undefined : entries.get(stored);
      if (!entry) return reject(corrupt(`missing part ${name}`));
      zip.openReadStream(entry, (error, readStream) => {
        if (error) return reject(corrupt(error.message));
        const decoder = new StringDecoder('utf8');
        let entryBytes = 0;
        let settled = false;
        const fail = (failure: unknown) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          readStream.destroy();
          reject(failure);
        };
        const onAbort = () => fail(new AppError('ledger.cancelled'));
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        readStream.on('data', (chunk: Buffer) => {
          if (settled) return;
          entryBytes += chunk.length;
          unpacked += chunk.length;
          // Counted as it inflates: declared sizes can be forged.
          if (entryBytes > maxBytes)
            return fail(new AppError('ledger.too_large', { limitMb: Math.max(1, Math.round(maxBytes / (1024 * 1024))) }));
          if (
            unpacked > limits.maxUnpackedBytes ||
            (entryBytes >= limits.ratioCheckFromBytes && entryBytes > limits.maxEntryRatio * Math.max(entry.compressedSize, 1))
          )
            return fail(tooLarge());
          try {
            onText(decoder.write(chunk));
          } catch (failure) {
            fail(failure);
          }
          return undefined;
        });
        // yauzl checks the bytes against the declared size: more than declared is a forged, bomb-like part.
        readStream.on('error', (streamError: Error) =>
          fail(/too many bytes/u.test(streamError.message) ? tooLarge() : corrupt(streamError.message)),
        );
        readStream.on('end', () => {
          if (settled) return;
          try {
            const rest = decoder.end();
            if (rest) onText(rest);
          } catch (failure) {
            return fail(failure);
          }
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          resolve();
          return undefined;
        });
        return undefined;
      });
      return undefined;
    });

  const readText = async (name: string, maxBytes: number): Promise<string> => {
    const pieces: string[] = [];
    await stream(name, (text) => pieces.push(text), undefined, maxBytes);
    return pieces.join('');
  };

  return { names, find, readText, stream: (name, onText, signal) => stream(name, onText, signal), close: () => zip.close() };
}
