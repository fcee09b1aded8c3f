import { verify as verifySignature, sign, type KeyObject } from 'node:crypto';
import { close, fstat } from 'node:fs';
import { promisify } from 'node:util';
import type { ZipFile } from 'yauzl';
import { ZipFile as ZipWriter } from 'yazl';
import {
  Receipt,
  receiptEntries,
  receiptEntry,
  receiptFormat,
  receiptFormatVersion,
  receiptSignatureEntry,
  receiptSignerEntry,
  type ReceiptFailureReason,
} from '../../../shared/office/receipt';
import { formatFingerprint, printableName, type VerifyFailureReason } from '../../../shared/report/manifest';
import { unreadableFile } from '../../lib/file-errors';
import { sha256File } from '../../lib/hash';
import { ed25519PublicKey, ed25519PublicKeyBytes, fingerprintOfKey, spkiDer } from '../report/keys';
import { jsonDepth } from '../report/package/checks';
import { openZip, readDirectory, type PackageEntry } from '../report/package/directory';
import { isCanonicalSignature, isStrongPublicKey } from '../report/package/ed25519';
import { readEntryContent } from '../report/package/entry-content';
import { openForReading, trustedSigners } from '../report/package/verify';
import { ed25519SignatureBytes, type VerifyLimits } from '../report/package/limits';
import { dosDateTime, entryMode, hasDataDescriptor, isDeflated, readCentralDirectoryEnd, Refusal } from '../report/package/zip-layout';

/**
 * The signed receipt (回执) as a file: a ZIP of receipt.json, receipt.sig and signer.pem in
 * that order, each stored (not deflated, so every byte of content is what was signed or the
 * key that signed it) without a data descriptor, all three with one timestamp: the wall-clock
 * time of receivedAt. Otherwise the container follows the report package's canonical layout
 * (zip-layout.ts) and is checked by the same code, with limits for three small files.
 * Everything about a receipt is fixed by its content, so the same receipt is the same bytes.
 */

const KiB = 1024;
/** A receipt.json is under 1 KiB, signer.pem 113 bytes: 64 KiB each leaves room and bounds memory. */
const maxReceiptEntryBytes = 64 * KiB;
export const receiptLimits: VerifyLimits = {
  maxEntryBytes: maxReceiptEntryBytes,
  maxTotalBytes: receiptEntries.length * maxReceiptEntryBytes,
  maxEntries: receiptEntries.length,
  maxManifestBytes: maxReceiptEntryBytes,
  maxCompressionRatio: 100,
  ratioFloorBytes: 4 * KiB,
};
/** receipt → package → period. */
const maxReceiptDepth = 3;

