import type { Migration } from './types';

export const initial: Migration = {
  version: 1,
  name: 'settings and plans',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE plan (
        id            INTEGER PRIMARY KEY,
        title         TEXT NOT NULL,
        doc_number    TEXT,
        issuer        TEXT,
        issued_on     TEXT,
        source_name   TEXT NOT NULL,
        source_kind   TEXT NOT NULL CHECK (source_kind IN ('seed', 'text', 'paste', 'docx', 'doc', 'pdf', 'ofd', 'html', 'mhtml', 'json')),
        source_sha256 TEXT NOT NULL UNIQUE,
        source_text   TEXT NOT NULL,
        content       TEXT NOT NULL CHECK (json_valid(content)),
        imported_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE department (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;

      -- The user's own spellings → canonical department names, applied on import.
      CREATE TABLE department_alias (
        alias     TEXT PRIMARY KEY,
        canonical TEXT NOT NULL CHECK (canonical <> alias)
      ) STRICT;

      CREATE TABLE measure (
        id              INTEGER PRIMARY KEY,
        plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
        ordinal         INTEGER NOT NULL,
        code            TEXT NOT NULL,
        label           TEXT NOT NULL,
        chapter         TEXT,
        group_title     TEXT,
        title           TEXT NOT NULL,
        text            TEXT NOT NULL,
        due             TEXT,
        candidate_tasks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidate_tasks)),
        UNIQUE (plan_id, code)
      ) STRICT;
      CREATE INDEX measure_by_plan ON measure (plan_id, ordinal);

      CREATE TABLE measure_department (
        measure_id    INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES department (id),
        ordinal       INTEGER NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('lead', 'support', 'responsible')),
        written_as    TEXT NOT NULL,
        PRIMARY KEY (measure_id, department_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX measure_department_by_department ON measure_department (department_id, measure_id);
    `);
  },
};
