import { close, fstat, open } from 'node:fs';
import { promisify } from 'node:util';
import type { ZipFile } from 'yauzl';
import { unreadableFile } from '../../../lib/file-errors';
import {
  formatFingerprint,
  type Manifest,
  manifestEntry,
  normalizeFingerprint,
  printableName,
  signatureEntry,
  signerKeyEntry,
  type VerifyFailureReason,
} from '../../../../shared/report/manifest';
import { fingerprintOf } from '../keys';
import { mapInArchiveOrder } from './archive-order';
import { checkListing, checkSignature, checkWriterLayout, parseManifest } from './checks';
import { openZip, readDirectory, type PackageEntry } from './directory';
import { readEntryContent, type EntryContent } from './entry-content';
import { Extraction } from './extraction';
import { defaultVerifyLimits, ed25519SignatureBytes, manifestAllowance, maxSignerKeyBytes, type VerifyLimits } from './limits';
import { readCentralDirectoryEnd, Refusal, refuse } from './zip-layout';

export type { VerifyLimits } from './limits';

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

/**
 * Checks a report package in one streaming pass over its data, reading into memory only
 * manifest.json, manifest.sig and signer.pem (each capped). The container is checked first,
 * from its central directory alone (names, limits, layout), then the signed manifest, then
 * every entry's content (or the ones asked for) against it. A refusal names its reason; only I/O failures throw.
 */
export async function verifyReportPackage(file: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const limits = { ...defaultVerifyLimits, ...options.limits };
  const trusted = trustedSigners(options);
  const fd = await openForReading(file);
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

    // The manifest lists every entry: its size is bounded by their number, before it is parsed.
    const manifestBytes = await readSmallEntry(fd, special(manifestEntry, 'bad_manifest'), manifestAllowance(entries.length, limits));
    const manifest = parseManifest(manifestBytes.content);
    const signerKey = await readSmallEntry(fd, special(signerKeyEntry, 'missing_entry'), maxSignerKeyBytes);
    const signatureFile = special(signatureEntry, 'missing_entry');
    // A signature of another length is a bad signature, not a large file.
    if (signatureFile.entry.uncompressedSize !== ed25519SignatureBytes) refuse('bad_signature', signatureEntry);
    const signature = await readSmallEntry(fd, signatureFile, ed25519SignatureBytes);
    const fingerprint = checkSignature(manifestBytes.content, signature.content, signerKey.content, manifest);
    if (trusted && !trusted.has(fingerprint)) throw new Refusal('untrusted_signer', formatFingerprint(fingerprint));
    checkListing(entries, manifest);
    checkWriterLayout(entries, manifest);

    const inMemory = new Map<string, EntryInMemory>([
      [manifestEntry, manifestBytes],
      [signatureEntry, signature],
      [signerKeyEntry, signerKey],
    ]);
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
    const verified = await mapInArchiveOrder(
      read,
      ({ entry }) => entry.compressionMethod,
      async (packageEntry, signal) => {
        const { name, entry } = packageEntry;
        const { size, sha256, crc32 } =
          inMemory.get(name)?.read ?? (await readListedEntry(fd, packageEntry, extractInto(name), signal, progress));
        const expected = listed.get(name);
        // The SHA-256 first: content that differs from what was signed is named as altered.
        if (expected && expected.sha256 !== sha256) refuse('hash_mismatch', name);
        if (crc32 !== entry.crc32) refuse('crc_mismatch', name);
        return { path: name, size, sha256 };
      },
    );
    for (const [path, small] of inMemory) await extractInto(path)?.write(path, small.content);
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

/** The fingerprints to accept (a receipt's office or a package's signer), or null when trust is not asked about. */
export function trustedSigners({
  trustFingerprints,
  trustKeyPem,
}: Pick<VerifyOptions, 'trustFingerprints' | 'trustKeyPem'>): Set<string> | null {
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

/** A descriptor for reading `file`; a file that cannot be opened is refused in words. */
export async function openForReading(file: string): Promise<number> {
  try {
    return await promisify(open)(file, 'r');
  } catch (error) {
    throw unreadableFile(file, error);
  }
}

interface EntryInMemory {
  content: Buffer;
  read: EntryContent;
}

async function readSmallEntry(fd: number, { name, entry, layout }: PackageEntry, maxBytes: number): Promise<EntryInMemory> {
  if (entry.uncompressedSize > maxBytes) refuse('oversize_entry', name);
  const chunks: Buffer[] = [];
  const read = await readEntryContent(fd, entry, layout, printableName(name), (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  return { content: Buffer.concat(chunks), read };
}

async function readListedEntry(
  fd: number,
  { name, entry, layout }: PackageEntry,
  extraction: Extraction | null,
  signal: AbortSignal,
  progress: (bytes: number) => void,
): Promise<EntryContent> {
  const output = await extraction?.create(name);
  try {
    return await readEntryContent(fd, entry, layout, printableName(name), (chunk) => {
      signal.throwIfAborted();
      progress(chunk.length);
      return output?.write(chunk);
    });
  } finally {
    await output?.close();
  }
}
