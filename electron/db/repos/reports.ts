import type { Db } from '../database';

export interface DraftKey {
  planId: number;
  departmentId: number;
  periodKey: string;
}

export interface DraftRow {
  problems: string;
  nextSteps: string;
  contactPerson: string;
  contactPhone: string;
  updatedAt: string;
}

export function findDraft(db: Db, key: DraftKey): DraftRow | undefined {
  return db
    .prepare(
      `SELECT problems, next_steps AS nextSteps, contact_person AS contactPerson, contact_phone AS contactPhone, updated_at AS updatedAt
         FROM report_draft WHERE plan_id = @planId AND department_id = @departmentId AND period_key = @periodKey`,
    )
    .get(key) as DraftRow | undefined;
}

/** The contact given in this department's most recent draft, to prefill a new one. */
export function lastContact(db: Db, departmentId: number): { contactPerson: string; contactPhone: string } | undefined {
  return db
    .prepare(
      `SELECT contact_person AS contactPerson, contact_phone AS contactPhone FROM report_draft
        WHERE department_id = ? AND (contact_person <> '' OR contact_phone <> '') ORDER BY updated_at DESC LIMIT 1`,
    )
    .get(departmentId) as { contactPerson: string; contactPhone: string } | undefined;
}

export type DraftField = 'problems' | 'next_steps' | 'contact_person' | 'contact_phone';

export function saveDraftField(db: Db, key: DraftKey, field: DraftField, value: string, now: string): void {
  db.prepare(
    `INSERT INTO report_draft (plan_id, department_id, period_key, ${field}, updated_at)
     VALUES (@planId, @departmentId, @periodKey, @value, @now)
     ON CONFLICT (plan_id, department_id, period_key) DO UPDATE SET ${field} = excluded.${field}, updated_at = excluded.updated_at`,
  ).run({ ...key, value, now });
}

export function measureTexts(db: Db, key: DraftKey): Map<number, string> {
  const rows = db
    .prepare(
      `SELECT measure_id AS measureId, work_done AS workDone FROM report_measure_text
        WHERE plan_id = @planId AND department_id = @departmentId AND period_key = @periodKey`,
    )
    .all(key) as { measureId: number; workDone: string }[];
  return new Map(rows.map((row) => [row.measureId, row.workDone]));
}

export function saveMeasureText(db: Db, key: DraftKey, measureId: number, workDone: string, now: string): void {
  db.prepare(
    `INSERT INTO report_measure_text (plan_id, department_id, period_key, measure_id, work_done, updated_at)
     VALUES (@planId, @departmentId, @periodKey, @measureId, @workDone, @now)
     ON CONFLICT (plan_id, department_id, period_key, measure_id) DO UPDATE SET work_done = excluded.work_done, updated_at = excluded.updated_at`,
  ).run({ ...key, measureId, workDone, now });
}

export interface StoredKeyRow {
  publicKeyPem: string;
  fingerprint: string;
  protection: 'os' | 'passphrase';
  sealed: string;
  createdAt: string;
}

export function findSigningKey(db: Db, departmentId: number): StoredKeyRow | undefined {
  return db
    .prepare(
      `SELECT public_key_pem AS publicKeyPem, fingerprint, protection, sealed, created_at AS createdAt
         FROM signing_key WHERE department_id = ?`,
    )
    .get(departmentId) as StoredKeyRow | undefined;
}

export function insertSigningKey(db: Db, departmentId: number, key: StoredKeyRow): void {
  db.prepare(
    `INSERT INTO signing_key (department_id, public_key_pem, fingerprint, protection, sealed, created_at)
     VALUES (@departmentId, @publicKeyPem, @fingerprint, @protection, @sealed, @createdAt)`,
  ).run({ departmentId, ...key });
}

/**
 * Puts `key` in place of the department's current key, in one transaction: the current one
 * (if any) moves to retired_signing_key without its sealed private half. secure_delete (see
 * configure) zeroes the old row; the checkpoint then writes that page into the database file
 * and empties the write-ahead log, so the old sealed key is in neither file afterwards.
 */
