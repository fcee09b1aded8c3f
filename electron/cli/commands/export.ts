import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { formatFingerprint } from '../../../shared/report/manifest';
import { openBackend } from '../../backend/backend';
import type { TFunction } from 'i18next';
import type { Job } from '../../../shared/api/calls/jobs';
import type { JobRunner } from '../../services/jobs/runner';
import { startExport } from '../../services/report/export';
import { createKey } from '../../services/report/signing';
import { scopeFor } from '../../services/workspace/scope';
import { usageError, type Command } from '../command';

const progressEveryMs = 200;

/** Waits for the job; on a terminal, shows its percentage on one line of stderr meanwhile. */
async function settleShowingProgress(jobs: JobRunner, jobId: string, show: ((text: string) => void) | null, t: TFunction): Promise<Job> {
  if (show === null) return jobs.settled(jobId);
  const timer = setInterval(() => {
    const { state, done, total } = jobs.get(jobId);
    if (state === 'running' && total > 0) show(`\r${t('report.cli.export.progress', { percent: Math.floor((done / total) * 100) })}`);
  }, progressEveryMs);
  try {
    return await jobs.settled(jobId);
  } finally {
    clearInterval(timer);
    show('\r\x1b[K');
  }
}

/**
 * `export --department NAME --period P --out FILE`: the same signed package the app
 * writes. The passphrase comes from PLANLEDGER_PASSPHRASE (never from the command line,
 * where other users could read it); a department without a key gets one, sealed with it.
 */
export const exportCommand: Command = {
  name: 'export',
  synopsis: 'export --department NAME --period P --out FILE',
  summaryKey: 'report.cli.export.summary',
  options: {
    department: { type: 'string', descriptionKey: 'report.cli.export.department', valueName: 'NAME' },
    period: { type: 'string', descriptionKey: 'report.cli.export.period', valueName: 'P' },
    out: { type: 'string', descriptionKey: 'report.cli.export.out', valueName: 'FILE' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, dataDir, io, t }) {
    const department = values.department;
    const period = values.period;
    const out = values.out;
    if (typeof department !== 'string' || typeof period !== 'string' || typeof out !== 'string') {
      io.stderr(usageError(t, exportCommand.synopsis));
      return 2;
    }
    const passphrase = io.env.PLANLEDGER_PASSPHRASE ?? null;
    // An empty data folder is set up like the app's first run: the embedded plan is loaded.
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const scope = scopeFor(backend.db, department);
      await createKey(backend.ctx, scope, passphrase);

      const jobId = await startExport(backend.ctx, scope, { periodKey: period, outFile: resolve(out), passphrase });
      // Ctrl+C cancels the job, which removes its partial file, instead of killing the process mid-write.
      const stopListening = io.onInterrupt?.(() => backend.ctx.jobs.cancel(jobId)) ?? (() => undefined);
      const job = await settleShowingProgress(backend.ctx.jobs, jobId, io.progress === true ? io.stderr : null, t);
      stopListening();
      if (job.state === 'cancelled') {
        io.stderr(`${t('errors.report.cancelled')}\n`);
        return 130;
      }
      if (job.state !== 'done' || job.result?.kind !== 'report.export') {
        throw job.error ? new AppError(job.error.code, job.error.params) : new AppError('internal');
      }
      io.stdout(
        `${t('report.cli.export.done', { file: resolve(out), size: job.result.size })}\n` +
          `${t('report.cli.export.signer', { fingerprint: formatFingerprint(job.result.fingerprint) })}\n`,
      );
      return 0;
    } finally {
      await backend.close();
    }
  },
};
