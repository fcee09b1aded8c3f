import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { backupKinds } from '../../shared/api/calls/backups';
import { causeText } from '../../shared/api/error-text';

export type BackupKind = (typeof backupKinds)[number];

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  /** When the copy was taken (UTC, ISO 8601 with milliseconds; older copies, named to the second, at .000). */
  createdAt: string;
  /** 1, or 2, 3… for later copies taken in the same millisecond. */
  sequence: number;
  size: number;
}

/** How many copies of each kind are kept. */
export const backupsKept = 7;

/**
 * planledger-KIND[-vA-to-vB]-STAMP[-N].sqlite. STAMP is to the millisecond (…T21-55-45-123Z),
 * or to the second in copies taken by earlier versions (…T21-55-45Z); -N numbers later copies
 * taken in the same millisecond.
 */
const backupPattern = new RegExp(
  `^planledger-(${backupKinds.join('|')})(?:-v\\d+-to-v\\d+)?-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})(?:-(\\d{3}))?Z(?:-([1-9]\\d*))?\\.sqlite$`,
  'u',
);

/** A file-name-safe UTC timestamp, e.g. 2026-11-25T21-55-45Z. */
export function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/u, 'Z')
    .replaceAll(':', '-');
}

/** e.g. planledger-daily-2026-11-25T21-55-45-123Z.sqlite, planledger-pre-migration-v1-to-v2-…-2.sqlite. */
function backupName(kind: BackupKind, date: Date, detail: string | undefined, sequence: number): string {
  const stamp = date.toISOString().replaceAll(':', '-').replace('.', '-');
  return `planledger-${kind}${detail ? `-${detail}` : ''}-${stamp}${sequence > 1 ? `-${sequence}` : ''}.sqlite`;
}

/** Newest first: by time, then by the number of copies taken in the same millisecond. */
function newestFirst(a: BackupFile, b: BackupFile): number {
  return b.createdAt.localeCompare(a.createdAt) || b.sequence - a.sequence || b.name.localeCompare(a.name);
}

/** The backups in `dir`, newest first. Files that are not ours are ignored. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const match = backupPattern.exec(name);
    if (!match) continue;
    const [, kind, day, hours, minutes, seconds, milliseconds = '000', sequence = '1'] = match;
    const path = join(dir, name);
    backups.push({
      name,
      path,
      kind: kind as BackupKind,
      createdAt: `${day}T${hours}:${minutes}:${seconds}.${milliseconds}Z`,
      sequence: Number(sequence),
      size: statSync(path).size,
    });
  }
  return backups.sort(newestFirst);
}

interface PruneOptions {
  /** The current time: copies stamped later than this were taken before the clock went back. */
  now?: Date;
  /** A copy never removed, whatever its stamp (the one just taken). */
  protect?: string;
}

/**
 * Keeps the most recent backups of a kind (backupsKept) and removes the rest. "Most recent" is by
 * stamp, except that a copy stamped in the future (the clock has gone backwards since, say
 * after a dead BIOS battery) can only have been taken before every copy stamped up to now,
 * so those rank below them; the copy in `protect` is always kept.
 */
function pruneBackups(dir: string, kind: BackupKind, options: PruneOptions): void {
  const keep = backupsKept;
  const nowIso = options.now?.toISOString() ?? null;
  const future = (backup: BackupFile) => nowIso !== null && backup.createdAt > nowIso;
  const ordered = listBackups(dir)
    .filter((backup) => backup.kind === kind)
    .sort((a, b) => Number(future(a)) - Number(future(b)) || newestFirst(a, b));
  const kept = new Set(ordered.slice(0, keep).map((backup) => backup.path));
  if (options.protect !== undefined && !kept.has(options.protect) && ordered.some((backup) => backup.path === options.protect)) {
    // Make room for the protected copy by dropping the lowest-ranked one kept.
    const dropped = ordered.slice(0, keep).at(-1);
    if (dropped) kept.delete(dropped.path);
    kept.add(options.protect);
  }
  for (const old of ordered.filter((backup) => !kept.has(backup.path))) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${old.path}${suffix}`, { force: true });
  }
}

/**
 * A verified copy of a live database in `dir`, named for its kind and time, then the oldest
 * copies of that kind beyond backupsKept removed (never this one). Returns the copy's path.
 * The copy is taken under a temporary name, so the listing never shows one half made, and
 * never overwrites another: one taken in the same millisecond gets the next number.
 */
export async function takeBackupCopy(
  db: Database.Database,
  options: { dir: string; kind: BackupKind; now: Date; detail?: string; nativeBinding?: string | undefined },
): Promise<string> {
  const partial = join(options.dir, `planledger-backup-${randomUUID()}.partial`);
  await backupDatabase(db, partial, options.nativeBinding);
  const path = nameCopy(options.dir, partial, options);
  pruneBackups(options.dir, options.kind, { now: options.now, protect: path });
  return path;
}

/**
 * Renames a finished copy to its backup name, numbered one above the copies of the same kind
 * and instant already there (so numbers keep counting up after older ones were pruned), skipping
 * any name taken. The check and the rename are synchronous: no other copy of this process comes between.
 */
function nameCopy(dir: string, partial: string, { kind, now, detail }: { kind: BackupKind; now: Date; detail?: string }): string {
  const same = listBackups(dir).filter((backup) => backup.kind === kind && backup.createdAt === now.toISOString());
  for (let sequence = Math.max(0, ...same.map((backup) => backup.sequence)) + 1; ; sequence += 1) {
    const path = join(dir, backupName(kind, now, detail, sequence));
    if (existsSync(path)) continue;
    renameSync(partial, path);
    return path;
  }
}

/** integrity_check (or the faster quick_check) of a database file: 'ok', or what SQLite found wrong. */
export function checkDatabaseFile(path: string, nativeBinding?: string, depth: 'full' | 'quick' = 'full'): string {
  let copy: Database.Database | undefined;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return String(copy.pragma(depth === 'full' ? 'integrity_check' : 'quick_check', { simple: true }));
  } catch (error) {
    return causeText(error);
  } finally {
    copy?.close();
  }
}

/**
 * Copies a live database with SQLite's online backup API, makes the copy one
 * self-contained file (rollback journal, not WAL), then proves it sound with
 * integrity_check before anyone relies on it.
 */
async function backupDatabase(db: Database.Database, destination: string, nativeBinding?: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true });
  try {
    await db.backup(destination);
    const copy = new Database(destination, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${destination}${suffix}`, { force: true });
    throw error;
  }
  const result = checkDatabaseFile(destination, nativeBinding);
  if (result !== 'ok') {
    rmSync(destination, { force: true });
    throw new Error(`backup ${destination} failed integrity_check: ${result}`);
  }
  return destination;
}
