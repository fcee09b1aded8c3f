import { createHash, sign, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile, type Options as ZipEntryOptions } from 'yazl';
import { partialPath, syncDirectory } from '../../../lib/atomic-write';
import { sha256Hex } from '../../../lib/hash';
import { errnoCode, isDiskFull, unreadableFile } from '../../../lib/file-errors';
import { AppError } from '../../../../shared/api/errors';
import { defaultVerifyLimits, ed25519SignatureBytes, manifestAllowance, maxSignerKeyBytes } from './limits';
import {
  EntryNames,
  isSafeEntryPath,
  Manifest,
  manifestEntry,
  manifestFormat,
  manifestFormatVersion,
  printableName,
  reservedEntries,
  serializeManifest,
  signatureEntry,
  signerKeyEntry,
  type ManifestContent,
  type ManifestFile,
} from '../../../../shared/report/manifest';
import { ed25519PublicKey, spkiDer } from '../keys';
import { compressesEntry, entryMode } from './zip-layout';

/**
 * A file of the package: generated content in memory, or a file on disk that is streamed.
 * An evidence file names what it must be: the SHA-256 it was stored under (compared with
 * what is actually packed, so a damaged copy never goes out signed), and the attachment's
 * name and measure for the message when it is damaged or missing.
 */
export type ReportEntry = { path: string; data: Buffer | string } | { path: string; file: string; evidence?: ExpectedEvidence };

export interface ExpectedEvidence {
  sha256: string;
  name: string;
  measure: string;
}

export interface ReportSigner {
  privateKey: KeyObject;
  publicKeyPem: string;
}

export interface WriteReportPackageOptions {
  outFile: string;
  /** In package order; signer.pem, manifest.json and manifest.sig follow them. */
  entries: readonly ReportEntry[];
  manifest: ManifestContent;
  signer: ReportSigner;
  /** Bytes of entry content packed so far, of the total. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WrittenReportPackage {
  file: string;
  size: number;
  manifestSha256: string;
  /** SHA-256 of the package file as written: what the office's receipt names. */
  packageSha256: string;
  manifest: Manifest;
}

/** Level 1 is about five times faster than the default for a third more bytes of text. */
const deflateLevel = 1;
const chunkSize = 1024 * 1024;

interface Source {
  path: string;
  size: number;
  /** The file the content comes from, for error messages; the entry path for in-memory data. */
  origin: string;
  evidence?: ExpectedEvidence | undefined;
  open(): Readable;
}

/**
 * Writes a signed report package. Entry files are streamed (memory stays flat for gigabytes
 * of evidence) and hashed on the way into the ZIP; the manifest, listing those hashes, and
 * its signature go last. The file appears under `outFile` complete or not at all: it is
 * written to a temporary name in the same folder, synced, then renamed.
 */
export async function writeReportPackage(options: WriteReportPackageOptions): Promise<WrittenReportPackage> {
  const { outFile, signal } = options;
  if (signal?.aborted) throw new AppError('report.cancelled');
  const draft = draftManifest(options);
  const sources = await prepareSources(options.entries);

  const tempFile = partialPath(outFile);
  // 'wx': a fresh file, never someone else's; flush: fsync before the stream closes it.
  const output = createWriteStream(tempFile, { flags: 'wx', flush: true, highWaterMark: chunkSize });
  try {
    const { manifest, manifestJson, packageSha256 } = await writeZip(output, sources, draft, options);
    const { size } = await stat(tempFile);
    await rename(tempFile, outFile);
    await syncDirectory(dirname(outFile));
    return { file: outFile, size, manifestSha256: sha256Hex(manifestJson), packageSha256, manifest };
  } catch (error) {
    // Removing the file before the stream has let go of it could race its (delayed) open.
    output.destroy();
    await finished(output).catch(() => undefined);
    await rm(tempFile, { force: true });
    throw outputError(error, outFile);
  }
}