export interface ReceiptSigner {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** The exact text that is signed: the schema's key order, two-space indent, one final newline. */
export function serializeReceipt(receipt: Receipt): string {
  return `${JSON.stringify(Receipt.parse(receipt), null, 2)}\n`;
}

/** The receipt file's bytes. Throws (never signs) when the receipt would not verify or the key halves differ. */
export async function receiptPackageBytes(receipt: Receipt, signer: ReceiptSigner): Promise<Buffer> {
  const publicKey = ed25519PublicKey(signer.publicKeyPem);
  if (!spkiDer(signer.privateKey).equals(spkiDer(publicKey)))
    throw new Error('signer.publicKeyPem is not the public half of signer.privateKey');
  if (fingerprintOfKey(publicKey) !== receipt.office.fingerprint) throw new Error('receipt.office.fingerprint is not the signer');
  const json = Buffer.from(serializeReceipt(receipt), 'utf8');
  const zip = new ZipWriter();
  const [year, month, day, hour, minute, second] = receipt.receivedAt.slice(0, 19).split(/[-T:]/u).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const options = {
    mtime: new Date(year, month - 1, day, hour, minute, second),
    mode: entryMode,
    forceDosTimestamp: true,
    compressionLevel: 0,
  };
  zip.addBuffer(json, receiptEntry, options);
  zip.addBuffer(sign(null, json, signer.privateKey), receiptSignatureEntry, options);
  zip.addBuffer(Buffer.from(signer.publicKeyPem, 'utf8'), receiptSignerEntry, options);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface VerifyReceiptOptions {
  /** Accept only these office keys (hex or grouped); given at all, even empty, the signer must be in it (or be trustKeyPem). */
  trustFingerprints?: readonly string[];
  trustKeyPem?: string;
  /** The package the receipt should be for: its SHA-256 and size must be the receipt's. */
  packageFile?: string;
}

export type VerifyReceiptResult =
  { ok: true; receipt: Receipt; receiptJson: string; fingerprint: string } | { ok: false; reason: ReceiptFailureReason; detail: string };

class ReceiptRefusal extends Error {
  constructor(
    readonly reason: ReceiptFailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'ReceiptRefusal';
  }
}

function refuse(reason: ReceiptFailureReason, name: string): never {
  throw new ReceiptRefusal(reason, printableName(name));
}

/** The package verifier's reasons, as they apply to a receipt (its entries are not listed with sizes and hashes). */
const fromPackageReason: Partial<Record<VerifyFailureReason, ReceiptFailureReason>> = {
  size_mismatch: 'corrupt_zip',
  crc_mismatch: 'corrupt_zip',
  hash_mismatch: 'corrupt_zip',
  package_too_large: 'oversize_entry',
};

/**
 * Checks a receipt like a report package: the container from its central directory (canonical
 * records, limits, exactly the three entries in order), then receipt.json (strict schema, and
 * byte for byte as serializeReceipt writes it), the signature by signer.pem (which must be the
 * key receipt.json names as the office's), the trust asked for, and the package if one is given.
 * A refusal names its reason; only I/O failures throw.
 */
export async function verifyReceiptPackage(file: string, options: VerifyReceiptOptions = {}): Promise<VerifyReceiptResult> {
  const trusted = trustedSigners(options);
  const fd = await openForReading(file);
  let zip: ZipFile | undefined;
  try {
    zip = await openZip(fd);
    const directory = await readCentralDirectoryEnd(fd, (await promisify(fstat)(fd)).size);
    if (directory.entryCount !== zip.entryCount) throw new Refusal('corrupt_zip', 'end of central directory');
    if (directory.entryCount > receiptLimits.maxEntries) refuse('too_many_entries', String(directory.entryCount));
    const entries = await readDirectory(zip, fd, directory, receiptLimits);
    checkEntrySet(entries);

    const contents = new Map<string, Buffer>();
    for (const packageEntry of entries) contents.set(packageEntry.name, await readWhole(fd, packageEntry));
    const json = contents.get(receiptEntry) as Buffer;
    const receipt = parseReceipt(json);
    const signature = contents.get(receiptSignatureEntry) as Buffer;
    const fingerprint = checkSignature(json, signature, contents.get(receiptSignerEntry) as Buffer, receipt);
    checkTimestamps(entries, receipt);
    if (trusted && !trusted.has(fingerprint)) refuse('untrusted_signer', formatFingerprint(fingerprint));
    if (options.packageFile !== undefined) await checkPackage(options.packageFile, receipt);
    return { ok: true, receipt, receiptJson: json.toString('utf8'), fingerprint };
  } catch (error) {
    if (error instanceof ReceiptRefusal) return { ok: false, reason: error.reason, detail: error.detail };
    if (error instanceof Refusal)
      return { ok: false, reason: fromPackageReason[error.reason] ?? asReceiptReason(error.reason), detail: error.detail };
    throw error;
  } finally {
    // yauzl owns the descriptor once it has opened the ZIP, and closes it here.
    if (zip) zip.close();
    else close(fd, () => undefined);
  }
}

/** The container reasons both formats share (not_a_zip, corrupt_zip, unsafe_path…); anything else is a damaged container. */
function asReceiptReason(reason: VerifyFailureReason): ReceiptFailureReason {
  return (receiptFailureReasonSet as ReadonlySet<string>).has(reason) ? (reason as ReceiptFailureReason) : 'corrupt_zip';
}
const receiptFailureReasonSet: ReadonlySet<string> = new Set<ReceiptFailureReason>([
  'not_a_zip',
  'corrupt_zip',
  'too_many_entries',
  'unsafe_path',
  'duplicate_name',
  'symlink_entry',
  'encrypted_entry',
  'oversize_entry',
  'over_ratio_entry',
  'missing_entry',
  'unlisted_entry',
]);

/** Exactly receipt.json, receipt.sig and signer.pem, in that order, each stored without a data descriptor. */
function checkEntrySet(entries: readonly PackageEntry[]): void {
  for (const { name } of entries) if (!receiptEntries.includes(name)) refuse('unlisted_entry', name);
  const names = new Set(entries.map(({ name }) => name));
  for (const name of receiptEntries) if (!names.has(name)) refuse('missing_entry', name);
  entries.forEach(({ name, entry }, index) => {
    if (name !== receiptEntries[index] || isDeflated(entry) || hasDataDescriptor(entry)) refuse('corrupt_zip', name);
  });
}

async function readWhole(fd: number, { name, entry, layout }: PackageEntry): Promise<Buffer> {
  // A signature of another length is a bad signature, not a damaged file.
  if (name === receiptSignatureEntry && entry.uncompressedSize !== ed25519SignatureBytes) refuse('bad_signature', name);
  const chunks: Buffer[] = [];
  const read = await readEntryContent(fd, entry, layout, printableName(name), (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  if (read.crc32 !== entry.crc32) refuse('corrupt_zip', name);
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** receipt.json must parse, be the format and version we know, fit the schema, and be exactly what serializeReceipt writes. */
export function parseReceipt(bytes: Buffer): Receipt {
  let json: unknown;
  let text = '';
  try {
    text = utf8.decode(bytes);
    // Deeper than the schema (a bomb of brackets) is refused before it is parsed.
    json = jsonDepth(text) <= maxReceiptDepth ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (json === undefined) refuse('bad_receipt', receiptEntry);
  if (typeof json === 'object' && json !== null && 'format' in json && json.format === receiptFormat) {
    const version = 'formatVersion' in json ? json.formatVersion : undefined;
    if (version !== receiptFormatVersion) refuse('unknown_format_version', String(JSON.stringify(version)));
  }
  const parsed = Receipt.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('bad_receipt', issue && issue.path.length > 0 ? issue.path.join('.') : receiptEntry);
  }
  // Then no two JSON readers can disagree on what was signed (duplicate keys, for one).
  if (`${JSON.stringify(parsed.data, null, 2)}\n` !== text) refuse('bad_receipt', receiptEntry);
  return parsed.data;
}

/** The signature over the exact receipt.json bytes by signer.pem, a strong Ed25519 key that is the office key the receipt names. */
function checkSignature(json: Buffer, signature: Buffer, signerPem: Buffer, receipt: Receipt): string {
  const publicKey = ed25519PublicKeyBytes(signerPem);
  if (!publicKey || !isStrongPublicKey(publicKey)) refuse('bad_signer_key', receiptSignerEntry);
  let key: KeyObject;
  try {
    key = ed25519PublicKey(signerPem);
  } catch {
    return refuse('bad_signer_key', receiptSignerEntry);
  }
  if (!isCanonicalSignature(signature) || !verifySignature(null, json, key, signature)) refuse('bad_signature', receiptSignatureEntry);
  const fingerprint = fingerprintOfKey(key);
  if (fingerprint !== receipt.office.fingerprint) refuse('bad_signature', receiptSignerEntry);
  return fingerprint;
}

function checkTimestamps(entries: readonly PackageEntry[], receipt: Receipt): void {
  const { time, date } = dosDateTime(receipt.receivedAt);
  for (const { name, entry } of entries) if (entry.lastModFileTime !== time || entry.lastModFileDate !== date) refuse('corrupt_zip', name);
}

async function checkPackage(packageFile: string, receipt: Receipt): Promise<void> {
  let sha256: string;
  try {
    sha256 = await sha256File(packageFile);
  } catch (error) {
    throw unreadableFile(packageFile, error);
  }
  if (sha256 !== receipt.package.sha256) refuse('package_mismatch', receipt.package.sha256);
}
