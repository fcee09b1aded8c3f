// `npm run bench [-- --out FILE] [--only NAME,…]`: runs every benchmark, prints a table and
// writes {commit, node, metrics[{name, value, unit, budget}]} as JSON.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evidenceBenchmark } from './evidence.bench';
import { withinBudget, type Benchmark, type Metric } from './harness';
import { ledgerImportBenchmark } from './ledger-import.bench';
import { ledgerExportBenchmark } from './ledger-export.bench';
import { officeMatrixBenchmark } from './office-matrix.bench';
import { officeReceiveBenchmark } from './office-receive.bench';
import { planBenchmark } from './plan.bench';
import { previewBenchmark } from './preview.bench';
import { reportLimitsBenchmark } from './report-limits.bench';
import { reportDocxBenchmark } from './report-docx.bench';
import { reportBenchmark } from './report.bench';
import { startupBenchmark } from './startup.bench';
import { workspaceBenchmark } from './workspace.bench';

const benchmarks: Benchmark[] = [
  startupBenchmark,
  planBenchmark,
  workspaceBenchmark,
  evidenceBenchmark,
  reportBenchmark,
  reportLimitsBenchmark,
  reportDocxBenchmark,
  previewBenchmark,
  officeMatrixBenchmark,
  officeReceiveBenchmark,
  ledgerExportBenchmark,
  ledgerImportBenchmark,
];

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const only = values.only?.split(',');
  const metrics: Metric[] = [];
  for (const benchmark of benchmarks) {
    if (only && !only.includes(benchmark.name)) continue;
    process.stderr.write(`running ${benchmark.name}…\n`);
    metrics.push(...(await benchmark.run()));
  }

  const rows = metrics.map((m) => ({
    metric: m.name,
    value: `${m.value} ${m.unit}`,
    budget: m.budget === null ? '' : `${m.higher ? '≥ ' : ''}${m.budget} ${m.unit}`,
    within: m.budget === null ? '' : withinBudget(m) ? 'yes' : 'NO',
  }));
  console.table(rows);

  const out = resolve(values.out ?? 'bench-results.json');
  writeFileSync(out, `${JSON.stringify({ commit: currentCommit(), node: process.version, metrics }, null, 2)}\n`);
  process.stderr.write(`wrote ${out}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