/** The manifest without its files, validated before a single byte is written. */
function draftManifest({ manifest, signer }: WriteReportPackageOptions): Manifest {
  const publicKey = spkiDer(ed25519PublicKey(signer.publicKeyPem));
  if (!spkiDer(signer.privateKey).equals(publicKey)) throw new Error('signer.publicKeyPem is not the public half of signer.privateKey');
  const draft = {
    format: manifestFormat,
    formatVersion: manifestFormatVersion,
    ...manifest,
    signer: { fingerprint: sha256Hex(publicKey) },
    files: [],
  };
  return Manifest.parse(draft);
}

async function prepareSources(entries: readonly ReportEntry[]): Promise<Source[]> {
  const names = new EntryNames();
  for (const reserved of reservedEntries) names.add(reserved);
  const sources: Source[] = [];
  for (const entry of entries) {
    if (!isSafeEntryPath(entry.path)) throw new AppError('report.unsafe_entry', { path: printableName(entry.path) });
    if (!names.add(entry.path)) throw new AppError('report.duplicate_entry', { path: printableName(entry.path) });
    if ('data' in entry) {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
      sources.push({ path: entry.path, size: data.length, origin: entry.path, open: () => Readable.from([data], { objectMode: false }) });
    } else {
      const { file, evidence } = entry;
      const source: Source = {
        path: entry.path,
        size: 0,
        origin: file,
        evidence,
        open: () => createReadStream(file, { highWaterMark: chunkSize }),
      };
      const info = await stat(file).catch((error: unknown) => {
        throw sourceError(error, source);
      });
      if (!info.isFile()) throw new AppError('file.unreadable', { name: evidence?.name ?? file, reason: 'NOT_A_FILE' });
      sources.push({ ...source, size: info.size });
    }
  }
  checkWithinVerifyLimits(sources);
  return sources;
}

