import type { Migration } from './types';

/** Report drafts, signing keys, the export history and the signers an office trusts. */
export const reports: Migration = {
  version: 3,
  name: 'reports and signing keys',
  up(db) {
    db.exec(`
      CREATE TABLE report_draft (
        plan_id        INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        department_id  INTEGER NOT NULL REFERENCES department (id),
        period_key     TEXT NOT NULL,
        problems       TEXT NOT NULL DEFAULT '',
        next_steps     TEXT NOT NULL DEFAULT '',
        contact_person TEXT NOT NULL DEFAULT '',
        contact_phone  TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (plan_id, department_id, period_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE report_measure_text (
        plan_id       INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES department (id),
        period_key    TEXT NOT NULL,
        measure_id    INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
        work_done     TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (plan_id, department_id, period_key, measure_id)
      ) STRICT, WITHOUT ROWID;

      -- The private key is stored sealed (OS secret store or passphrase), never in plaintext.
      CREATE TABLE signing_key (
        department_id  INTEGER PRIMARY KEY REFERENCES department (id),
        public_key_pem TEXT NOT NULL,
        fingerprint    TEXT NOT NULL CHECK (length(fingerprint) = 64),
        protection     TEXT NOT NULL CHECK (protection IN ('os', 'passphrase')),
        sealed         TEXT NOT NULL,
        created_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE report_export (
        id              INTEGER PRIMARY KEY,
        plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        department_id   INTEGER NOT NULL REFERENCES department (id),
        period_key      TEXT NOT NULL,
        period_label    TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        size            INTEGER NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        fingerprint     TEXT NOT NULL,
        exported_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_export_by_department ON report_export (department_id, id);

      -- Signers a receiving office has registered: fingerprint → the department it belongs to.
      CREATE TABLE trusted_signer (
        fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        department  TEXT NOT NULL,
        added_at    TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
