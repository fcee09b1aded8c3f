import { verify as verifySignature, type KeyObject } from 'node:crypto';
import { close, fstat, open } from 'node:fs';
import { mkdir, open as openFile, rm, type FileHandle } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { groupBy } from '../../../../shared/group-by';
import { unreadableFile } from '../../../lib/file-errors';
import {
  entryNameKey,
  formatFingerprint,
  isSafeEntryPath,
  Manifest,
  manifestEntry,
  manifestFormat,
  manifestFormatVersion,
  normalizeFingerprint,
  printableName,
  serializeManifest,
  signatureEntry,
  signerKeyEntry,
  type VerifyFailureReason,
} from '../../../../shared/report/manifest';
import { ed25519PublicKey, fingerprintOf, fingerprintOfKey } from '../keys';
import { readEntryContent, type ContentSink } from './entry-content';
import {
  centralRecordSize,
  checkCentralRecord,
  maxCentralRecordSize,
  readAt,
  readCentralDirectoryEnd,
  Refusal,
  type CentralDirectory,
  type EntryLayout,
} from './zip-layout';

export interface VerifyLimits {
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  maxEntries: number;
  maxManifestBytes: number;
  /** Largest uncompressed : compressed ratio, for entries (and the whole package) above ratioFloorBytes. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;
const defaultVerifyLimits: VerifyLimits = {
  maxEntryBytes: 4 * 1024 * MiB,
  maxEntries: 100_000,
  maxManifestBytes: 16 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: MiB,
};
const maxSignerKeyBytes = 16 * 1024;
const ed25519SignatureBytes = 64;

export interface VerifyOptions {
  /**
   * Accept only these signers (hex or the grouped display form). Given at all, even empty,
   * the signer must be in it (or be trustKeyPem): an empty registry trusts nobody.
   */
  trustFingerprints?: readonly string[];
  trustKeyPem?: string;
  limits?: Partial<VerifyLimits>;
  /**
   * A folder the caller has just created. Verified entries are written under it and nowhere
   * else; if verification fails, everything written there is removed again.
   */
  extractTo?: string;
  /**
   * Which entries to write under extractTo (asked once per entry); all of them when absent.
   * Entries left out are read, hashed and checked all the same, just never written.
   */
  extract?: (path: string) => boolean;
  /**
   * Which listed entries to read and hash; all of them when absent. The directory, manifest,
   * signature, signer and listing are checked all the same, and the signed manifest holds each
   * entry's SHA-256, so one entry can be checked (and taken out) without reading the others.
   * Only the entries read are in the result.
   */
  only?: (path: string) => boolean;
  /** Bytes of entry content read so far, of the total to read. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the verification (it then throws the signal's reason, leaving nothing extracted). */
  signal?: AbortSignal;
}

export interface VerifiedEntry {
  path: string;
  size: number;
  sha256: string;
}

export type VerifyResult =
  | { ok: true; manifest: Manifest; fingerprint: string; entries: VerifiedEntry[] }
  | { ok: false; reason: VerifyFailureReason; detail: string };

interface PackageEntry {
  name: string;
  entry: Entry;
  layout: EntryLayout;
}

/**
 * Checks a report package in one streaming pass over its data, reading into memory only
 * manifest.json, manifest.sig and signer.pem (each capped). The container is checked first,
 * from its central directory alone (names, limits, layout), then the signed manifest, then
 * every entry's content (or the ones asked for) against it. A refusal names its reason; only I/O failures throw.
 */
