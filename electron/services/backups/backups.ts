import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../../shared/api/calls/backups';
import { AppError } from '../../../shared/api/errors';
import { copyFileDurably, fsyncDirectory } from '../../lib/atomic-write';
import { errorDetails } from '../../lib/log';
import type { DataLayout } from '../../lib/paths';
import { checkDatabaseFile, fileStamp, listBackups, takeBackupCopy, type BackupFile, type BackupKind } from '../../db/backup';
import type { ServiceContext } from '../context';

const day = 24 * 60 * 60 * 1000;

export function backupInfo(backup: BackupFile): BackupInfo {
  return { name: backup.name, kind: backup.kind, createdAt: backup.createdAt, size: backup.size };
}

/** A verified copy of the live database, keeping the newest seven of its kind. */
export async function takeBackup(ctx: ServiceContext, kind: Exclude<BackupKind, 'pre-migration'>): Promise<BackupInfo> {
  const path = await takeBackupCopy(ctx.db, { dir: ctx.layout.backups, kind, now: ctx.now(), nativeBinding: ctx.nativeBinding });
  const taken = listBackups(ctx.layout.backups).find((backup) => backup.path === path);
  if (!taken) throw new Error(`backup ${path} vanished`);
  return backupInfo(taken);
}

/**
 * At most one automatic copy a day: due unless a daily copy was taken within the last 24
 * hours. A copy stamped in the future does not count (the clock has gone backwards since),
 * or daily copies would stop until the clock caught up again.
 */
export async function dailyBackupIfDue(ctx: ServiceContext): Promise<BackupInfo | null> {
  const now = ctx.now().getTime();
  const recent = listBackups(ctx.layout.backups).some((backup) => {
    if (backup.kind !== 'daily') return false;
    const age = now - Date.parse(backup.createdAt);
    return age >= 0 && age < day;
  });
  if (recent) return null;
  return takeBackup(ctx, 'daily');
}

export function listBackupInfo(layout: DataLayout): BackupInfo[] {
  return listBackups(layout.backups).map(backupInfo);
}

/** A backup by name, checked to be sound; names come from the listing, never from a path. */
export function usableBackup(layout: DataLayout, name: string, nativeBinding?: string): BackupFile {
  const backup = listBackups(layout.backups).find((candidate) => candidate.name === name);
  if (!backup) throw new AppError('backup.not_found', { name });
  if (checkDatabaseFile(backup.path, nativeBinding) !== 'ok') throw new AppError('backup.damaged', { name });
  return backup;
}

const sidecars = ['-wal', '-shm'] as const;

/**
 * Copies a backup's bytes beside the database, fsynced, ready to be renamed into place.
 * Done while the database is still open, so the app is closed only for two renames.
 */
export async function stageDatabaseFile(layout: DataLayout, source: string): Promise<string> {
  const staged = `${layout.database}.restoring`;
  rmSync(staged, { force: true });
  await copyFileDurably(source, staged);
  return staged;
}

/** Renames a staged copy to the database's name (no WAL of another file may stay beside it) and makes that durable. */
export function swapInStaged(layout: DataLayout, staged: string): void {
  for (const suffix of sidecars) rmSync(`${layout.database}${suffix}`, { force: true });
  renameSync(staged, layout.database);
  fsyncDirectory(layout.dataDir);
}

/**
 * Renames the database and its WAL to `aside` (same folder), those that exist. All or
 * nothing: if one rename fails, the ones done are undone before the error is thrown.
 */
function moveDatabaseAside(layout: DataLayout, aside: string): void {
  const moved: [string, string][] = [];
  try {
    for (const suffix of ['', ...sidecars]) {
      const from = `${layout.database}${suffix}`;
      if (!existsSync(from)) continue;
      renameSync(from, `${aside}${suffix}`);
      moved.push([from, `${aside}${suffix}`]);
    }
  } catch (error) {
    for (const [from, to] of moved.reverse()) renameSync(to, from);
    throw error;
  }
  fsyncDirectory(layout.dataDir);
}

/**
 * Undoes a complete moveDatabaseAside: the file set aside comes back over whatever is at
 * the database's name now (a restored copy that would not open); that copy's WAL goes.
 */
export function putBackAside(layout: DataLayout, aside: string): void {
  for (const suffix of sidecars) rmSync(`${layout.database}${suffix}`, { force: true });
  if (existsSync(aside)) renameSync(aside, layout.database);
  else rmSync(layout.database, { force: true });
  for (const suffix of sidecars) {
    if (existsSync(`${aside}${suffix}`)) renameSync(`${aside}${suffix}`, `${layout.database}${suffix}`);
  }
  fsyncDirectory(layout.dataDir);
}

/**
 * Moves a damaged database (with its WAL) aside under a dated name that no earlier copy
 * has; it is never deleted. Null when there was no file to move.
 */
export function setAsideDamaged(layout: DataLayout, now: Date): { name: string; path: string } | null {
  if (!['', ...sidecars].some((suffix) => existsSync(`${layout.database}${suffix}`))) return null;
  let path = join(layout.dataDir, `planledger-damaged-${fileStamp(now)}.sqlite`);
  for (let copy = 2; existsSync(path); copy += 1) path = join(layout.dataDir, `planledger-damaged-${fileStamp(now)}-${copy}.sqlite`);
  moveDatabaseAside(layout, path);
  return { name: basename(path), path };
}

/**
 * Restore from settings: copy the current state first, then swap the backup in and reopen.
 * The current file is kept aside until the restored one has opened; if it does not open
 * (a damaged or newer-version copy), the current file comes back and is reopened, so the
 * app never goes on with a closed database.
 */
export async function restoreBackup(ctx: ServiceContext, name: string): Promise<{ restored: string; safetyCopy: string }> {
  const { layout } = ctx;
  const backup = usableBackup(layout, name, ctx.nativeBinding);
  const safetyCopy = await takeBackup(ctx, 'pre-restore');
  const staged = await stageDatabaseFile(layout, backup.path);
  const original = `${layout.database}.before-restore`;
  for (const suffix of ['', ...sidecars]) rmSync(`${original}${suffix}`, { force: true });
  ctx.db.close();
  let movedAside = false;
  try {
    moveDatabaseAside(layout, original);
    movedAside = true;
    swapInStaged(layout, staged);
    ctx.db = await ctx.reopenDatabase();
  } catch (error) {
    ctx.log.error('restore failed; opening the data as it was', { backup: name, ...errorDetails(error) });
    rmSync(staged, { force: true });
    if (movedAside) putBackAside(layout, original);
    ctx.db = await ctx.reopenDatabase();
    throw error;
  }
  try {
    for (const suffix of ['', ...sidecars]) rmSync(`${original}${suffix}`, { force: true });
  } catch (error) {
    // The restore itself succeeded; the pre-restore copy holds the same data anyway.
    ctx.log.warn('could not remove the data file replaced by a restore', { file: original, ...errorDetails(error) });
  }
  ctx.log.info('backup restored', { backup: name, safetyCopy: safetyCopy.name });
  return { restored: name, safetyCopy: safetyCopy.name };
}
