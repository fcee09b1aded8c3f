import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { causeText } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';
import { takeBackupCopy } from './backup';
import { migrations as allMigrations, versionAfter, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  /** Where the copy taken before a migration goes. */
  backupDir: string;
  migrations?: readonly Migration[];
  /** Path of a better-sqlite3 build for this runtime (Electron and Node need different ones). */
  nativeBinding?: string | undefined;
  now?: () => Date;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  /** The copy of the database taken before migrating, or null when there was nothing to copy. */
  backup: string | null;
}

export interface OpenedDatabase {
  db: Db;
  migration: MigrationOutcome;
}

/**
 * Opens (creating if needed) the app database: WAL, foreign keys, synchronous=FULL, then
 * brings the schema up to date. A database written by a newer app version is refused
 * untouched.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file, nativeBinding } = options;
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw new AppError('db.open_failed', { file, reason: causeText(error) });
  }
  try {
    // Read-only checks first: a damaged file or a newer app's file must stay byte-for-byte as it was.
    refuseDamaged(db, file);
    refuseNewer(db, options.migrations ?? allMigrations);
    configure(db);
    const migration = await migrate(db, options);
    return { db, migration };
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('db.open_failed', { file, reason: causeText(error) });
  }
}

/** Opens an existing database read-only, untouched: no migration, no copy, nothing written (the CLI's look-ups). */
export function openDatabaseReadOnly(file: string, nativeBinding?: string): Db {
  try {
    return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    throw new AppError('db.open_failed', { file, reason: causeText(error) });
  }
}

export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten with zeros, not left in free space: a replaced signing key's
  // sealed private half must not linger in the file (or in backups taken after the replacement).
  db.pragma('secure_delete = ON');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * A quick_check that finds damage (or a file that is not a database at all) is reported,
 * never repaired in place. Anything else that stops the check (another program holding a
 * lock, an I/O error, out of memory) says nothing about the file: that is `db.open_failed`,
 * and the user is asked to close other programs and retry, not offered an older backup.
 */
function refuseDamaged(db: Db, file: string): void {
  let result: string;
  try {
    result = String(db.pragma('quick_check', { simple: true }));
  } catch (error) {
    if (!isDamageError(error)) throw new AppError('db.open_failed', { file, reason: causeText(error) });
    result = causeText(error);
  }
  if (result !== 'ok') throw new AppError('db.damaged', { file, detail: result.slice(0, 200) });
}

/** SQLITE_CORRUPT (and its extended codes) and SQLITE_NOTADB mean the bytes are wrong; everything else is circumstance. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_'));
}

function refuseNewer(db: Db, migrations: readonly Migration[]): void {
  const latest = versionAfter(migrations);
  const found = schemaVersion(db);
  if (found > latest) throw new AppError('db.newer_version', { found, supported: latest });
}

async function migrate(db: Db, options: OpenDatabaseOptions): Promise<MigrationOutcome> {
  const migrations = options.migrations ?? allMigrations;
  const latest = versionAfter(migrations);
  const from = schemaVersion(db);
  if (from === latest) return { from, to: latest, backup: null };

  let backup: string | null = null;
  if (from > 0) {
    backup = await takeBackupCopy(db, {
      dir: options.backupDir,
      kind: 'pre-migration',
      now: (options.now ?? (() => new Date()))(),
      detail: `v${from}-to-v${latest}`,
      nativeBinding: options.nativeBinding,
    });
  }

  const pending = migrations.filter((m) => m.version > from);
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  return { from, to: latest, backup };
}
