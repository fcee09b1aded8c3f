import type { Db } from '../database';
import type { DeliveryRow } from './reports';

/** An export of this data folder, found by the SHA-256 of the package file it wrote. */
export interface ExportedPackage {
  id: number;
  department: string;
  size: number;
  /** The key that signed it. */
  fingerprint: string;
}

/** The export that wrote the package with this SHA-256 (the latest, should the same bytes have been written twice). */
export function findExportByPackage(db: Db, packageSha256: string): ExportedPackage | undefined {
  return db
    .prepare(
      `SELECT e.id, d.name AS department, e.size, e.fingerprint FROM report_export e JOIN department d ON d.id = e.department_id
        WHERE e.package_sha256 = ? ORDER BY e.id DESC LIMIT 1`,
    )
    .get(packageSha256) as ExportedPackage | undefined;
}

/** The department a signer's fingerprint is registered for, or undefined. */
export function trustedSignerDepartment(db: Db, fingerprint: string): string | undefined {
  return db.prepare('SELECT department FROM trusted_signer WHERE fingerprint = ?').pluck().get(fingerprint) as string | undefined;
}

export interface StoredDelivery extends DeliveryRow {
  exportId: number;
  /** receipt.json exactly as signed. */
  receipt: string;
}

export function findDelivery(db: Db, exportId: number): StoredDelivery | undefined {
  return db
    .prepare(
      `SELECT export_id AS exportId, office, office_fingerprint AS officeFingerprint, received_at AS receivedAt,
              imported_at AS importedAt, receipt
         FROM report_delivery WHERE export_id = ?`,
    )
    .get(exportId) as StoredDelivery | undefined;
}

/**
 * Records the office's receipt for an export, in one transaction: the same receipt again
 * changes nothing (the first import's time stays); another receipt for the same export (the
 * office issued it again) takes its place. Returns the delivery as stored.
 */
export function saveDelivery(db: Db, delivery: StoredDelivery): StoredDelivery {
  return db.transaction(() => {
    const existing = findDelivery(db, delivery.exportId);
    if (existing?.receipt === delivery.receipt) return existing;
    db.prepare(
      `INSERT INTO report_delivery (export_id, office, office_fingerprint, received_at, imported_at, receipt)
       VALUES (@exportId, @office, @officeFingerprint, @receivedAt, @importedAt, @receipt)
       ON CONFLICT (export_id) DO UPDATE SET office = excluded.office, office_fingerprint = excluded.office_fingerprint,
         received_at = excluded.received_at, imported_at = excluded.imported_at, receipt = excluded.receipt`,
    ).run(delivery);
    return delivery;
  })();
}
