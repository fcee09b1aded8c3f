import { openBackend } from '../../electron/backend/backend';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { insertSubmission } from '../../electron/db/repos/submissions';
import { seedDepartmentNames } from '../support/seed';
import { quietLog } from '../support/call';
import { signerOf, submissionRow } from '../support/submissions';
import { reportData } from '../fixtures/report-data';
import { percentile, round, timeMs, withTempDir, type Benchmark } from './harness';

const months = 36;
const samples = 200;

/**
 * office.matrix through the router (validation included) for the seed plan's 27 departments
 * × 36 months, over ~1,200 stored submissions: most months reported, every fifth re-sent,
 * every seventh missing, some late, a few signers unregistered, each with a full report.json.
 */
export const officeMatrixBenchmark: Benchmark = {
  name: 'office-matrix',
  run: () =>
    withTempDir(async (dir) => {
      const backend = await openBackend({ dataDir: dir, runtime: 'cli', logger: quietLog, now: () => new Date('2019-07-15T04:00:00Z') });
      try {
        const report = JSON.stringify(reportData);
        let stored = 0;
        backend.db.transaction(() => {
          seedDepartmentNames.forEach((department, d) => {
            if (d % 9 !== 0) setTrustedSigner(backend.db, signerOf(department), department, '2016-07-01T00:00:00Z');
            for (let m = 0; m < months; m += 1) {
              if ((d + m) % 7 === 0) continue;
              const year = 2016 + Math.floor((6 + m) / 12);
              const month = String(((6 + m) % 12) + 1).padStart(2, '0');
              const day = (d + m) % 5 === 0 ? '28' : '10';
              const first = `${String(year)}-${month}-${day}T09:00:00+08:00`;
              insertSubmission(backend.db, submissionRow(department, `${String(year)}-${month}`, first, { report }));
              stored += 1;
              if ((d + m) % 5 === 1) {
                insertSubmission(
                  backend.db,
                  submissionRow(department, `${String(year)}-${month}`, first.replace('T09', 'T18'), { report }),
                );
                stored += 1;
              }
            }
          });
        })();
        const request = { granularity: 'month', from: '2016-07', to: '2019-06' };
        const first = await backend.router.dispatch('office.matrix', request);
        if (!first.ok) throw new Error(`office.matrix failed: ${first.error.code}`);
        const times: number[] = [];
        for (let i = 0; i < samples; i += 1) times.push((await timeMs(() => backend.router.dispatch('office.matrix', request))).ms);
        process.stderr.write(`office.matrix over ${String(stored)} submissions\n`);
        return [
          { name: 'office.matrix.p95.ms', value: round(percentile(times, 95)), unit: 'ms', budget: 50 },
          // The median, to tell a slow matrix from a busy machine.
          { name: 'office.matrix.p50.ms', value: round(percentile(times, 50)), unit: 'ms', budget: null },
        ];
      } finally {
        await backend.close();
      }
    }),
};
