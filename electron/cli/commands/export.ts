import { resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { formatFingerprint } from '../../../shared/report/manifest';
import { openBackend } from '../../app/backend';
import { findDepartmentId } from '../../db/repos/departments';
import { findSigningKey } from '../../db/repos/reports';
import { activePlanId } from '../../services/plan/active';
import { startExport } from '../../services/report/export';
import { createKey } from '../../services/report/signing';
import type { Command } from '../command';

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
      io.stderr(`${t('cli.error')}: ${t('cli.badOption', { detail: `${t('cli.usage')}: planledger ${exportCommand.synopsis}` })}\n`);
      return 2;
    }
    const passphrase = io.env.PLANLEDGER_PASSPHRASE ?? null;
    // An empty data folder is set up like the app's first run: the embedded plan is loaded.
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const planId = activePlanId(backend.db);
      if (planId === null) throw new AppError('plan.none');
      const departmentId = findDepartmentId(backend.db, department);
      if (departmentId === undefined) throw new AppError('department.unknown', { name: department });
      const scope = { planId, departmentId, department };
      if (!findSigningKey(backend.db, departmentId)) await createKey(backend.ctx, scope, passphrase);

      const jobId = await startExport(backend.ctx, scope, { periodKey: period, outFile: resolve(out), passphrase });
      const job = await backend.ctx.jobs.settled(jobId);
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