export async function verifyReportPackage(file: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const limits = { ...defaultVerifyLimits, ...options.limits };
  const trusted = trustedSigners(options);
  const fd = await openPackage(file);
  const extraction = options.extractTo === undefined ? null : new Extraction(options.extractTo);
  let zip: ZipFile | undefined;
  try {
    zip = await openZip(fd);
    const directory = await readCentralDirectoryEnd(fd, (await promisify(fstat)(fd)).size);
    if (directory.entryCount !== zip.entryCount) throw new Refusal('corrupt_zip', 'end of central directory');
    if (directory.entryCount > limits.maxEntries) throw new Refusal('too_many_entries', String(directory.entryCount));
    const entries = await readDirectory(zip, fd, directory, limits);
    const byName = new Map(entries.map((packageEntry) => [packageEntry.name, packageEntry]));
    const special = (name: string, reason: VerifyFailureReason) => byName.get(name) ?? refuse(reason, name);

    const manifestBytes = await readSmallEntry(fd, special(manifestEntry, 'bad_manifest'), limits.maxManifestBytes);
    const manifest = parseManifest(manifestBytes.content);
    const signerKey = await readSmallEntry(fd, special(signerKeyEntry, 'missing_entry'), maxSignerKeyBytes);
    const signature = await readSmallEntry(fd, special(signatureEntry, 'missing_entry'), ed25519SignatureBytes);
    const fingerprint = checkSignature(manifestBytes.content, signature.content, signerKey.content, manifest);
    if (trusted && !trusted.has(fingerprint)) throw new Refusal('untrusted_signer', formatFingerprint(fingerprint));
    checkListing(entries, manifest);

    const inMemory = new Map([manifestBytes, signature, signerKey].map((read) => [read.verified.path, read]));
    const read = entries.filter(({ name }) => inMemory.has(name) || (options.only?.(name) ?? true));
    const wanted = new Set(extraction ? read.map(({ name }) => name).filter((name) => options.extract?.(name) ?? true) : []);
    const extractInto = (name: string) => (wanted.has(name) ? extraction : null);
    const listed = new Map(manifest.files.map((listedFile) => [listedFile.path, listedFile]));
    // Deflated and stored entries in two lanes: one inflates on the thread pool while the
    // other is hashed here, so verification keeps pace with a plain hash of the file.
    const total = read.reduce((sum, { name, entry }) => sum + (inMemory.has(name) ? 0 : entry.uncompressedSize), 0);
    let done = 0;
    const progress = (bytes: number) => {
      options.signal?.throwIfAborted();
      done += bytes;
      options.onProgress?.(done, total);
    };
    options.onProgress?.(0, total);
    const verified = await mapInArchiveOrder(read, ({ entry }) => entry.compressionMethod, async (packageEntry, signal) => {
      const result = inMemory.get(packageEntry.name)?.verified ?? (await readListedEntry(fd, packageEntry, extractInto(packageEntry.name), signal, progress));
      const expected = listed.get(packageEntry.name);
      if (expected && expected.sha256 !== result.sha256) refuse('hash_mismatch', packageEntry.name);
      return result;
    });
    for (const small of inMemory.values()) await extractInto(small.verified.path)?.write(small.verified.path, small.content);
    return { ok: true, manifest, fingerprint, entries: verified };
  } catch (error) {
    await extraction?.discard();
    if (error instanceof Refusal) return { ok: false, reason: error.reason, detail: error.detail };
    throw error;
  } finally {
    // yauzl owns the descriptor once it has opened the ZIP, and closes it here.
    if (zip) zip.close();
    else close(fd, () => undefined);
  }
}

function refuse(reason: VerifyFailureReason, name: string): never {
  throw new Refusal(reason, printableName(name));
}

function trustedSigners({ trustFingerprints, trustKeyPem }: VerifyOptions): Set<string> | null {
  if (trustFingerprints === undefined && trustKeyPem === undefined) return null;
  const trusted = new Set<string>();
  for (const input of trustFingerprints ?? []) {
    const fingerprint = normalizeFingerprint(input);
    if (!fingerprint) throw new RangeError(`not a SHA-256 fingerprint: ${printableName(input)}`);
    trusted.add(fingerprint);
  }
  if (trustKeyPem !== undefined) trusted.add(fingerprintOf(trustKeyPem));
  return trusted;
}

async function openPackage(file: string): Promise<number> {
  try {
    return await promisify(open)(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error);
  }
}

