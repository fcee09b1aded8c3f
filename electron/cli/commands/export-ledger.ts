import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { openBackend } from '../../backend/backend';
import { startLedgerExport } from '../../services/ledger/export';
import { scopeFor } from '../../services/workspace/scope';
import { usageError, type Command } from '../command';

const progressEveryMs = 200;

/**
 * `export-ledger --department NAME --out FILE.xlsx`: the department's ledger (工作台账) as the
 * app writes it. Exit codes as `export`: 0 written, 1 failed (one sentence on stderr), 2 usage,
 * 130 interrupted (Ctrl+C cancels the job, which removes its partial file).
 */
export const exportLedgerCommand: Command = {
  name: 'export-ledger',
  synopsis: 'export-ledger --department NAME --out FILE.xlsx',
  summaryKey: 'cli.exportLedger.summary',
  options: {
    department: { type: 'string', descriptionKey: 'cli.exportLedger.department', valueName: 'NAME' },
    out: { type: 'string', descriptionKey: 'cli.exportLedger.out', valueName: 'FILE.xlsx' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, dataDir, io, t }) {
    const department = values.department;
    const out = values.out;
    if (typeof department !== 'string' || typeof out !== 'string') {
      io.stderr(usageError(t, exportLedgerCommand.synopsis));
      return 2;
    }
    const outFile = resolve(out);
    // An empty data folder is set up like the app's first run: the embedded plan is loaded.
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const jobs = backend.ctx.jobs;
      const jobId = startLedgerExport(backend.ctx, scopeFor(backend.db, department), outFile);
      const stopListening = io.onInterrupt?.(() => jobs.cancel(jobId)) ?? (() => undefined);
      const timer =
        io.progress === true
          ? setInterval(() => {
              const { state, done, total } = jobs.get(jobId);
              if (state === 'running' && total > 0) io.stderr(`\r${t('cli.exportLedger.progress', { done, total })}`);
            }, progressEveryMs)
          : null;
      const job = await jobs.settled(jobId);
      if (timer) {
        clearInterval(timer);
        io.stderr('\r\x1b[K');
      }
      stopListening();
      if (job.state === 'cancelled') {
        io.stderr(`${t('errors.ledger.export_cancelled')}\n`);
        return 130;
      }
      if (job.state !== 'done' || job.result?.kind !== 'ledger.export') {
        throw job.error ? new AppError(job.error.code, job.error.params) : new AppError('internal');
      }
      const { tasks, measures, size } = job.result;
      io.stdout(`${t('cli.exportLedger.done', { file: outFile, measures, tasks, size })}\n`);
      return 0;
    } finally {
      await backend.close();
    }
  },
};
