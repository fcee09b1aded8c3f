import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { runImport } from '../../electron/services/ledger/import';
import { scopeFor } from '../../electron/services/workspace/scope';
import { quietLog } from '../support/call';
import { manyBreakdownRows, writeZhijianBreakdownXlsx } from '../support/sheet-fixtures/task-breakdowns';
import { benchmarkWithChild, metricsFromChild, metricValue, peakRssKb, round, timeMs, type Benchmark, type Metric } from './harness';

/** Set in the child process that runs the import alone, so its peak RSS is the import's. */
const importJobVariable = 'PLANLEDGER_BENCH_LEDGER_IMPORT';
const rowCount = 10_000;

interface ImportJob {
  dataDir: string;
  sheet: string;
}

/**
 * Importing a 10,000-row task breakdown (.xlsx, every field set) into a fresh data folder,
 * as `import-tasks` does: reading, planning, and one transaction with 60,000 history entries.
 */
export const ledgerImportBenchmark: Benchmark = benchmarkWithChild<ImportJob>(
  'ledger-import',
  importJobVariable,
  measure,
  importInThisProcess,
);

async function measure(dir: string): Promise<Metric[]> {
  const sheet = join(dir, 'breakdown-10k.xlsx');
  await writeZhijianBreakdownXlsx(sheet, manyBreakdownRows(rowCount));
  // The data folder is made (and the embedded plan loaded) here, so the child times the import alone.
  const dataDir = join(dir, 'data');
  await (await openBackend({ dataDir, runtime: 'cli', logger: quietLog })).close();
  const metrics = await metricsFromChild(dir, 'ledger-import', importJobVariable, { dataDir, sheet });
  return [
    { name: 'ledger.import.10k.s', value: round(metricValue(metrics, 'ledger.import.child.ms') / 1000), unit: 's', budget: 10 },
    // CPU time says what the import costs on a machine busy with other work, where wall time does not.
    { name: 'ledger.import.10k.cpu.s', value: round(metricValue(metrics, 'ledger.import.child.cpu.ms') / 1000), unit: 's', budget: null },
    {
      name: 'ledger.import.10k.peak_rss.mb',
      value: round(metricValue(metrics, 'ledger.import.child.peak_rss.mb')),
      unit: 'MB',
      budget: 300,
    },
  ];
}

async function importInThisProcess({ dataDir, sheet }: ImportJob): Promise<Metric[]> {
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  try {
    const scope = scopeFor(backend.db, '质监');
    const cpuBefore = process.cpuUsage();
    const { ms, result } = await timeMs(() =>
      runImport(backend.ctx, scope, { path: sheet, sheet: null, mapping: null }, (fields) => fields.join(', ')),
    );
    const cpu = process.cpuUsage(cpuBefore);
    if (result.added !== rowCount) throw new Error(`the benchmark sheet imported ${String(result.added)} of ${String(rowCount)} rows`);
    return [
      { name: 'ledger.import.child.ms', value: ms, unit: 'ms', budget: null },
      { name: 'ledger.import.child.cpu.ms', value: (cpu.user + cpu.system) / 1000, unit: 'ms', budget: null },
      { name: 'ledger.import.child.peak_rss.mb', value: peakRssKb() / 1024, unit: 'MB', budget: null },
    ];
  } finally {
    await backend.close();
  }
}
