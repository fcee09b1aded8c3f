import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Runtime } from '../../shared/api/calls/app';
import type { Settings } from '../../shared/api/calls/settings';
import { AppError } from '../../shared/api/errors';
import { unsupportedCalls, type HandlerGroup, type Handlers } from '../services/handler';
import { createRouter, type Router } from '../api/router';
import { listBackups } from '../db/backup';
import { openDatabase, type Db, type MigrationOutcome } from '../db/database';
import { appHandlers } from '../services/app/handlers';
import { backupHandlers } from '../services/backups/handlers';
import type { OsSecretStore, ServiceContext } from '../services/context';
import { EvidenceService, type OpenPath, type ShowInFolder } from '../services/evidence/evidence-service';
import { evidenceHandlers } from '../services/evidence/handlers';
import { removeStaleTemps } from '../services/evidence/store';
import { FileRegistry } from '../services/files';
import { jobHandlers } from '../services/jobs/handlers';
import { JobRunner } from '../services/jobs/runner';
import { planHandlers } from '../services/plan/handlers';
import { PreviewCache } from '../services/plan/import';
import { ensureSeedPlan } from '../services/plan/seed';
import { ledgerHandlers } from '../services/ledger/handlers';
import { officeHandlers } from '../services/office/handlers';
import { FolderWatcher, type FolderWatcherOptions } from '../services/office/watch';
import { noPrinting, printHandlers, type PrintingHandlers } from '../services/print/handlers';
import { reportHandlers } from '../services/report/handlers';
import { previewResponse, type PreviewResponse } from '../services/report/preview';
import { VerifiedPackages, type VerifiedLimits } from '../services/report/verified-packages';
import { settingsHandlers } from '../services/settings/handlers';
import { readSettings } from '../services/settings/settings';
import { workspaceHandlers } from '../services/workspace/handlers';
import { createFileLogger, type Logger } from '../lib/log';
import { dataLayout, type DataLayout } from '../lib/paths';

export interface BackendOptions {
  dataDir: string;
  runtime: Runtime;
  /** better-sqlite3 build for this runtime; omitted under plain Node. */
  nativeBinding?: string | undefined;
  electronVersion?: string | null;
  /** Defaults to process.platform; tests stand in 'win32' to see what Windows would get. */
  platform?: NodeJS.Platform;
  now?: () => Date;
  logger?: Logger;
  onSettingsChanged?: (settings: Settings) => void;
  /** Reuse a host's registry (recovery keeps the one it started with). */
  files?: FileRegistry;
  /** Native dialogs, given by Electron main; elsewhere these calls answer `unsupported`. */
  dialogs?: (ctx: ServiceContext) => DialogHandlers;
  /** Printing and PDF output of the window, given by Electron main; elsewhere these calls answer `unsupported`. */
  printing?: (ctx: ServiceContext) => PrintingHandlers;
  /** Opens a file with the system app (Electron's shell.openPath: '' or an error message); absent in the browser and CLI. */
  openPath?: OpenPath;
  /** Shows a file selected in the system file manager (Electron's shell.showItemInFolder); used instead of openPath for types that are not opened directly (programs, scripts, unknown types). */
  showInFolder?: ShowInFolder;
  /** The OS secret store for signing keys (Electron's safeStorage), when there is a real one. */
  osSecrets?: OsSecretStore | null;
  /** The user chose to start afresh in recovery: a missing data file is then created even though backups exist. */
  startFresh?: boolean;
  /** Quota of received packages kept for the verify screen (tests set small ones). */
  verifiedLimits?: Partial<VerifiedLimits>;
  /**
   * Runs the watched folder (the desktop app and the dev host; the CLI never does). `folder`
   * starts watching that folder (the dev host's --watch), else the one kept from last time.
   */
  watch?: { folder?: string; options?: Partial<FolderWatcherOptions> };
}

export type DialogHandlers = HandlerGroup<'files.pick' | 'files.chooseSaveTarget'>;

const noDialogs: DialogHandlers = unsupportedCalls('files.pick', 'files.chooseSaveTarget');