/** A package the verifier would refuse is never written: the receiving office could not open it. */
function checkWithinVerifyLimits(sources: readonly Source[]): void {
  const { maxEntries, maxTotalBytes } = defaultVerifyLimits;
  const entries = sources.length + reservedEntries.length;
  if (entries > maxEntries) throw new AppError('report.too_many_files', { count: entries, max: maxEntries });
  // The manifest, its signature and signer.pem come on top; their allowance is left free.
  const total = sources.reduce((sum, source) => sum + source.size, 0);
  const max = maxTotalBytes - manifestAllowance(entries, defaultVerifyLimits) - maxSignerKeyBytes - ed25519SignatureBytes;
  if (total > max) throw new AppError('report.too_large', { size: gigabytes(total), max: gigabytes(maxTotalBytes) });
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Streams the ZIP into `output` until it is synced and closed; returns the manifest and the exact text that was signed. */
async function writeZip(
  output: WriteStream,
  sources: readonly Source[],
  draft: Manifest,
  options: WriteReportPackageOptions,
): Promise<{ manifest: Manifest; manifestJson: string; packageSha256: string }> {
  const zip = new ZipFile();
  const stop = new AbortController();
  // The first failure wins; aborting `stop` tears down the output and the current input.
  const fail = (error: unknown) => stop.abort(error);
  const cancel = () => fail(new AppError('report.cancelled'));
  options.signal?.addEventListener('abort', cancel);
  if (options.signal?.aborted) cancel();
  zip.on('error', fail);
  // The package's SHA-256 (what the office's receipt names) is taken from the bytes on their
  // way to the file, so a package of gigabytes is not read a second time.
  const packageHash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      packageHash.update(chunk);
      callback(null, chunk);
    },
  });
  const written = pipeline(zip.outputStream, hashing, output, { signal: stop.signal });
  written.catch(fail);

  try {
    const entryOptions = entryOptionsFor(draft.generatedAt);
    const total = sources.reduce((sum, source) => sum + source.size, 0);
    let done = 0;
    const progress = (bytes: number) => {
      done += bytes;
      options.onProgress?.(done, total);
    };
    let current: Readable | undefined;
    stop.signal.addEventListener('abort', () => current?.destroy(), { once: true });

    const hashed = sources.map(
      (source) =>
        new Promise<ManifestFile>((resolve) => {
          // yazl opens each input only when the previous entry is done: one file open at a time.
          zip.addReadStreamLazy(source.path, entryOptions(compressesEntry(source.path, source.size)), (callback) => {
            current = source.open();
            current.on('error', (error) => fail(sourceError(error, source)));
            const meter = hashingMeter(source, progress, resolve).on('error', fail);
            callback(null, current.pipe(meter));
          });
        }),
    );
    const signerPem = Buffer.from(options.signer.publicKeyPem, 'utf8');
    zip.addBuffer(signerPem, signerKeyEntry, entryOptions(false));

    const files = await untilStopped(Promise.all(hashed), stop.signal);
    files.push({ path: signerKeyEntry, size: signerPem.length, sha256: sha256Hex(signerPem) });
    const manifest = { ...draft, files };
    const manifestJson = serializeManifest(manifest);
    const manifestBytes = Buffer.from(manifestJson, 'utf8');
    // Stored, not deflated: then every byte of them is covered by the signature (see zip-layout.ts).
    zip.addBuffer(manifestBytes, manifestEntry, entryOptions(false));
    zip.addBuffer(sign(null, manifestBytes, options.signer.privateKey), signatureEntry, entryOptions(false));
    zip.end();
    await written;
    return { manifest, manifestJson, packageSha256: packageHash.digest('hex') };
  } catch (error) {
    throw stop.signal.aborted ? stop.signal.reason : error;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** Options for yazl that give every entry the canonical form the verifier requires (zip-layout.ts). */
function entryOptionsFor(generatedAt: string): (compress: boolean) => Partial<ZipEntryOptions> {
  const mtime = wallClockDate(generatedAt);
  return (compress) => ({ mtime, mode: entryMode, forceDosTimestamp: true, compressionLevel: compress ? deflateLevel : 0 });
}

/**
 * ZIP (DOS) times have no time zone. Entries carry the clock time written in generatedAt, so
 * an unzipped file shows the time the report was made where it was made (the verifier
 * requires exactly that time, see dosDateTime in zip-layout.ts).
 */
export function wallClockDate(generatedAt: string): Date {
  // The schema has checked the shape: YYYY-MM-DDTHH:MM:SS…
  const [year, month, day, hour, minute, second] = generatedAt.slice(0, 19).split(/[-T:]/u).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(year, month - 1, day, hour, minute, second);
}

/**
 * Passes content through unchanged while hashing and counting it. Evidence that does not hash
 * to what it was stored under fails the package (the writer then removes what it wrote).
 */
function hashingMeter({ path, evidence }: Source, progress: (bytes: number) => void, done: (file: ManifestFile) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      progress(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      const sha256 = hash.digest('hex');
      if (evidence && evidence.sha256 !== sha256) {
        callback(new AppError('evidence.damaged', { name: evidence.name, measure: evidence.measure }));
        return;
      }
      done({ path, size, sha256 });
      callback();
    },
  });
}

/** Waits for `work` unless the signal aborts first (whose reason it then throws). */
function untilStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function sourceError(error: unknown, { origin, evidence }: Source): AppError {
  const code = errnoCode(error);
  if (evidence && code === 'ENOENT') {
    // `context` selects the export's wording of the message (errors.evidence.missing_report).
    return new AppError('evidence.missing', { name: evidence.name, measure: evidence.measure, context: 'report' });
  }
  return unreadableFile(evidence?.name ?? origin, error);
}

function outputError(error: unknown, outFile: string): unknown {
  if (error instanceof AppError) return error;
  if (isDiskFull(error)) return new AppError('report.disk_full', { file: outFile });
  const code = errnoCode(error);
  if (code) return new AppError('report.write_failed', { file: outFile, reason: code });
  return error;
}
