import type { RecoveryStatus } from '../../shared/api/calls/backups';
import { callNames, type CallName } from '../../shared/api/contract';
import { AppError, type ApiResult } from '../../shared/api/errors';
import type { Handlers } from '../api/handlers';
import { createRouter, type Router } from '../api/router';
import { checkDatabaseFile, listBackups } from '../db/backup';
import { dailyBackupIfDue, installDatabaseFile, setAsideDamaged, usableBackup } from '../services/backups';
import { FileRegistry } from '../services/files';
import { openBackend, type Backend, type BackendOptions } from './backend';
import { createFileLogger, errorDetails } from './log';
import { dataLayout } from './paths';
import type { PreviewSource } from './preview-http';

const backupCheckEveryMs = 60 * 60 * 1000;

/**
 * The backend as the long-running hosts (Electron main, dev host) see it. When the
 * database fails its check at start, it runs in recovery mode instead: every call answers
 * `db.damaged` except the recovery ones, so the UI can tell the user and offer the latest
 * good backup. Nothing is overwritten until the user chooses a backup.
 */
export interface AppHost {
  router: Router;
  files: FileRegistry;
  backend(): Backend | null;
  /** Preview documents of the open backend (none in recovery mode). */
  preview: PreviewSource;
  close(): void;
}

export async function startApp(options: BackendOptions): Promise<AppHost> {
  const layout = dataLayout(options.dataDir);
  const log = options.logger ?? createFileLogger(layout.logs);
  let backend: Backend | null = null;
  let timer: NodeJS.Timeout | null = null;
  let damage: { file: string; detail: string } | null = null;

  const startBackups = (opened: Backend) => {
    const run = () => dailyBackupIfDue(opened.ctx).catch((error: unknown) => log.error('daily backup failed', errorDetails(error)));
    void run();
    timer = setInterval(run, backupCheckEveryMs);
    timer.unref();
  };

  try {
    backend = await openBackend({ ...options, logger: log });
    startBackups(backend);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'db.damaged')) throw error;
    damage = { file: String(error.params.file), detail: String(error.params.detail) };
    log.error('database failed its check at start', damage);
  }

  const files = backend?.ctx.files ?? new FileRegistry(layout.tmp);
  const recoveryStatus = (): RecoveryStatus =>
    damage === null
      ? { damaged: false }
      : {
          damaged: true,
          ...damage,
          backups: listBackups(layout.backups).map((backup) => ({
            name: backup.name,
            kind: backup.kind,
            createdAt: backup.createdAt,
            size: backup.size,
            ok: checkDatabaseFile(backup.path, options.nativeBinding) === 'ok',
          })),
        };

  const refuse = (): never => {
    throw new AppError('db.damaged', { file: damage?.file ?? layout.database, detail: damage?.detail ?? '' });
  };
  const recoveryHandlers = {
    ...(Object.fromEntries(callNames.map((name) => [name, refuse])) as unknown as Handlers),
    'recovery.status': recoveryStatus,
    'recovery.restore': async ({ name }: { name: string }) => {
      const chosen = usableBackup(layout, name, options.nativeBinding);
      const damagedCopy = setAsideDamaged(layout, (options.now ?? (() => new Date()))());
      installDatabaseFile(layout, chosen.path);
      backend = await openBackend({ ...options, logger: log, files });
      damage = null;
      startBackups(backend);
      log.info('restored after a damaged start', { backup: name, damagedCopy });
      return { restored: name, damagedCopy };
    },
  } satisfies Handlers;
  const recoveryRouter = createRouter(recoveryHandlers, log);

  return {
    router: {
      dispatch: (name: unknown, request: unknown): Promise<ApiResult<unknown>> =>
        (backend?.router ?? recoveryRouter).dispatch(name as CallName, request),
    },
    files,
    backend: () => backend,
    preview: (path, params) => backend?.preview(path, params) ?? null,
    close: () => {
      if (timer) clearInterval(timer);
      backend?.close();
    },
  };
}
