import { verify as verifySignature, type KeyObject } from 'node:crypto';
import {
  Manifest,
  manifestEntry,
  manifestFormat,
  manifestFormatVersion,
  maxSummaryCounters,
  reservedEntries,
  signatureEntry,
  signerKeyEntry,
} from '../../../../shared/report/manifest';
import { ed25519PublicKey, ed25519PublicKeyBytes, fingerprintOfKey } from '../keys';
import type { PackageEntry } from './directory';
import { isCanonicalSignature, isStrongPublicKey } from './ed25519';
import { ed25519SignatureBytes, maxManifestDepth } from './limits';
import { compressesEntry, dosDateTime, hasDataDescriptor, isDeflated, refuse } from './zip-layout';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * manifest.json must parse, must be the format we know, and must be byte for byte what
 * serializeManifest writes: then no two JSON readers can disagree on what was signed
 * (duplicate keys, for one, are resolved differently by different parsers).
 */
export function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  let text = '';
  try {
    text = utf8.decode(bytes);
    // The schema nests 3 deep; deeper JSON (a bomb of brackets) is refused before it is parsed.
    json = jsonDepth(text) <= maxManifestDepth ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (json === undefined) refuse('bad_manifest', manifestEntry);
  if (typeof json === 'object' && json !== null && 'format' in json && json.format === manifestFormat) {
    const version = 'formatVersion' in json ? json.formatVersion : undefined;
    if (version !== manifestFormatVersion) refuse('unknown_format_version', String(JSON.stringify(version)));
  }
  // Counted before the schema, which would first check every one of them.
  const summary = typeof json === 'object' && json !== null && 'summary' in json ? json.summary : undefined;
  if (typeof summary === 'object' && summary !== null && Object.keys(summary).length > maxSummaryCounters)
    refuse('bad_manifest', 'summary');
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('bad_manifest', issue && issue.path.length > 0 ? issue.path.join('.') : manifestEntry);
  }
  // serializeManifest without validating a second time: parsed.data is the schema's output already.
  if (`${JSON.stringify(parsed.data, null, 2)}\n` !== text) refuse('bad_manifest', manifestEntry);
  return parsed.data;
}

/** The deepest nesting of arrays and objects in JSON text, in one pass without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth -= 1;
  }
  return deepest;
}

/**
 * The signature over the exact manifest bytes, by the key in signer.pem, which the manifest
 * names. signer.pem must be one Ed25519 public key in SPKI PEM and nothing else, and neither
 * key nor signature may be weak (ed25519.ts).
 */
export function checkSignature(manifestBytes: Buffer, signature: Buffer, signerPem: Buffer, manifest: Manifest): string {
  const publicKey = ed25519PublicKeyBytes(signerPem);
  if (!publicKey || !isStrongPublicKey(publicKey)) refuse('bad_signer_key', signerKeyEntry);
  let key: KeyObject;
  try {
    key = ed25519PublicKey(signerPem);
  } catch {
    return refuse('bad_signer_key', signerKeyEntry);
  }
  if (signature.length !== ed25519SignatureBytes || !isCanonicalSignature(signature)) refuse('bad_signature', signatureEntry);
  if (!verifySignature(null, manifestBytes, key, signature)) refuse('bad_signature', signatureEntry);
  const fingerprint = fingerprintOfKey(key);
  if (fingerprint !== manifest.signer.fingerprint) refuse('bad_signature', signerKeyEntry);
  return fingerprint;
}

/** Every listed file present with its declared size, and nothing unlisted besides the manifest and its signature. */
export function checkListing(entries: readonly PackageEntry[], manifest: Manifest): void {
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

/**
 * What the writer fixes beyond each record (zip-layout.ts): the entries in the manifest's
 * order, then manifest.json and manifest.sig; signer.pem, manifest.json and manifest.sig
 * stored without a data descriptor, every other entry streamed with one and deflated exactly
 * when compressesEntry says so; one timestamp, generatedAt's. Checked after the listing, so
 * a missing or unlisted entry is named as such.
 */
export function checkWriterLayout(entries: readonly PackageEntry[], manifest: Manifest): void {
  const order = [...manifest.files.map((file) => file.path), manifestEntry, signatureEntry];
  const { time, date } = dosDateTime(manifest.generatedAt);
  entries.forEach(({ name, entry }, index) => {
    const streamed = !reservedEntries.includes(name);
    const ok =
      name === order[index] &&
      hasDataDescriptor(entry) === streamed &&
      isDeflated(entry) === (streamed && compressesEntry(name, entry.uncompressedSize)) &&
      entry.lastModFileTime === time &&
      entry.lastModFileDate === date;
    if (!ok) refuse('corrupt_zip', name);
  });
}
