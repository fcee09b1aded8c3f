import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { causeText } from '../../shared/api/error-text';
import { openRecoverableBackend } from '../backend/startup';
import { createFileLogger, errorDetails } from '../lib/log';
import { dataLayout, defaultDataDir } from '../lib/paths';
import { startDevHost } from './server';

const usage = `Usage: npm run web -- [--data-dir DIR] [--port N] [--watch DIR]

Serves the built renderer and the PlanLedger API on http://127.0.0.1 for browser testing.
--watch DIR watches DIR as the office's watched folder (a browser cannot choose a folder).
Prints one line PLANLEDGER_URL=<url with token> when ready; stops on Ctrl+C or SIGTERM.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      watch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);

  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const log = createFileLogger(dataLayout(dataDir).logs, { echo: process.env.PLANLEDGER_LOG_ECHO === '1' });
  // The watcher runs here as in the app; a browser cannot pick a folder, so --watch names one.
  const watch = values.watch === undefined ? {} : { folder: resolve(values.watch) };
  const app = await openRecoverableBackend({ dataDir, runtime: 'web', logger: log, watch });
  const host = await startDevHost({
    router: app.router,
    files: app.files,
    preview: app.preview,
    rendererDir: join(dirname(__filename), '..', 'renderer'),
    port,
    log,
  });

  // Handlers go in before the URL is printed: whoever reads it may signal us at once.
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host
      .close()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          // As an unhandled rejection would: on stderr, exit status 1; and in the log.
          log.error('the dev host did not stop cleanly', errorDetails(error));
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.write(`PLANLEDGER_URL=${host.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`planledger web: ${causeText(error)}\n`);
  process.exit(1);
});
