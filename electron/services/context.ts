import type { Settings } from '../../shared/api/calls/settings';
import type { Runtime } from '../../shared/api/calls/app';
import type { DataLayout } from '../lib/paths';
import type { Logger } from '../lib/log';
import type { Db } from '../db/database';
import type { FileRegistry } from './files';
import type { JobRunner } from './jobs/runner';

/**
 * The operating system's secret store (Electron's safeStorage: DPAPI on Windows, Keychain
 * on macOS, libsecret/kwallet on Linux). Absent in the CLI and the dev host, and when the
 * only Linux backend is `basic_text`; then keys are sealed with a passphrase instead.
 */
export interface OsSecretStore {
  /** Seals the private key's PKCS#8 DER; the caller wipes `plain` afterwards. */
  seal(plain: Buffer): Promise<Buffer>;
  /** The DER again, in a buffer the caller wipes once the key is made from it. */
  open(sealed: Buffer): Promise<Buffer>;
}

export interface ServiceEvents {
  settingsChanged(settings: Settings): void;
}

/** Everything a service needs, passed in: no Electron, no globals, so tests, CLI and dev host share it. */
export interface ServiceContext {
  /** Replaced when a backup is restored; always read it through the context, never keep it. */
  db: Db;
  /** Opens the database file again (after a restore), migrations included. */
  reopenDatabase(): Promise<Db>;
  /** better-sqlite3 build for this runtime, for opening backup copies. */
  nativeBinding: string | undefined;
  layout: DataLayout;
  runtime: Runtime;
  /** process.platform, or the one a test stands in for (files from elsewhere are marked on 'win32'). */
  platform: NodeJS.Platform;
  now: () => Date;
  log: Logger;
  electronVersion: string | null;
  events: ServiceEvents;
  files: FileRegistry;
  /** The OS secret store for sealing signing keys, or null (CLI, dev host, Linux without a keyring). */
  osSecrets: OsSecretStore | null;
  /** Long-running work (evidence copies, report exports) with progress and cancel. */
  jobs: JobRunner;
  /** Who is making changes, for the history: the coordinator's name, else the system user. */
  actor(): string;
}
