import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey } from '../../electron/services/report/keys';
import { defaultVerifyLimits, manifestAllowance } from '../../electron/services/report/package/limits';
import { verifyReportPackage } from '../../electron/services/report/package/verify';
import { writeReportPackage, type ReportEntry } from '../../electron/services/report/package/write';
import type { ManifestContent } from '../../shared/report/manifest';
import { buildZip, readZip } from '../unit/report/raw-zip';
import { benchmarkWithChild, metricsFromChild, metricValue, peakRssKb, round, timeMs, type Benchmark, type Metric } from './harness';

/** Set in the child process that verifies one package alone, so its peak RSS is that verification's. */
const verifyJobVariable = 'PLANLEDGER_BENCH_VERIFY_JOB';
/** What every package at or below the limits must stay within (issue 13). */
const budgetMs = 10_000;
const budgetMb = 300;

interface VerifyJob {
  file: string;
  /** Whether the package is meant to verify (the hostile ones are meant to be refused). */
  intact: boolean;
}

/**
 * The verifier at its limits, each package verified in a child process of its own: the
 * largest package by count the writer can make that still verifies (10,000 entries, paths
 * near 255 bytes, so the manifest is near its allowance too), and hostile manifests filling
 * that allowance: brackets nested as deep as the bytes allow, and summary counters.
 */
export const reportLimitsBenchmark: Benchmark = benchmarkWithChild<VerifyJob>(
  'report-limits',
  verifyJobVariable,
  measure,
  verifyInThisProcess,
);

async function measure(dir: string): Promise<Metric[]> {
  const intact = join(dir, 'max-entries.plreport');
  await writeMaxEntriesPackage(intact);
  const entries = readZip(readFileSync(intact));
  const allowance = manifestAllowance(entries.length, defaultVerifyLimits);
  const withManifest = (name: string, manifest: Buffer) => {
    const file = join(dir, name);
    writeFileSync(
      file,
      buildZip(
        entries.map((entry) => (entry.name === 'manifest.json' ? { ...entry, data: manifest, raw: undefined, crc: undefined } : entry)),
      ),
    );
    return file;
  };
  const half = Math.floor(allowance / 2);
  const nested = withManifest('nested.plreport', Buffer.from(`${'['.repeat(half)}${']'.repeat(half)}`));
  const counterText = (index: number) => `"c${index.toString(36).padStart(6, '0')}":1`;
  const counterCount = Math.floor((allowance - 64) / (counterText(0).length + 1));
  const counters = withManifest(
    'counters.plreport',
    Buffer.from(`{"summary":{${Array.from({ length: counterCount }, (_, index) => counterText(index)).join(',')}}}`),
  );

  const metrics: Metric[] = [];
  for (const [name, file, isIntact] of [
    ['max_entries', intact, true],
    ['nested_manifest', nested, false],
    ['counters_manifest', counters, false],
  ] as const) {
    const { ms, peakRssMb } = await verifyInChildProcess(dir, { file, intact: isIntact });
    metrics.push(
      { name: `report.limits.${name}.ms`, value: round(ms), unit: 'ms', budget: budgetMs },
      { name: `report.limits.${name}.peak_rss.mb`, value: round(peakRssMb), unit: 'MB', budget: budgetMb },
    );
  }
  return metrics;
}

/** 10,000 entries in all (the limit): the three report files, 9,994 tiny attachments and what the writer adds. */
async function writeMaxEntriesPackage(outFile: string): Promise<void> {
  const count = defaultVerifyLimits.maxEntries - 6;
  const longName = '质量提升行动工作材料'.repeat(7); // 210 bytes of UTF-8
  const entries: ReportEntry[] = [
    { path: 'report.json', data: '{"tasks":[]}' },
    { path: 'report.html', data: '<!doctype html><meta charset="utf-8"><title>报告</title>' },
    { path: 'report.csv', data: '\ufeff任务,状态\n' },
    ...Array.from({ length: count }, (_, index) => ({
      path: `attachments/2.1.${index % 50}/${longName}-${index}.txt`,
      data: `材料 ${index}\n`,
    })),
  ];
  const manifest: ManifestContent = {
    plan: { title: '山东省质量行动计划', docNumber: null, sha256: '0'.repeat(64) },
    department: '省市场监管局',
    period: { from: '2026-07-01', to: '2026-09-30', label: '2026年第三季度' },
    generatedAt: '2026-11-25T14:03:00+08:00',
    generator: { name: 'PlanLedger', version: 'bench' },
    summary: { attachments: count },
  };
  await writeReportPackage({ outFile, entries, manifest, signer: generateSigningKey() });
}

async function verifyInChildProcess(dir: string, job: VerifyJob): Promise<{ ms: number; peakRssMb: number }> {
  const metrics = await metricsFromChild(dir, 'report-limits', verifyJobVariable, job);
  return { ms: metricValue(metrics, 'report.limits.child.ms'), peakRssMb: metricValue(metrics, 'report.limits.child.peak_rss.mb') };
}

async function verifyInThisProcess({ file, intact }: VerifyJob): Promise<Metric[]> {
  const { ms, result } = await timeMs(() => verifyReportPackage(file));
  if (result.ok !== intact) throw new Error(`${file}: ${result.ok ? 'accepted' : `refused: ${result.reason} ${result.detail}`}`);
  return [
    { name: 'report.limits.child.ms', value: ms, unit: 'ms', budget: null },
    { name: 'report.limits.child.peak_rss.mb', value: peakRssKb() / 1024, unit: 'MB', budget: null },
  ];
}