/** The app's services over one data folder: what Electron main, the dev host and the CLI all run. */
export interface Backend {
  layout: DataLayout;
  readonly db: Db;
  ctx: ServiceContext;
  handlers: Handlers;
  router: Router;
  migration: MigrationOutcome;
  /** The watched folder's poller, when this host runs one (see BackendOptions.watch). */
  watcher: FolderWatcher | null;
  /** Documents for the sandboxed preview frame (see services/report/preview.ts); null when the path is not one. */
  preview(path: string, params: URLSearchParams): PreviewResponse | null;
  /** Cancels running jobs and waits for their cleanup (no partial files left behind), then closes the database. */
  close(): Promise<void>;
}

let systemUserName: string | null = null;

/** The OS account name, asked once per process. */
function systemUser(): string {
  if (systemUserName === null) {
    try {
      systemUserName = userInfo().username;
    } catch {
      systemUserName = '';
    }
  }
  return systemUserName;
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const layout = dataLayout(options.dataDir);
  const log = options.logger ?? createFileLogger(layout.logs);
  const now = options.now ?? (() => new Date());
  if (!options.startFresh && !existsSync(layout.database) && listBackups(layout.backups).length > 0) {
    // The data file is gone but backups are there (deleted by hand, a sync tool, a bad disk):
    // starting afresh with the embedded plan would look like every task was lost, and would
    // hide the loss from the desktop app's recovery screen.
    throw new AppError('db.missing', { file: layout.database });
  }
  const databaseOptions = { file: layout.database, backupDir: layout.backups, nativeBinding: options.nativeBinding, now };
  const { db, migration } = await openDatabase(databaseOptions);
  if (migration.from !== migration.to) log.info('database migrated', { ...migration });

  const ctx: ServiceContext = {
    db,
    reopenDatabase: async () => (await openDatabase(databaseOptions)).db,
    nativeBinding: options.nativeBinding,
    layout,
    runtime: options.runtime,
    platform: options.platform ?? process.platform,
    now,
    log,
    electronVersion: options.electronVersion ?? null,
    events: { settingsChanged: options.onSettingsChanged ?? (() => undefined) },
    files: options.files ?? new FileRegistry(layout.tmp),
    jobs: new JobRunner(log),
    osSecrets: options.osSecrets ?? null,
    actor: () => readSettings(ctx.db).operator || systemUser(),
  };
  await ensureSeedPlan(ctx);
  const verified = new VerifiedPackages(ctx, options.verifiedLimits);
  // Copies cut short by a crash leave temp files in evidence/; none of this session's is running yet.
  removeStaleTemps(layout);
  const watcher = options.watch ? new FolderWatcher(ctx, options.watch.options) : null;
  if (watcher && options.watch?.folder !== undefined) await watcher.watch(options.watch.folder);
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...planHandlers(ctx, new PreviewCache()),
    ...workspaceHandlers(ctx),
    ...backupHandlers(ctx),
    ...jobHandlers(ctx),
    ...evidenceHandlers(new EvidenceService(ctx, options.openPath, options.showInFolder)),
    ...(options.dialogs?.(ctx) ?? noDialogs),
    ...printHandlers(ctx),
    ...reportHandlers(ctx, verified),
    ...officeHandlers(ctx, verified, watcher),
    ...ledgerHandlers(ctx),
    ...(options.printing?.(ctx) ?? noPrinting),
  };
  return {
    layout,
    get db() {
      return ctx.db;
    },
    ctx,
    handlers,
    router: createRouter(handlers, log),
    migration,
    watcher,
    preview: (path, params) => previewResponse(ctx, verified, path, params),
    close: async () => {
      // The watcher first: its receive in progress stops before jobs and the database go.
      await watcher?.dispose();
      // Verified packages' extracted copies are only for this session's preview.
      verified.dispose();
      // Running copies stop and remove their temp files; none reaches the database after this.
      await ctx.jobs.cancelAll();
      if (!ctx.db.open) return;
      // Keeps the query planner's statistics fresh, as SQLite recommends before closing.
      ctx.db.pragma('optimize');
      ctx.db.close();
    },
  };
}
