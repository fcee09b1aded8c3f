import type { Migration } from './types';

/** Tasks, their append-only history, evidence files and the search index. */
export const workspace: Migration = {
  version: 2,
  name: 'tasks, history, evidence and search',
  up(db) {
    db.exec(`
      CREATE TABLE task (
        id            INTEGER PRIMARY KEY,
        measure_id    INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,
        department_id INTEGER NOT NULL REFERENCES department (id),
        position      INTEGER NOT NULL,
        text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        status        TEXT NOT NULL DEFAULT 'not_started'
                      CHECK (status IN ('not_started', 'in_progress', 'done', 'blocked')),
        progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        owner         TEXT NOT NULL DEFAULT '',
        due           TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        notes         TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        -- Deleting only marks the task, so an undo can bring it back with its history.
        deleted_at    TEXT
      ) STRICT;
      CREATE INDEX task_by_scope ON task (department_id, measure_id, position) WHERE deleted_at IS NULL;
      CREATE INDEX task_open_by_due ON task (department_id, due) WHERE deleted_at IS NULL AND status <> 'done';
      CREATE INDEX task_owner ON task (department_id, owner) WHERE deleted_at IS NULL;

      -- Every change, as it happened. Nothing may rewrite or remove it.
      CREATE TABLE entry (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        department_id INTEGER NOT NULL REFERENCES department (id),
        measure_id    INTEGER NOT NULL REFERENCES measure (id),
        task_id       INTEGER,
        attachment_id INTEGER,
        action        TEXT NOT NULL,
        field         TEXT,
        old_value     TEXT,
        new_value     TEXT
      ) STRICT;
      CREATE INDEX entry_by_measure ON entry (department_id, measure_id, id);
      CREATE INDEX entry_by_department ON entry (department_id, id);
      CREATE TRIGGER entry_is_append_only_update BEFORE UPDATE ON entry
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER entry_is_append_only_delete BEFORE DELETE ON entry
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

      -- Evidence content, stored once per SHA-256 under evidence/ in the data folder.
      CREATE TABLE blob (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size       INTEGER NOT NULL CHECK (size >= 0),
        created_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE attachment (
        id            INTEGER PRIMARY KEY,
        department_id INTEGER NOT NULL REFERENCES department (id),
        measure_id    INTEGER NOT NULL REFERENCES measure (id),
        task_id       INTEGER REFERENCES task (id),
        sha256        TEXT NOT NULL REFERENCES blob (sha256),
        name          TEXT NOT NULL,
        size          INTEGER NOT NULL,
        added_at      TEXT NOT NULL,
        removed_at    TEXT
      ) STRICT;
      CREATE INDEX attachment_by_scope ON attachment (department_id, measure_id) WHERE removed_at IS NULL;
      CREATE INDEX attachment_by_blob ON attachment (sha256);

      -- Full-text search over measures, tasks (text, owner, notes) and evidence names.
      -- rowid = id * 4 + kind (0 measure, 1 task, 2 attachment) so triggers update in place.
      CREATE VIRTUAL TABLE search_text USING fts5 (body, tokenize = 'trigram');

      CREATE TRIGGER search_measure_insert AFTER INSERT ON measure BEGIN
        INSERT INTO search_text (rowid, body) VALUES (new.id * 4, new.title || char(10) || new.text);
      END;
      CREATE TRIGGER search_measure_delete AFTER DELETE ON measure BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4;
      END;
      CREATE TRIGGER search_task_insert AFTER INSERT ON task WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO search_text (rowid, body)
        VALUES (new.id * 4 + 1, new.text || char(10) || new.owner || char(10) || new.notes);
      END;
      CREATE TRIGGER search_task_update AFTER UPDATE OF text, owner, notes, deleted_at ON task BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
        INSERT INTO search_text (rowid, body)
        SELECT new.id * 4 + 1, new.text || char(10) || new.owner || char(10) || new.notes WHERE new.deleted_at IS NULL;
      END;
      CREATE TRIGGER search_task_delete AFTER DELETE ON task BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
      END;
      CREATE TRIGGER search_attachment_insert AFTER INSERT ON attachment WHEN new.removed_at IS NULL BEGIN
        INSERT INTO search_text (rowid, body) VALUES (new.id * 4 + 2, new.name);
      END;
      CREATE TRIGGER search_attachment_update AFTER UPDATE OF name, removed_at ON attachment BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
        INSERT INTO search_text (rowid, body) SELECT new.id * 4 + 2, new.name WHERE new.removed_at IS NULL;
      END;

      INSERT INTO search_text (rowid, body) SELECT id * 4, title || char(10) || text FROM measure;
    `);
  },
};
