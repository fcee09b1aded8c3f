import { z } from 'zod';
import { safeNamePart } from '../file-names';
import { sha256HexPattern } from '../report/manifest';

/**
 * The signed receipt (回执) an office issues for a package it received intact:
 * `<部门>-<期间>.plreceipt`, a ZIP (same canonical layout as a report package) of
 * receipt.json, receipt.sig (raw 64-byte Ed25519 over the exact bytes of receipt.json)
 * and signer.pem (the office's public key, SPKI PEM). Anyone can check it with unzip and
 * `openssl pkeyutl -verify`, and the package's SHA-256 with sha256sum.
 */
export const receiptFormat = 'planledger-receipt';
export const receiptFormatVersion = 1;
export const receiptEntry = 'receipt.json';
export const receiptSignatureEntry = 'receipt.sig';
export const receiptSignerEntry = 'signer.pem';
export const receiptEntries: readonly string[] = [receiptEntry, receiptSignatureEntry, receiptSignerEntry];

export const receiptFailureReasons = [
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
  'bad_receipt',
  'unknown_format_version',
  'bad_signature',
  'bad_signer_key',
  'untrusted_signer',
  /** The receipt is for other bytes than the package it was checked against. */
  'package_mismatch',
] as const;
export type ReceiptFailureReason = (typeof receiptFailureReasons)[number];

const Sha256Hex = z.string().regex(sha256HexPattern, 'lowercase hex SHA-256');

/** Strict at every level, like the manifest: a new field means a new formatVersion. */
export const Receipt = z.strictObject({
  format: z.literal(receiptFormat),
  formatVersion: z.literal(receiptFormatVersion),
  package: z.strictObject({
    sha256: Sha256Hex,
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    department: z.string().min(1).max(200),
    period: z
      .strictObject({ from: z.iso.date(), to: z.iso.date(), label: z.string().min(1).max(200) })
      .refine((period) => period.from <= period.to, { message: 'period ends before it starts', path: ['to'] }),
    generatedAt: z.iso.datetime({ offset: true }),
    signerFingerprint: Sha256Hex,
  }),
  verification: z.strictObject({ intact: z.literal(true), trust: z.enum(['trusted', 'unknown', 'mismatch']) }),
  receivedAt: z.iso.datetime({ offset: true }),
  office: z.strictObject({ department: z.string().min(1).max(200), fingerprint: Sha256Hex }),
});
export type Receipt = z.infer<typeof Receipt>;

/** `<部门>-<期间>.plreceipt`, safe on every file system. */
export function receiptFileName(department: string, periodLabel: string): string {
  return safeNamePart(`${department}-${periodLabel}.plreceipt`);
}
