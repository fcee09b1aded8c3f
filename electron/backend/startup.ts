import { rmSync } from 'node:fs';
import type { RecoveryStatus } from '../../shared/api/calls/backups';
import { callNames, type CallName } from '../../shared/api/contract';
import { AppError, type ApiResult } from '../../shared/api/errors';
import type { Handlers } from '../services/handler';
import { createRouter, type Router } from '../api/router';
import { checkDatabaseFile, listBackups } from '../db/backup';
import {
  backupInfo,
  dailyBackupIfDue,
  putBackAside,
  setAsideDamaged,
  stageDatabaseFile,
  swapInStaged,
  usableBackup,
} from '../services/backups/backups';
import { FileRegistry } from '../services/files';
import { openBackend, type Backend, type BackendOptions } from './backend';
import { createFileLogger, errorDetails, type Logger } from '../lib/log';
import { dataLayout } from '../lib/paths';
import type { PreviewSource } from './preview-http';

const backupCheckEveryMs = 60 * 60 * 1000;

/**
 * The backend as the long-running hosts (Electron main, dev host) see it. When the
 * database fails its check at start, it runs in recovery mode instead: every call answers
 * `db.damaged` except the recovery ones, so the UI can tell the user and offer the latest
 * good backup. Nothing is overwritten until the user chooses a backup (or, with none usable,
 * to start afresh); the damaged file is always kept aside. A missing data file while backups
 * exist is a recovery case too, not a silent first run.
 */
export interface RecoverableBackend {
  router: Router;
  files: FileRegistry;
  log: Logger;
  backend(): Backend | null;
  /** Preview documents of the open backend (none in recovery mode). */
  preview: PreviewSource;
  /** Resolves once the background work started so far (the daily backup check) has finished, failed ones included. */
  whenIdle(): Promise<void>;
  /** Waits for running jobs to clean up, then closes the database. */
  close(): Promise<void>;
}

export async function openRecoverableBackend(options: BackendOptions): Promise<RecoverableBackend> {
  const layout = dataLayout(options.dataDir);
  const log = options.logger ?? createFileLogger(layout.logs);
  const now = options.now ?? (() => new Date());
  let backend: Backend | null = null;
  let timer: NodeJS.Timeout | null = null;
  let damage: { cause: 'damaged' | 'missing'; file: string; detail: string } | null = null;
  /** Settles when every daily backup check started so far has; each logs its own failure, so it never rejects. */
  let backupRun: Promise<unknown> = Promise.resolve();

  const startBackups = (opened: Backend) => {
    const run = () => {
      const check = dailyBackupIfDue(opened.ctx).catch((error: unknown) => log.error('daily backup failed', errorDetails(error)));
      backupRun = backupRun.then(() => check);
    };
    run();
    timer = setInterval(run, backupCheckEveryMs);
    timer.unref();
  };

  try {
    backend = await openBackend({ ...options, logger: log });
    startBackups(backend);
  } catch (error) {
    if (!(error instanceof AppError && (error.code === 'db.damaged' || error.code === 'db.missing'))) throw error;
    const cause = error.code === 'db.damaged' ? 'damaged' : 'missing';
    damage = { cause, file: String(error.params.file), detail: String(error.params.detail ?? '') };
    log.error(cause === 'damaged' ? 'database failed its check at start' : 'database missing at start, backups present', damage);
  }

  const files = backend?.ctx.files ?? new FileRegistry(layout.tmp);
  // quick_check for the listing (fast, up to 28 files); the chosen copy gets the full check before it is restored.
  const recoveryStatus = (): RecoveryStatus =>
    damage === null
      ? { damaged: false }
      : {
          damaged: true,
          ...damage,
          backups: listBackups(layout.backups).map((backup) => ({
            ...backupInfo(backup),
            ok: checkDatabaseFile(backup.path, options.nativeBinding, 'quick') === 'ok',
          })),
        };

  /**
   * Replaces the damaged (or missing) file: `install` puts the new one in place, then the
   * backend opens it. If either fails, the damaged file comes back where it was, untouched,
   * and recovery goes on.
   */
  const replaceDamaged = async (install: () => void, startFresh = false): Promise<string | null> => {
    const aside = setAsideDamaged(layout, now());
    try {
      install();
      backend = await openBackend({ ...options, logger: log, files, startFresh });
    } catch (error) {
      log.error('recovery failed; the damaged file is back in place', errorDetails(error));
      if (aside) putBackAside(layout, aside.path);
      else for (const suffix of ['', '-wal', '-shm']) rmSync(`${layout.database}${suffix}`, { force: true });
      throw error;
    }
    damage = null;
    startBackups(backend);
    return aside?.name ?? null;
  };

  /** One recovery step at a time: two would clash on the staged copy and the file set aside. */
  let busy = false;
  const exclusive = async <T>(step: () => Promise<T>): Promise<T> => {
    if (damage === null) throw new AppError('unsupported', { what: 'recovery' });
    if (busy) throw new AppError('recovery.busy');
    busy = true;
    try {
      return await step();
    } finally {
      busy = false;
    }
  };

  const refuse = (): never => {
    throw new AppError('db.damaged', { file: damage?.file ?? layout.database, detail: damage?.detail ?? '' });
  };
  const recoveryHandlers = {
    ...(Object.fromEntries(callNames.map((name) => [name, refuse])) as unknown as Handlers),
    'recovery.status': recoveryStatus,
    'recovery.restore': ({ name }: { name: string }) =>
      exclusive(async () => {
        const chosen = usableBackup(layout, name, options.nativeBinding);
        const staged = await stageDatabaseFile(layout, chosen.path);
        try {
          const damagedCopy = await replaceDamaged(() => swapInStaged(layout, staged));
          log.info('restored after a damaged start', { backup: name, damagedCopy });
          return { restored: name, damagedCopy };
        } finally {
          rmSync(staged, { force: true });
        }
      }),
    'recovery.startFresh': () =>
      exclusive(async () => {
        // openBackend creates the new database and loads the embedded plan, as on a first run.
        const damagedCopy = await replaceDamaged(() => undefined, true);
        log.info('started fresh after a damaged start', { damagedCopy });
        return { damagedCopy };
      }),
  } satisfies Handlers;
  const recoveryRouter = createRouter(recoveryHandlers, log);

  return {
    router: {
      dispatch: (name: unknown, request: unknown): Promise<ApiResult<unknown>> =>
        (backend?.router ?? recoveryRouter).dispatch(name as CallName, request),
    },
    files,
    log,
    backend: () => backend,
    preview: (path, params) => backend?.preview(path, params) ?? null,
    whenIdle: async () => {
      // A check started while waiting (the hourly timer, a recovery) is waited for too.
      for (let run = backupRun; ; run = backupRun) {
        await run;
        if (run === backupRun) return;
      }
    },
    close: async () => {
      if (timer) clearInterval(timer);
      await backend?.close();
    },
  };
}