/**
 * yauzl parses the central directory; names are decoded and checked here (decodeStrings:
 * false), and sizes are checked against the manifest with the entry's name at hand
 * (validateEntrySizes: false), so every refusal can say which entry it is about.
 */
function openZip(fd: number): Promise<ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.fromFd(fd, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false }, (error, zip) => {
      if (error) return reject(new Refusal('not_a_zip', ''));
      // Errors reach us through eachEntry(); a late one (while closing) must not crash the app.
      zip.on('error', () => undefined);
      resolvePromise(zip);
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Every entry's name, central record and declared sizes, checked before any content is read. */
async function readDirectory(zip: ZipFile, fd: number, directory: CentralDirectory, limits: VerifyLimits): Promise<PackageEntry[]> {
  const entries: PackageEntry[] = [];
  const keys = new Set<string>();
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
      const key = entryNameKey(name);
      if (keys.has(key)) refuse('duplicate_name', name);
      keys.add(key);
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
  // Many small entries can be a bomb too: the ratio also holds for the package as a whole.
  checkDeclaredSize('*', declaredTotal, compressedTotal, { ...limits, maxEntryBytes: Number.POSITIVE_INFINITY });
  return entries;
}

function entryName(entry: Entry): string {
  let name: string;
  try {
    name = utf8.decode(entry.fileNameRaw);
  } catch {
    return refuse('unsafe_path', entry.fileNameRaw.toString('latin1'));
  }
  if (!isSafeEntryPath(name)) refuse('unsafe_path', name);
  return name;
}

function checkDeclaredSize(name: string, size: number, compressedSize: number, limits: VerifyLimits): void {
  if (size > limits.maxEntryBytes) refuse('oversize_entry', name);
  if (size > limits.ratioFloorBytes && size > limits.maxCompressionRatio * compressedSize) refuse('over_ratio_entry', name);
}

interface EntryInMemory {
  content: Buffer;
  verified: VerifiedEntry;
}

async function readSmallEntry(fd: number, { name, entry, layout }: PackageEntry, maxBytes: number): Promise<EntryInMemory> {
  if (entry.uncompressedSize > maxBytes) refuse('oversize_entry', name);
  const chunks: Buffer[] = [];
  const content = await readEntryContent(fd, entry, layout, printableName(name), (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  return { content: Buffer.concat(chunks), verified: { path: name, ...content } };
}

async function readListedEntry(
  fd: number,
  { name, entry, layout }: PackageEntry,
  extraction: Extraction | null,
  signal: AbortSignal,
  progress: (bytes: number) => void,
): Promise<VerifiedEntry> {
  const output = await extraction?.create(name);
  try {
    const content = await readEntryContent(fd, entry, layout, printableName(name), (chunk) => {
      signal.throwIfAborted();
      progress(chunk.length);
      return output?.write(chunk);
    });
    return { path: name, ...content };
  } finally {
    await output?.close();
  }
}

/**
 * Runs `work` over `items` in lanes, each lane taking its items in order, and returns the
 * results in order. The failure reported is the first in archive order, so a verdict never
 * depends on timing: after a failure, later items are aborted or skipped while earlier ones
 * still run to their end.
 */
async function mapInArchiveOrder<T, R>(
  items: readonly T[],
  laneOf: (item: T) => number,
  work: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  const lanes = groupBy(items.keys(), (index) => laneOf(items[index] as T));
  const results: R[] = [];
  const running = new Map<number, AbortController>();
  let failure: { index: number; error: unknown } | undefined;
  const runLane = async (indexes: readonly number[]) => {
    for (const index of indexes) {
      if (failure && index > failure.index) return;
      const controller = new AbortController();
      running.set(index, controller);
      try {
        results[index] = await work(items[index] as T, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return; // an earlier item failed
        failure = failure && failure.index < index ? failure : { index, error };
        for (const [later, other] of running) if (later > index) other.abort();
      } finally {
        running.delete(index);
      }
    }
  };
  await Promise.all([...lanes.values()].map(runLane));
  if (failure) throw failure.error;
  return results;
}

/**
 * manifest.json must parse, must be the format we know, and must be byte for byte what
 * serializeManifest writes: then no two JSON readers can disagree on what was signed
 * (duplicate keys, for one, are resolved differently by different parsers).
 */
function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    return refuse('bad_manifest', manifestEntry);
  }
  if (typeof json === 'object' && json !== null && 'format' in json && json.format === manifestFormat) {
    const version = 'formatVersion' in json ? json.formatVersion : undefined;
    if (version !== manifestFormatVersion) refuse('unknown_format_version', String(JSON.stringify(version)));
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('bad_manifest', issue && issue.path.length > 0 ? issue.path.join('.') : manifestEntry);
  }
  if (serializeManifest(parsed.data) !== bytes.toString('utf8')) refuse('bad_manifest', manifestEntry);
  return parsed.data;
}

/** The signature over the exact manifest bytes, by the key in signer.pem, which the manifest names. */
function checkSignature(manifestBytes: Buffer, signature: Buffer, signerPem: Buffer, manifest: Manifest): string {
  if (signature.length !== ed25519SignatureBytes) refuse('bad_signature', signatureEntry);
  let key: KeyObject;
  try {
    key = ed25519PublicKey(signerPem);
  } catch {
    return refuse('bad_signature', signerKeyEntry);
  }
  if (!verifySignature(null, manifestBytes, key, signature)) refuse('bad_signature', signatureEntry);
  const fingerprint = fingerprintOfKey(key);
  if (fingerprint !== manifest.signer.fingerprint) refuse('bad_signature', signerKeyEntry);
  return fingerprint;
}

/** Every listed file present with its declared size, and nothing unlisted besides the manifest and its signature. */
function checkListing(entries: readonly PackageEntry[], manifest: Manifest): void {
  const byName = new Map(entries.map((packageEntry) => [packageEntry.name, packageEntry]));
  for (const listed of manifest.files) if (!byName.has(listed.path)) refuse('missing_entry', listed.path);
  const listedPaths = new Set(manifest.files.map((listed) => listed.path));
  for (const { name } of entries) {
    if (name !== manifestEntry && name !== signatureEntry && !listedPaths.has(name)) refuse('unlisted_entry', name);
  }
  for (const listed of manifest.files) {
    if (byName.get(listed.path)?.entry.uncompressedSize !== listed.size) refuse('size_mismatch', listed.path);
  }
}

/** Writes entries under one folder, never outside it, and can take back everything it wrote. */
class Extraction {
  private readonly root: string;
  private readonly created: string[] = [];

  constructor(root: string) {
    this.root = resolve(root);
  }

  async create(name: string): Promise<{ write: ContentSink; close: () => Promise<void> }> {
    // 'wx' refuses to follow or replace anything already there, a symlink included.
    const handle = await openFile(await this.target(name), 'wx');
    return { write: (chunk) => writeAll(handle, chunk), close: () => handle.close() };
  }

  async write(name: string, content: Buffer): Promise<void> {
    const output = await this.create(name);
    try {
      await output.write(content);
    } finally {
      await output.close();
    }
  }

  async discard(): Promise<void> {
    for (const path of this.created.reverse()) await rm(path, { recursive: true, force: true });
  }

  private async target(name: string): Promise<string> {
    const target = resolve(this.root, ...name.split('/'));
    // isSafeEntryPath already rules this out; a second, independent check costs nothing.
    if (!target.startsWith(this.root + sep)) throw new Error(`entry escapes the extraction folder: ${printableName(name)}`);
    const madeFolder = await mkdir(dirname(target), { recursive: true });
    if (madeFolder) this.created.push(madeFolder);
    this.created.push(target);
    return target;
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length; ) offset += (await handle.write(chunk, offset, chunk.length - offset)).bytesWritten;
}
