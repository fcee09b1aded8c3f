import { verify as verifySignature, type KeyObject } from 'node:crypto';
import {
  Manifest,
  manifestEntry,
  manifestFormat,
  manifestFormatVersion,
  serializeManifest,
  signatureEntry,
  signerKeyEntry,
} from '../../../../shared/report/manifest';
import { ed25519PublicKey, fingerprintOfKey } from '../keys';
import type { PackageEntry } from './directory';
import { ed25519SignatureBytes } from './limits';
import { refuse } from './zip-layout';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * manifest.json must parse, must be the format we know, and must be byte for byte what
 * serializeManifest writes: then no two JSON readers can disagree on what was signed
 * (duplicate keys, for one, are resolved differently by different parsers).
 */
export function parseManifest(bytes: Buffer): Manifest {
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
export function checkSignature(manifestBytes: Buffer, signature: Buffer, signerPem: Buffer, manifest: Manifest): string {
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
