import { resolve } from 'node:path';

export interface MainArgs {
  /** `--data-dir DIR` or `--data-dir=DIR`: tests and portable use. */
  dataDir: string | null;
  /** A report file passed by the OS file association (double-click on a .plreport). */
  openFile: string | null;
}

/** Reads our flags from Electron's argv, ignoring Chromium's and the app path. */
export function parseMainArgs(argv: readonly string[], cwd: string = process.cwd()): MainArgs {
  let dataDir: string | null = null;
  let openFile: string | null = null;
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--data-dir' && argv[i + 1] !== undefined) {
      dataDir = resolve(cwd, argv[i + 1] as string);
      i += 1;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = resolve(cwd, arg.slice('--data-dir='.length));
    } else if (!arg.startsWith('-') && arg.toLowerCase().endsWith('.plreport')) {
      openFile = resolve(cwd, arg);
    }
  }
  return { dataDir, openFile };
}
