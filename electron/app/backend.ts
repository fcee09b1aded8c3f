import { userInfo } from 'node:os';
import type { Runtime } from '../../shared/api/calls/app';
import type { Settings } from '../../shared/api/calls/settings';
import { AppError } from '../../shared/api/errors';
import type { HandlerGroup, Handlers } from '../api/handlers';
import { createRouter, type Router } from '../api/router';
import { openDatabase, type Db, type MigrationOutcome } from '../db/database';
import { appHandlers } from '../services/app';
import type { ServiceContext } from '../services/context';
import { FileRegistry } from '../services/files';
import { planHandlers } from '../services/plan';
import { ensureSeedPlan } from '../services/plan/seed';
import { readSettings, settingsHandlers } from '../services/settings';
import { workspaceHandlers } from '../services/workspace';
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
  /** Native dialogs, given by Electron main; elsewhere these calls answer `unsupported`. */
  dialogs?: (ctx: ServiceContext) => DialogHandlers;
}

export type DialogHandlers = HandlerGroup<'files.pick' | 'files.chooseSaveTarget'>;

const noDialogs: DialogHandlers = {
  'files.pick': () => {
    throw new AppError('unsupported', { what: 'files.pick' });
  },
  'files.chooseSaveTarget': () => {
    throw new AppError('unsupported', { what: 'files.chooseSaveTarget' });
  },
};

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

function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
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
    files: new FileRegistry(layout.tmp),
    actor: () => readSettings(db).operator || systemUser(),
  };
  await ensureSeedPlan(ctx);
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...planHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...(options.dialogs?.(ctx) ?? noDialogs),
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
