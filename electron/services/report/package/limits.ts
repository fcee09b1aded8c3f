/** Bounds on what a package may make the verifier read, hold and write. */
export interface VerifyLimits {
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest sum of the declared uncompressed sizes of all entries. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest manifest.json, whatever its file count (it is also bounded by that count, see manifestAllowance). */
  maxManifestBytes: number;
  /** Largest uncompressed : compressed ratio, for entries (and the whole package) above ratioFloorBytes. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/**
 * A department's report holds its tasks' evidence: a few hundred files in a busy half-year,
 * a few thousand at most. 10,000 entries leaves room for that and keeps verification within
 * seconds and a few hundred MB (npm run bench: report.limits.*), where 100,000 tiny entries
 * took 20 s and 400 MB. (It also keeps the writer's ZIP64 end records, from 65,535 entries
 * on, out of any package we accept.)
 */
const maxEntries = 10_000;
/** Every listed file takes under 512 bytes of manifest (a path of at most 255 bytes, size, SHA-256). */
export const manifestBytesPerEntry = 512;
/** The rest of the manifest: plan title, department, period, generator, summary. */
export const manifestFixedBytes = 64 * KiB;

export const defaultVerifyLimits: VerifyLimits = {
  // Evidence files are at most 2 GiB each (shared/api/calls/evidence.ts); report.* are small.
  maxEntryBytes: 4 * GiB,
  // Eight evidence files of the largest size: more than a USB stick formatted FAT32 holds
  // files of, and far more than a report sent by mail; reading it takes minutes, not hours.
  maxTotalBytes: 16 * GiB,
  maxEntries,
  maxManifestBytes: manifestFixedBytes + manifestBytesPerEntry * maxEntries,
  maxCompressionRatio: 200,
  ratioFloorBytes: MiB,
};
export const maxSignerKeyBytes = 16 * KiB;
export const ed25519SignatureBytes = 64;
/** The manifest schema nests objects and arrays 3 deep (manifest, files, file). */
export const maxManifestDepth = 3;

/** The largest manifest.json a package of `entryCount` entries can need. */
export function manifestAllowance(entryCount: number, limits: VerifyLimits): number {
  return Math.min(limits.maxManifestBytes, manifestFixedBytes + manifestBytesPerEntry * entryCount);
}
