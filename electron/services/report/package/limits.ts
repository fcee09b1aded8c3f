/** Bounds on what a package may make the verifier read, hold and write. */
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
export const defaultVerifyLimits: VerifyLimits = {
  maxEntryBytes: 4 * 1024 * MiB,
  maxEntries: 100_000,
  maxManifestBytes: 16 * MiB,
  maxCompressionRatio: 200,
  ratioFloorBytes: MiB,
};
export const maxSignerKeyBytes = 16 * 1024;
export const ed25519SignatureBytes = 64;
