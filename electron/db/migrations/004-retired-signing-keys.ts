import type { Migration } from './types';

/**
 * Signing keys a department has replaced (a forgotten passphrase, a key the keychain of a
 * new PC cannot open). Only the public half is kept, so the signer of an earlier export can
 * still be explained; the sealed private key is dropped with the replaced row.
 */
export const retiredSigningKeys: Migration = {
  version: 4,
  name: 'retired signing keys',
  up(db) {
    db.exec(`
      CREATE TABLE retired_signing_key (
        id             INTEGER PRIMARY KEY,
        department_id  INTEGER NOT NULL REFERENCES department (id),
        public_key_pem TEXT NOT NULL,
        fingerprint    TEXT NOT NULL CHECK (length(fingerprint) = 64),
        protection     TEXT NOT NULL CHECK (protection IN ('os', 'passphrase')),
        created_at     TEXT NOT NULL,
        retired_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX retired_signing_key_by_department ON retired_signing_key (department_id, id);
    `);
  },
};
