import type { Delivery } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import { receiptFileName, type Receipt } from '../../../shared/office/receipt';
import { formatFingerprint } from '../../../shared/report/manifest';
import { findExportByPackage, saveDelivery, trustedSignerDepartment } from '../../db/repos/deliveries';
import { writeFileAtomic } from '../../lib/atomic-write';
import { unwritableFile } from '../../lib/file-errors';
import { createTranslator } from '../../lib/i18n';
import type { ServiceContext } from '../context';
import { unlockKey } from '../report/signing';
import { readSettings } from '../settings/settings';
import { scopeFor } from '../workspace/scope';
import { receiptPackageBytes, verifyReceiptPackage } from './receipt-package';
import { requireSubmission, signerTrust } from './submissions';

export interface ReceiptRequest {
  submissionId: number;
  /** The office's own department, whose key signs (by default the data folder's chosen department). */
  officeDepartment?: string | undefined;
  passphrase: string | null;
  /**
   * The office's key already unlocked (the CLI's `receive --receipts` unlocks it once for a
   * whole batch: scrypt takes half a second); must be the office department's key.
   */
  signer?: OfficeSigner | undefined;
}

export type OfficeSigner = Awaited<ReturnType<typeof unlockKey>>;

/** The office department's signing key, unlocked (for issuing many receipts in a row). */
export function unlockOfficeKey(ctx: ServiceContext, officeDepartment: string, passphrase: string | null): Promise<OfficeSigner> {
  return unlockKey(ctx, scopeFor(ctx.db, officeDepartment), passphrase);
}

export interface IssuedReceipt {
  receipt: Receipt;
  /** `<部门>-<期间>.plreceipt`. */
  fileName: string;
  bytes: Buffer;
}

/**
 * The office's receipt for a received package, signed with the office department's own key.
 * Everything in it comes from the stored submission (received time included) and Ed25519 is
 * deterministic, so the receipt for a submission is the same bytes every time it is issued,
 * as long as the signer's registration (the trust it states) has not changed.
 */
export async function issueReceipt(ctx: ServiceContext, request: ReceiptRequest): Promise<IssuedReceipt> {
  const row = requireSubmission(ctx.db, request.submissionId);
  const officeDepartment = request.officeDepartment ?? readSettings(ctx.db).department;
  if (officeDepartment === null) throw new AppError('department.not_chosen');
  const signer = request.signer ?? (await unlockOfficeKey(ctx, officeDepartment, request.passphrase));
  const receipt: Receipt = {
    format: 'planledger-receipt',
    formatVersion: 1,
    package: {
      sha256: row.packageSha256,
      size: row.size,
      department: row.department,
      period: { from: row.periodFrom, to: row.periodTo, label: row.periodLabel },
      generatedAt: row.generatedAt,
      signerFingerprint: row.signerFingerprint,
    },
    verification: { intact: true, trust: signerTrust(row.department, row.registeredAs) },
    receivedAt: row.receivedAt,
    office: { department: officeDepartment, fingerprint: signer.fingerprint },
  };
  const bytes = await receiptPackageBytes(receipt, signer);
  return { receipt, fileName: receiptFileName(row.department, row.periodLabel), bytes };
}

/** Writes the receipt for a submission to `outFile` (whole or not at all); the CLI's `receive --receipts` uses it. */
export async function writeReceipt(
  ctx: ServiceContext,
  request: ReceiptRequest & { outFile: string },
): Promise<Omit<IssuedReceipt, 'bytes'> & { file: string }> {
  const { receipt, fileName, bytes } = await issueReceipt(ctx, request);
  try {
    writeFileAtomic(request.outFile, bytes);
  } catch (error) {
    throw unwritableFile(request.outFile, error);
  }
  return { receipt, fileName, file: request.outFile };
}

/**
 * Department side: imports the office's receipt for a package this data folder exported, so
 * the export shows as delivered (送达). Refused, with the reason and nothing changed, when the
 * receipt does not verify, is for a package not exported here (or for another department), or
 * is signed by a key not registered for the office it names. Importing it again changes nothing.
 */
export async function importReceipt(
  ctx: ServiceContext,
  file: string,
): Promise<{ exportId: number; delivery: Delivery; receipt: Receipt }> {
  const verified = await verifyReceiptPackage(file);
  if (!verified.ok) {
    const t = createTranslator(readSettings(ctx.db).language);
    throw new AppError('receipt.invalid', { reason: t(`office.receipt.reasons.${verified.reason}`, { detail: verified.detail }) });
  }
  const { receipt, receiptJson, fingerprint } = verified;
  const exported = findExportByPackage(ctx.db, receipt.package.sha256);
  if (!exported) {
    const own = readSettings(ctx.db).department;
    if (own !== null && receipt.package.department !== own) {
      throw new AppError('receipt.other_department', { department: receipt.package.department, own });
    }
    throw new AppError('receipt.unknown_package', { sha256: receipt.package.sha256 });
  }
  // The office read these from the signed manifest: a receipt that names another department,
  // size or signer for these bytes does not describe what was sent, whatever its SHA-256 says.
  if (receipt.package.department !== exported.department) {
    throw new AppError('receipt.other_department', { department: receipt.package.department, own: exported.department });
  }
  if (receipt.package.size !== exported.size || receipt.package.signerFingerprint !== exported.fingerprint) {
    throw new AppError('receipt.mismatch', { sha256: receipt.package.sha256 });
  }
  if (trustedSignerDepartment(ctx.db, fingerprint) !== receipt.office.department) {
    throw new AppError('receipt.untrusted', { office: receipt.office.department, fingerprint: formatFingerprint(fingerprint) });
  }
  const stored = saveDelivery(ctx.db, {
    exportId: exported.id,
    office: receipt.office.department,
    officeFingerprint: fingerprint,
    receivedAt: receipt.receivedAt,
    importedAt: ctx.now().toISOString(),
    receipt: receiptJson,
  });
  ctx.log.info('receipt imported', { exportId: exported.id, office: receipt.office.department });
  const { office, officeFingerprint, receivedAt, importedAt } = stored;
  return { exportId: exported.id, delivery: { office, officeFingerprint, receivedAt, importedAt }, receipt };
}
