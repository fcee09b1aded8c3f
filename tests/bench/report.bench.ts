import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateSigningKey } from '../../electron/services/report/keys';
import { verifyReportPackage } from '../../electron/services/report/package/verify';
import { writeReportPackage, type ReportEntry } from '../../electron/services/report/package/write';
import type { ManifestContent } from '../../shared/report/manifest';
import { benchmarkWithChild, metricsFromChild, metricValue, peakRssKb, round, timeMs, type Benchmark, type Metric } from './harness';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const evidenceBytes = 1024 * MiB;
/** Set in the child process that runs the export alone, so its peak RSS is the export's. */
const exportJobVariable = 'PLANLEDGER_BENCH_REPORT_EXPORT';

interface ExportJob {
  evidenceDir: string;
  outFile: string;
}

/**
 * Exporting and verifying a package with 1 GiB of evidence, against what standard tools
 * take for the same bytes: `zip -0` plus `openssl dgst -sha256` for the export, and
 * `openssl dgst -sha256` of the package for verification.
 */
export const reportBenchmark: Benchmark = benchmarkWithChild<ExportJob>('report', exportJobVariable, measure, exportInThisProcess);

async function measure(dir: string): Promise<Metric[]> {
  const evidenceDir = join(dir, 'evidence');
  const files = writeEvidence(evidenceDir);

  const zipMs = (await timeMs(() => run('zip', ['-0', '-q', '-r', join(dir, 'base.zip'), 'evidence'], { cwd: dir }))).ms;
  rmSync(join(dir, 'base.zip'));
  const dgstMs = (await timeMs(() => run('openssl', ['dgst', '-sha256', ...files]))).ms;
  const baselineMs = zipMs + dgstMs;

  const outFile = join(dir, 'bench.plreport');
  const child = await exportInChildProcess(dir, { evidenceDir, outFile });

  const { ms: verifyMs, result } = await timeMs(() => verifyReportPackage(outFile));
  if (!result.ok) throw new Error(`the benchmark package was refused: ${result.reason} ${result.detail}`);
  const packageDgstMs = (await timeMs(() => run('openssl', ['dgst', '-sha256', outFile]))).ms;

  return [
    { name: 'report.baseline.zip_dgst.ms', value: round(baselineMs), unit: 'ms', budget: null },
    { name: 'report.export.ms', value: round(child.exportMs), unit: 'ms', budget: null },
    { name: 'report.export.ratio', value: round(child.exportMs / baselineMs), unit: '×', budget: 1.5 },
    { name: 'report.export.peak_rss.mb', value: round(child.peakRssMb), unit: 'MB', budget: 200 },
    { name: 'report.package.dgst.ms', value: round(packageDgstMs), unit: 'ms', budget: null },
    { name: 'report.verify.ms', value: round(verifyMs), unit: 'ms', budget: null },
    { name: 'report.verify.ratio', value: round(verifyMs / packageDgstMs), unit: '×', budget: 1.5 },
  ];
}

/**
 * 1 GiB of evidence in files of 1–64 MiB: about 70% already-compressed bytes (photos and
 * scans, here random) and 30% compressible text. Returns the file paths.
 */
function writeEvidence(dir: string): string[] {
  mkdirSync(dir);
  const text = Buffer.from(sampleText(4 * MiB));
  const noise = Buffer.alloc(MiB);
  const files: string[] = [];
  let written = 0;
  let textWritten = 0;
  for (let index = 0; written < evidenceBytes; index += 1) {
    const size = Math.min(evidenceBytes - written, (1 + ((index * 37) % 64)) * MiB);
    const isText = textWritten < 0.3 * (written + size);
    const file = join(dir, `evidence-${index}.${isText ? 'txt' : index % 2 ? 'pdf' : 'jpg'}`);
    const fd = openSync(file, 'w');
    for (let offset = 0; offset < size; offset += MiB) {
      const length = Math.min(MiB, size - offset);
      if (isText) writeSync(fd, text, (offset + index * 4096) % (text.length - MiB), length);
      else writeSync(fd, randomFillSync(noise), 0, length);
    }
    closeSync(fd);
    files.push(file);
    written += size;
    if (isText) textWritten += size;
  }
  return files;
}

/** Progress-report prose, Chinese and English words at random: deflates about 4:1. */
function sampleText(length: number): string {
  const words = [
    '质量',
    '提升',
    '行动',
    '计划',
    '措施',
    '完成',
    '推进',
    '落实',
    '部门',
    '标准',
    'quality',
    'measure',
    'task',
    'done',
    'report',
    '2026',
    '年',
    '月',
    '日',
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = words[Math.floor(Math.random() * words.length)] as string;
    parts.push(word, Math.random() < 0.1 ? '\n' : ' ');
    size += Buffer.byteLength(word) + 1;
  }
  return parts.join('');
}

async function exportInChildProcess(dir: string, job: ExportJob): Promise<{ exportMs: number; peakRssMb: number }> {
  const metrics = await metricsFromChild(dir, 'report', exportJobVariable, job);
  return { exportMs: metricValue(metrics, 'report.export.child.ms'), peakRssMb: metricValue(metrics, 'report.export.child.peak_rss.mb') };
}

async function exportInThisProcess({ evidenceDir, outFile }: ExportJob): Promise<Metric[]> {
  const entries: ReportEntry[] = [
    {
      path: 'report.json',
      data: JSON.stringify({ tasks: Array.from({ length: 200 }, (_, id) => ({ id, title: `任务 ${id}`, done: id % 3 === 0 })) }),
    },
    { path: 'report.html', data: `<!doctype html><meta charset="utf-8"><title>报告</title>${'<p>推进质量提升行动。</p>'.repeat(2000)}` },
    { path: 'report.csv', data: `\ufeff任务,状态\n${'完善标准体系,已完成\n'.repeat(2000)}` },
    ...readdirSync(evidenceDir).map((name) => ({ path: `attachments/${name}`, file: join(evidenceDir, name) })),
  ];
  const manifest: ManifestContent = {
    plan: { title: '山东省质量行动计划', docNumber: null, sha256: '0'.repeat(64) },
    department: '省市场监管局',
    period: { from: '2026-07-01', to: '2026-09-30', label: '2026年第三季度' },
    generatedAt: '2026-11-25T14:03:00+08:00',
    generator: { name: 'PlanLedger', version: 'bench' },
    summary: { attachments: entries.length - 3 },
  };
  const { ms } = await timeMs(() => writeReportPackage({ outFile, entries, manifest, signer: generateSigningKey() }));
  return [
    { name: 'report.export.child.ms', value: ms, unit: 'ms', budget: null },
    { name: 'report.export.child.peak_rss.mb', value: peakRssKb() / 1024, unit: 'MB', budget: null },
  ];
}
