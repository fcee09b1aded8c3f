import { homedir } from 'node:os';
import { join } from 'node:path';

export const appFolderName = 'PlanLedger';

/**
 * The per-user data folder, the same one Electron's `userData` resolves to for this app,
 * so the desktop app, the CLI and the dev host share one layout.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), appFolderName);
}

export interface DataLayout {
  dataDir: string;
  database: string;
  backups: string;
  evidence: string;
  /** Packages received as the office, content-addressed like evidence: received/<aa>/<sha256>.plreport (never deleted). */
  received: string;
  logs: string;
  tmp: string;
}

export function dataLayout(dataDir: string): DataLayout {
  return {
    dataDir,
    database: join(dataDir, 'planledger.sqlite'),
    backups: join(dataDir, 'backups'),
    evidence: join(dataDir, 'evidence'),
    received: join(dataDir, 'received'),
    logs: join(dataDir, 'logs'),
    tmp: join(dataDir, 'tmp'),
  };
}
