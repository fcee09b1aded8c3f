import type { Settings } from '../../shared/api/calls/settings';
import type { Runtime } from '../../shared/api/calls/app';
import type { DataLayout } from '../app/paths';
import type { Logger } from '../app/log';
import type { Db } from '../db/database';
import type { FileRegistry } from './files';

export interface ServiceEvents {
  settingsChanged(settings: Settings): void;
}

/** Everything a service needs, passed in: no Electron, no globals, so tests, CLI and dev host share it. */
export interface ServiceContext {
  db: Db;
  layout: DataLayout;
  runtime: Runtime;
  now: () => Date;
  log: Logger;
  electronVersion: string | null;
  events: ServiceEvents;
  files: FileRegistry;
  /** Who is making changes, for the history: the coordinator's name, else the system user. */
  actor(): string;
}
