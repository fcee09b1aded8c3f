import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../shared/api/calls/backups';
import { AppError } from '../../shared/api/errors';
import { fsyncDirectory } from '../app/atomic-write';
import type { HandlerGroup } from '../api/handlers';
import type { DataLayout } from '../app/paths';
import { backupDatabase, backupName, checkDatabaseFile, fileStamp, listBackups, pruneBackups, type BackupFile, type BackupKind } from '../db/backup';
import type { ServiceContext } from './context';

const day = 24 * 60 * 60 * 1000;

function info(backup: BackupFile): BackupInfo {
  return { name: backup.name, kind: backup.kind, createdAt: backup.createdAt, size: backup.size };
}

/** A verified copy of the live database, keeping the newest seven of its kind. */
export async function takeBackup(ctx: ServiceContext, kind: Exclude<BackupKind, 'pre-migration'>): Promise<BackupInfo> {
  const path = join(ctx.layout.backups, backupName(kind, ctx.now()));
  await backupDatabase(ctx.db, path, ctx.nativeBinding);
  pruneBackups(ctx.layout.backups, kind);
  const taken = listBackups(ctx.layout.backups).find((backup) => backup.path === path);
  if (!taken) throw new Error(`backup ${path} vanished`);
  return info(taken);
}

/** At most one automatic copy a day. */
export async function dailyBackupIfDue(ctx: ServiceContext): Promise<BackupInfo | null> {
  const newest = listBackups(ctx.layout.backups).find((backup) => backup.kind === 'daily');
  if (newest && ctx.now().getTime() - Date.parse(newest.createdAt) < day) return null;
  return takeBackup(ctx, 'daily');
}

export function listBackupInfo(layout: DataLayout): BackupInfo[] {
  return listBackups(layout.backups).map(info);
}

/** A backup by name, checked to be sound; names come from the listing, never from a path. */
export function usableBackup(layout: DataLayout, name: string, nativeBinding?: string): BackupFile {
  const backup = listBackups(layout.backups).find((candidate) => candidate.name === name);
  if (!backup) throw new AppError('backup.not_found', { name });
  if (checkDatabaseFile(backup.path, nativeBinding) !== 'ok') throw new AppError('backup.damaged', { name });
  return backup;
}

/**
 * Puts a backup's bytes where the database lives: copy to a temp file beside it, then
 * rename, so a crash midway leaves either the old file or the whole backup.
 */
export function installDatabaseFile(layout: DataLayout, source: string): void {
  const temp = `${layout.database}.restoring`;
  copyFileSync(source, temp);
  for (const suffix of ['-wal', '-shm']) rmSync(`${layout.database}${suffix}`, { force: true });
  renameSync(temp, layout.database);
  fsyncDirectory(layout.dataDir);
}

/** Moves a damaged database (with its WAL) aside under a dated name; it is never deleted. */
export function setAsideDamaged(layout: DataLayout, now: Date): string {
  const aside = join(layout.dataDir, `planledger-damaged-${fileStamp(now)}.sqlite`);
  if (existsSync(layout.database)) renameSync(layout.database, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${layout.database}${suffix}`)) renameSync(`${layout.database}${suffix}`, `${aside}${suffix}`);
  }
  return basename(aside);
}

/** Restore from settings: copy the current state first, then swap the backup in and reopen. */
export async function restoreBackup(ctx: ServiceContext, name: string): Promise<{ restored: string; safetyCopy: string }> {
  const backup = usableBackup(ctx.layout, name, ctx.nativeBinding);
  const safetyCopy = await takeBackup(ctx, 'pre-restore');
  ctx.db.close();
  try {
    installDatabaseFile(ctx.layout, backup.path);
  } finally {
    ctx.db = await ctx.reopenDatabase();
  }
  ctx.log.info('backup restored', { backup: name, safetyCopy: safetyCopy.name });
  return { restored: name, safetyCopy: safetyCopy.name };
}

export function backupHandlers(ctx: ServiceContext): HandlerGroup<'backups.list' | 'backups.create' | 'backups.restore' | 'recovery.status' | 'recovery.restore'> {
  return {
    'backups.list': () => listBackupInfo(ctx.layout),
    'backups.create': () => takeBackup(ctx, 'manual'),
    'backups.restore': ({ name }) => restoreBackup(ctx, name),
    // The database opened and passed its check; recovery is for a damaged start (see app/startup.ts).
    'recovery.status': () => ({ damaged: false as const }),
    'recovery.restore': () => {
      throw new AppError('unsupported', { what: 'recovery.restore' });
    },
  };
}
