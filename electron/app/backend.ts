import type { Runtime } from '../../shared/api/calls/app';
import type { Settings } from '../../shared/api/calls/settings';
import type { Handlers } from '../api/handlers';
import { createRouter, type Router } from '../api/router';
import { openDatabase, type Db, type MigrationOutcome } from '../db/database';
import { appHandlers } from '../services/app';
import type { ServiceContext } from '../services/context';
import { planHandlers } from '../services/plans';
import { settingsHandlers } from '../services/settings';
import { createFileLogger, type Logger } from './log';
import { dataLayout, type DataLayout } from './paths';

export interface BackendOptions {
  dataDir: string;
  runtime: Runtime;
  /** better-sqlite3 build for this runtime; omitted under plain Node. */
  nativeBinding?: string | undefined;
  electronVersion?: string | null;
  now?: () => Date;
  logger?: Logger;
  onSettingsChanged?: (settings: Settings) => void;
}

/** The app's services over one data folder: what Electron main, the dev host and the CLI all run. */
export interface Backend {
  layout: DataLayout;
  db: Db;
  ctx: ServiceContext;
  handlers: Handlers;
  router: Router;
  migration: MigrationOutcome;
  close(): void;
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const layout = dataLayout(options.dataDir);
  const log = options.logger ?? createFileLogger(layout.logs);
  const now = options.now ?? (() => new Date());
  const { db, migration } = await openDatabase({
    file: layout.database,
    backupDir: layout.backups,
    nativeBinding: options.nativeBinding,
    now,
  });
  if (migration.from !== migration.to) log.info('database migrated', { ...migration });

  const ctx: ServiceContext = {
    db,
    layout,
    runtime: options.runtime,
    now,
    log,
    electronVersion: options.electronVersion ?? null,
    events: { settingsChanged: options.onSettingsChanged ?? (() => undefined) },
  };
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...planHandlers(ctx),
  };
  return {
    layout,
    db,
    ctx,
    handlers,
    router: createRouter(handlers, log),
    migration,
    close: () => db.close(),
  };
}
