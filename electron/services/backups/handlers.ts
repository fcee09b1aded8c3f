import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { listBackupInfo, restoreBackup, takeBackup } from './backups';

type BackupCalls = 'backups.list' | 'backups.create' | 'backups.restore' | 'recovery.status' | 'recovery.restore' | 'recovery.startFresh';

export function backupHandlers(ctx: ServiceContext): HandlerGroup<BackupCalls> {
  return {
    'backups.list': () => listBackupInfo(ctx.layout),
    'backups.create': () => takeBackup(ctx, 'manual'),
    'backups.restore': ({ name }) => restoreBackup(ctx, name),
    // The database opened and passed its check; recovery is for a damaged start (see backend/startup.ts).
    'recovery.status': () => ({ damaged: false as const }),
    ...unsupportedCalls('recovery.restore', 'recovery.startFresh'),
  };
}