export function replaceSigningKey(db: Db, departmentId: number, key: StoredKeyRow, retiredAt: string): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO retired_signing_key (department_id, public_key_pem, fingerprint, protection, created_at, retired_at)
       SELECT department_id, public_key_pem, fingerprint, protection, created_at, ? FROM signing_key WHERE department_id = ?`,
    ).run(retiredAt, departmentId);
    db.prepare('DELETE FROM signing_key WHERE department_id = ?').run(departmentId);
    insertSigningKey(db, departmentId, key);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export interface RetiredKeyRow {
  fingerprint: string;
  createdAt: string;
  retiredAt: string;
}

/** The department's replaced keys, the most recently retired first. */
export function listRetiredKeys(db: Db, departmentId: number): RetiredKeyRow[] {
  return db
    .prepare(
      `SELECT fingerprint, created_at AS createdAt, retired_at AS retiredAt
         FROM retired_signing_key WHERE department_id = ? ORDER BY id DESC`,
    )
    .all(departmentId) as RetiredKeyRow[];
}

export interface ExportRow {
  id: number;
  periodKey: string;
  periodLabel: string;
  fileName: string;
  size: number;
  manifestSha256: string;
  fingerprint: string;
  exportedAt: string;
  packageSha256: string | null;
}

export interface DeliveryRow {
  office: string;
  officeFingerprint: string;
  receivedAt: string;
  importedAt: string;
}

export function insertExport(db: Db, row: Omit<ExportRow, 'id'> & { planId: number; departmentId: number }): void {
  db.prepare(
    `INSERT INTO report_export (plan_id, department_id, period_key, period_label, file_name, size, manifest_sha256, fingerprint, exported_at, package_sha256)
     VALUES (@planId, @departmentId, @periodKey, @periodLabel, @fileName, @size, @manifestSha256, @fingerprint, @exportedAt, @packageSha256)`,
  ).run(row);
}

/** The department's exports of reports on one plan, newest first, each with the office's receipt once imported. */
export function listExports(
  db: Db,
  scope: { planId: number; departmentId: number },
  limit = 100,
): (ExportRow & { delivery: DeliveryRow | null })[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.period_key AS periodKey, e.period_label AS periodLabel, e.file_name AS fileName, e.size,
              e.manifest_sha256 AS manifestSha256, e.fingerprint, e.exported_at AS exportedAt, e.package_sha256 AS packageSha256,
              d.office, d.office_fingerprint AS officeFingerprint, d.received_at AS receivedAt, d.imported_at AS importedAt
         FROM report_export e LEFT JOIN report_delivery d ON d.export_id = e.id
        WHERE e.plan_id = ? AND e.department_id = ? ORDER BY e.id DESC LIMIT ?`,
    )
    .all(scope.planId, scope.departmentId, limit) as (ExportRow & Partial<DeliveryRow> & { office: string | null })[];
  return rows.map(({ office, officeFingerprint, receivedAt, importedAt, ...row }) => ({
    ...row,
    delivery:
      office === null || office === undefined
        ? null
        : { office, officeFingerprint: officeFingerprint as string, receivedAt: receivedAt as string, importedAt: importedAt as string },
  }));
}

export function listTrustedSigners(db: Db): { fingerprint: string; department: string; addedAt: string }[] {
  return db.prepare('SELECT fingerprint, department, added_at AS addedAt FROM trusted_signer ORDER BY department, added_at').all() as {
    fingerprint: string;
    department: string;
    addedAt: string;
  }[];
}

export function setTrustedSigner(db: Db, fingerprint: string, department: string | null, now: string): void {
  if (department === null) db.prepare('DELETE FROM trusted_signer WHERE fingerprint = ?').run(fingerprint);
  else
    db.prepare(
      'INSERT INTO trusted_signer (fingerprint, department, added_at) VALUES (?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET department = excluded.department',
    ).run(fingerprint, department, now);
}
