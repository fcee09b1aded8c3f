import type { Migration } from './types';

/**
 * The receiving office's submissions, and on the department side the package hash of each
 * export and the receipts imported for them.
 */
export const office: Migration = {
  version: 5,
  name: 'office submissions and receipts',
  up(db) {
    db.exec(`
      -- A package received as the office. Its bytes are kept under received/<aa>/<sha256>;
      -- what the signed manifest and report.json say is copied here, so the matrix, the
      -- roll-up and the diffs never reopen the packages. Which version is current for a
      -- department and period (the latest generated) is worked out when read, never stored.
      CREATE TABLE submission (
        id                 INTEGER PRIMARY KEY,
        package_sha256     TEXT NOT NULL UNIQUE CHECK (length(package_sha256) = 64),
        size               INTEGER NOT NULL,
        file_name          TEXT NOT NULL,
        plan_sha256        TEXT NOT NULL,
        plan_title         TEXT NOT NULL,
        plan_doc_number    TEXT,
        department         TEXT NOT NULL,
        period_from        TEXT NOT NULL,
        period_to          TEXT NOT NULL,
        period_label       TEXT NOT NULL,
        generated_at       TEXT NOT NULL,
        -- generated_at in milliseconds since 1970 (UTC): offsets differ, so the text does not sort.
        generated_ms       INTEGER NOT NULL,
        signer_fingerprint TEXT NOT NULL CHECK (length(signer_fingerprint) = 64),
        summary            TEXT NOT NULL CHECK (json_valid(summary)),
        report             TEXT CHECK (report IS NULL OR json_valid(report)),
        received_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submission_by_slot ON submission (plan_sha256, department, period_from, period_to, generated_ms, id);

      ALTER TABLE report_export ADD COLUMN package_sha256 TEXT CHECK (package_sha256 IS NULL OR length(package_sha256) = 64);
      CREATE INDEX report_export_by_package ON report_export (package_sha256);

      -- The office's receipt for an exported package (送达), as imported and verified.
      CREATE TABLE report_delivery (
        export_id          INTEGER PRIMARY KEY REFERENCES report_export (id) ON DELETE CASCADE,
        office             TEXT NOT NULL,
        office_fingerprint TEXT NOT NULL CHECK (length(office_fingerprint) = 64),
        received_at        TEXT NOT NULL,
        imported_at        TEXT NOT NULL,
        receipt            TEXT NOT NULL CHECK (json_valid(receipt))
      ) STRICT;
    `);
  },
};
