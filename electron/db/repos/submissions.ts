import type { Db } from '../database';

/** A received package as stored (see migration 005). */
export interface SubmissionRow {
  id: number;
  packageSha256: string;
  size: number;
  fileName: string;
  planSha256: string;
  planTitle: string;
  planDocNumber: string | null;
  department: string;
  periodFrom: string;
  periodTo: string;
  periodLabel: string;
  generatedAt: string;
  generatedMs: number;
  signerFingerprint: string;
  /** The manifest's counters, as JSON. */
  summary: string;
  /** report.json as received, or null when it could not be read as one. */
  report: string | null;
  receivedAt: string;
}

/** A row with where it stands: the id of the version that replaced it (null while current) and the signer's registration. */
export interface SubmissionState extends Omit<SubmissionRow, 'report'> {
  supersededBy: number | null;
  /** The department the signer's fingerprint is registered for, or null. */
  registeredAs: string | null;
  /** How many versions its department and period have. */
  versions: number;
}

export type NewSubmission = Omit<SubmissionRow, 'id'>;

const columns = `s.id, s.package_sha256 AS packageSha256, s.size, s.file_name AS fileName, s.plan_sha256 AS planSha256,
  s.plan_title AS planTitle, s.plan_doc_number AS planDocNumber, s.department, s.period_from AS periodFrom,
  s.period_to AS periodTo, s.period_label AS periodLabel, s.generated_at AS generatedAt, s.generated_ms AS generatedMs,
  s.signer_fingerprint AS signerFingerprint, s.summary, s.received_at AS receivedAt`;

/**
 * Every row with its slot's current version: the latest generated (ties: the later received)
 * for the same plan, department and period.
 */
const withState = `
  WITH ranked AS (
    SELECT ${columns},
           first_value(s.id) OVER slot AS currentId,
           count(*) OVER (PARTITION BY s.plan_sha256, s.department, s.period_from, s.period_to) AS versions
      FROM submission s
    WINDOW slot AS (PARTITION BY s.plan_sha256, s.department, s.period_from, s.period_to ORDER BY s.generated_ms DESC, s.id DESC)
  )
  SELECT r.id, r.packageSha256, r.size, r.fileName, r.planSha256, r.planTitle, r.planDocNumber, r.department, r.periodFrom,
         r.periodTo, r.periodLabel, r.generatedAt, r.generatedMs, r.signerFingerprint, r.summary, r.receivedAt, r.versions,
         CASE WHEN r.currentId = r.id THEN NULL ELSE r.currentId END AS supersededBy,
         t.department AS registeredAs
    FROM ranked r LEFT JOIN trusted_signer t ON t.fingerprint = r.signerFingerprint`;

export function insertSubmission(db: Db, row: NewSubmission): number {
  const result = db
    .prepare(
      `INSERT INTO submission (package_sha256, size, file_name, plan_sha256, plan_title, plan_doc_number, department, period_from,
         period_to, period_label, generated_at, generated_ms, signer_fingerprint, summary, report, received_at)
       VALUES (@packageSha256, @size, @fileName, @planSha256, @planTitle, @planDocNumber, @department, @periodFrom,
         @periodTo, @periodLabel, @generatedAt, @generatedMs, @signerFingerprint, @summary, @report, @receivedAt)`,
    )
    .run(row);
  return Number(result.lastInsertRowid);
}

export function findSubmissionIdBySha(db: Db, packageSha256: string): number | undefined {
  const row = db.prepare('SELECT id FROM submission WHERE package_sha256 = ?').get(packageSha256) as { id: number } | undefined;
  return row?.id;
}

export function findSubmission(db: Db, id: number): SubmissionState | undefined {
  return db.prepare(`${withState} WHERE r.id = ?`).get(id) as SubmissionState | undefined;
}

/** report.json of a submission as received (null when it was not readable as one). */
export function submissionReport(db: Db, id: number): string | null {
  const row = db.prepare('SELECT report FROM submission WHERE id = ?').get(id) as { report: string | null } | undefined;
  return row?.report ?? null;
}

export interface SubmissionFilter {
  planSha256?: string;
  department?: string;
  /** Also the versions later ones replaced. */
  includeSuperseded?: boolean;
}

/** Submissions, newest received first. */
export function listSubmissions(db: Db, filter: SubmissionFilter = {}): SubmissionState[] {
  const conditions = ['1 = 1'];
  if (filter.planSha256 !== undefined) conditions.push('r.planSha256 = @planSha256');
  if (filter.department !== undefined) conditions.push('r.department = @department');
  if (!filter.includeSuperseded) conditions.push('r.currentId = r.id');
  return db
    .prepare(`${withState} WHERE ${conditions.join(' AND ')} ORDER BY r.receivedAt DESC, r.id DESC`)
    .all({ planSha256: filter.planSha256, department: filter.department }) as SubmissionState[];
}

/** Every version for one plan, department and period, the current one first. */
export function listSlotVersions(
  db: Db,
  slot: { planSha256: string; department: string; periodFrom: string; periodTo: string },
): SubmissionState[] {
  return db
    .prepare(
      `${withState} WHERE r.planSha256 = @planSha256 AND r.department = @department AND r.periodFrom = @periodFrom AND r.periodTo = @periodTo
        ORDER BY r.generatedMs DESC, r.id DESC`,
    )
    .all(slot) as SubmissionState[];
}

/**
 * The newest two versions of a slot by generation time (ties: the later received), read
 * through the slot index alone: what a receive batch needs after each insert, without
 * working out every slot's state.
 */
export function latestSlotShas(
  db: Db,
  slot: { planSha256: string; department: string; periodFrom: string; periodTo: string },
): { id: number; packageSha256: string }[] {
  return db
    .prepare(
      `SELECT id, package_sha256 AS packageSha256 FROM submission
        WHERE plan_sha256 = @planSha256 AND department = @department AND period_from = @periodFrom AND period_to = @periodTo
        ORDER BY generated_ms DESC, id DESC LIMIT 2`,
    )
    .all(slot) as { id: number; packageSha256: string }[];
}

/** The department a signer's fingerprint is registered for, or null. */
export function signerRegistration(db: Db, fingerprint: string): string | null {
  const row = db.prepare('SELECT department FROM trusted_signer WHERE fingerprint = ?').get(fingerprint) as
    { department: string } | undefined;
  return row?.department ?? null;
}

/** What the completeness matrix needs of each submission: no report text, no window over other plans. */
export interface SubmissionCellRow {
  id: number;
  packageSha256: string;
  department: string;
  periodFrom: string;
  periodTo: string;
  generatedAt: string;
  generatedMs: number;
  signerFingerprint: string;
  /** The manifest's counters, as JSON. */
  summary: string;
  receivedAt: string;
}

/**
 * Every submission of one plan, re-submissions included, in one indexed query. The matrix
 * works out which version is current itself (by the same rule as `withState`) and looks the
 * signers up in the few registered ones: a join per row costs more than the whole matrix.
 */
export function listPlanSubmissionCells(db: Db, planSha256: string): SubmissionCellRow[] {
  return db
    .prepare(
      `SELECT id, package_sha256 AS packageSha256, department, period_from AS periodFrom, period_to AS periodTo,
              generated_at AS generatedAt, generated_ms AS generatedMs, signer_fingerprint AS signerFingerprint, summary,
              received_at AS receivedAt
         FROM submission WHERE plan_sha256 = ?`,
    )
    .all(planSha256) as SubmissionCellRow[];
}
