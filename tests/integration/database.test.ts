import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../electron/db/database';
import { latestSchemaVersion, migrations, type Migration } from '../../electron/db/migrations';
import { AppError } from '../../shared/api/errors';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const fixedNow = () => new Date('2026-11-25T08:30:00Z');

function paths() {
  const dir = tempDir();
  return { file: join(dir, 'planledger.sqlite'), backupDir: join(dir, 'backups'), now: fixedNow };
}

const toyV1: Migration = {
  version: 1,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT'),
};
const toyV2: Migration = {
  version: 2,
  name: 'note tags',
  up: (db) => db.exec("ALTER TABLE note ADD COLUMN tag TEXT NOT NULL DEFAULT 'none'"),
};

describe('opening the database', () => {
  it('numbers migrations 1, 2, 3… without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
  });

  it('creates and migrates an empty database with WAL, foreign keys, synchronous=FULL and secure_delete', async () => {
    const options = paths();
    const { db, migration } = await openDatabase(options);
    try {
      expect(migration).toEqual({ from: 0, to: latestSchemaVersion, backup: null });
      expect(schemaVersion(db)).toBe(latestSchemaVersion);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(['setting', 'plan', 'measure', 'department', 'measure_department']));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    // Nothing to protect in a new database, so no copy was taken.
    expect(existsSync(options.backupDir) ? readdirSync(options.backupDir) : []).toEqual([]);
  });

  it('reopens an up-to-date database without migrating and keeps its data', async () => {
    const options = paths();
    const first = await openDatabase(options);
    first.db.prepare("INSERT INTO setting (key, value) VALUES ('language', '\"en\"')").run();
    first.db.close();

    const second = await openDatabase(options);
    try {
      expect(second.migration).toEqual({ from: latestSchemaVersion, to: latestSchemaVersion, backup: null });
      expect(second.db.prepare("SELECT value FROM setting WHERE key = 'language'").get()).toEqual({ value: '"en"' });
    } finally {
      second.db.close();
    }
  });

  it('refuses a database from a newer app version and leaves it untouched', async () => {
    const options = paths();
    const newer = new Database(options.file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${latestSchemaVersion + 5}`);
    newer.close();
    const before = readFileSync(options.file);

    const attempt = openDatabase(options);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'db.newer_version',
      params: { found: latestSchemaVersion + 5, supported: latestSchemaVersion },
    });
    expect(readFileSync(options.file).equals(before)).toBe(true);
  });

  it('takes a verified copy before migrating an existing database', async () => {
    const options = paths();
    const v1 = await openDatabase({ ...options, migrations: [toyV1] });
    v1.db.prepare("INSERT INTO note (body) VALUES ('季度报告草稿')").run();
    v1.db.close();

    const v2 = await openDatabase({ ...options, migrations: [toyV1, toyV2] });
    try {
      expect(v2.migration.from).toBe(1);
      expect(v2.migration.to).toBe(2);
      expect(v2.migration.backup).toBe(join(options.backupDir, 'planledger-pre-migration-v1-to-v2-2026-11-25T08-30-00-000Z.sqlite'));
      expect(v2.db.prepare('SELECT body, tag FROM note').get()).toEqual({ body: '季度报告草稿', tag: 'none' });
    } finally {
      v2.db.close();
    }

    const copy = new Database(v2.migration.backup as string, { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT * FROM note').all()).toEqual([{ id: 1, body: '季度报告草稿' }]);
    } finally {
      copy.close();
    }
  });

  it('keeps the copy taken before migrating even when older copies carry later stamps (the clock went back)', async () => {
    const options = paths();
    (await openDatabase({ ...options, migrations: [toyV1] })).db.close();
    mkdirSync(options.backupDir, { recursive: true });
    for (let day = 1; day <= 7; day += 1)
      writeFileSync(join(options.backupDir, `planledger-pre-migration-v0-to-v1-2030-01-0${day}T00-00-00Z.sqlite`), '');

    const v2 = await openDatabase({ ...options, migrations: [toyV1, toyV2] });
    v2.db.close();
    expect(existsSync(v2.migration.backup as string)).toBe(true);
    expect(readdirSync(options.backupDir)).toHaveLength(7);
  });

  it('runs all pending migrations in one transaction: a failing step changes nothing', async () => {
    const options = paths();
    (await openDatabase({ ...options, migrations: [toyV1] })).db.close();
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up: (db) => db.exec('CREATE TABLE half_done (x); THIS IS NOT SQL'),
    };
    await expect(openDatabase({ ...options, migrations: [toyV1, toyV2, broken] })).rejects.toMatchObject({ code: 'db.open_failed' });

    const db = new Database(options.file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(['note']);
      const columns = (db.prepare('PRAGMA table_info(note)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(['id', 'body']);
    } finally {
      db.close();
    }
  });

  it('reports a file that is not a database as damaged and leaves it as it was', async () => {
    const options = paths();
    writeFileSync(options.file, 'this is a text file, not SQLite'.repeat(100));
    const before = readFileSync(options.file);
    await expect(openDatabase(options)).rejects.toMatchObject({ code: 'db.damaged', params: { file: options.file } });
    expect(readFileSync(options.file).equals(before)).toBe(true);
  });

  it('reports a healthy database that another program holds locked as open_failed, not as damaged', async () => {
    const options = paths();
    (await openDatabase(options)).db.close();
    // Another program (the sqlite3 CLI, a virus scanner) holds an exclusive lock.
    const holder = new Database(options.file);
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.exec('BEGIN EXCLUSIVE');
      holder.prepare("INSERT INTO setting (key, value) VALUES ('language', '\"en\"')").run();
      const attempt = openDatabase(options);
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'db.open_failed', params: { file: options.file } });
      holder.exec('ROLLBACK');
    } finally {
      holder.close();
    }
    // Once the other program lets go, it opens as usual.
    const again = await openDatabase(options);
    try {
      expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      again.db.close();
    }
  }, 20_000);
});
