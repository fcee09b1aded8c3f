import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { startLedgerExport } from '../../electron/services/ledger/export';
import { scopeFor } from '../../electron/services/workspace/scope';
import { quietLog } from '../support/call';
import { ledgerDepartment, seedManyTasks } from '../support/ledger-fixtures';
import { benchmarkWithChild, metricsFromChild, metricValue, peakRssKb, round, timeMs, type Benchmark, type Metric } from './harness';

/** Set in the child process that exports the ledger alone, so its peak RSS is the export's. */
const exportJobVariable = 'PLANLEDGER_BENCH_LEDGER_EXPORT_JOB';
const taskCount = 50_000;

interface ExportJob {
  dataDir: string;
  outFile: string;
}

/**
 * The ledger export (issue 12) of a department with 50,000 tasks spread over its measures,
 * as the job the app runs, in a child process of its own: seconds to a complete, synced
 * .xlsx, and the export's peak RSS (the writer streams, so it should not grow with the ledger).
 */
export const ledgerExportBenchmark: Benchmark = benchmarkWithChild<ExportJob>(
  'ledger-export',
  exportJobVariable,
  measure,
  exportInThisProcess,
);

async function measure(dir: string): Promise<Metric[]> {
  const dataDir = join(dir, 'data');
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  try {
    seedManyTasks(backend.db, ledgerDepartment, taskCount);
  } finally {
    await backend.close();
  }
  const outFile = join(dir, 'ledger.xlsx');
  const metrics = await metricsFromChild(dir, 'ledger-export', exportJobVariable, { dataDir, outFile } satisfies ExportJob);
  return [
    { name: 'ledger.export.50k.s', value: round(metricValue(metrics, 'ledger.export.child.ms') / 1000), unit: 's', budget: 10 },
    {
      name: 'ledger.export.50k.peak_rss.mb',
      value: round(metricValue(metrics, 'ledger.export.child.peak_rss.mb')),
      unit: 'MB',
      budget: 300,
    },
    {
      // CPU seconds (user + system) of the export: what the wall-clock figure is on a machine no one else is using.
      name: 'ledger.export.50k.cpu.s',
      value: round(metricValue(metrics, 'ledger.export.child.cpu_ms') / 1000),
      unit: 's',
      budget: null,
    },
    {
      // The peak before the export started (the app opened, its database checked): what the export adds is the difference.
      name: 'ledger.export.50k.peak_rss_before_export.mb',
      value: round(metricValue(metrics, 'ledger.export.child.peak_rss_before.mb')),
      unit: 'MB',
      budget: null,
    },
    { name: 'ledger.export.50k.file.mb', value: round(statSync(outFile).size / (1024 * 1024)), unit: 'MB', budget: null },
  ];
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function exportInThisProcess({ dataDir, outFile }: ExportJob): Promise<Metric[]> {
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  try {
    const rssBeforeMb = peakRssKb() / 1024;
    const cpuBefore = process.cpuUsage();
    const { ms, result: job } = await timeMs(async () => {
      const jobId = startLedgerExport(backend.ctx, scopeFor(backend.db, ledgerDepartment), outFile);
      return backend.ctx.jobs.settled(jobId);
    });
    if (job.state !== 'done' || job.result?.kind !== 'ledger.export' || job.result.tasks !== taskCount) {
      throw new Error(`ledger export: ${JSON.stringify(job)}`);
    }
    return [
      { name: 'ledger.export.child.ms', value: ms, unit: 'ms', budget: null },
      { name: 'ledger.export.child.cpu_ms', value: cpuMs(process.cpuUsage(cpuBefore)), unit: 'ms', budget: null },
      { name: 'ledger.export.child.peak_rss.mb', value: peakRssKb() / 1024, unit: 'MB', budget: null },
      { name: 'ledger.export.child.peak_rss_before.mb', value: rssBeforeMb, unit: 'MB', budget: null },
    ];
  } finally {
    await backend.close();
  }
}
