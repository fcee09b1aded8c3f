import type { SignerTrust, Submission } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import { findSubmission, listSubmissions, type SubmissionFilter, type SubmissionState } from '../../db/repos/submissions';
import type { Db } from '../../db/database';

/** A signer registered for this department, for another one, or not at all. */
export function signerTrust(department: string, registeredAs: string | null): SignerTrust {
  if (registeredAs === null) return 'unknown';
  return registeredAs === department ? 'trusted' : 'mismatch';
}

export function toSubmission(row: SubmissionState): Submission {
  return {
    id: row.id,
    packageSha256: row.packageSha256,
    size: row.size,
    fileName: row.fileName,
    department: row.department,
    period: { from: row.periodFrom, to: row.periodTo, label: row.periodLabel },
    generatedAt: row.generatedAt,
    receivedAt: row.receivedAt,
    signer: { fingerprint: row.signerFingerprint, trust: signerTrust(row.department, row.registeredAs), registeredAs: row.registeredAs },
    plan: { title: row.planTitle, docNumber: row.planDocNumber, sha256: row.planSha256 },
    summary: JSON.parse(row.summary) as Record<string, number>,
    supersededBy: row.supersededBy,
  };
}

export function requireSubmission(db: Db, id: number): SubmissionState {
  const row = findSubmission(db, id);
  if (!row) throw new AppError('office.submission_not_found', { id });
  return row;
}

export function submissions(db: Db, filter: SubmissionFilter): Submission[] {
  return listSubmissions(db, filter).map(toSubmission);
}
