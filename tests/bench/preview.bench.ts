import { closeSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openBackend } from '../../electron/backend/backend';
import { answerPreview } from '../../electron/backend/preview-http';
import { generateSigningKey } from '../../electron/services/report/keys';
import { writeReportPackage } from '../../electron/services/report/package/write';
import { callOrThrow, quietLog } from '../support/call';
import { benchmarkWithChild, metricsFromChild, peakRssKb, round, type Benchmark, type Metric } from './harness';

const MiB = 1024 * 1024;
/** A received package whose report.html is 1 GiB (within the verifier's limits), as a hostile sender would make it. */
const pageBytes = 1024 * MiB;
/** Set in the child process that verifies and previews alone, so its peak RSS is theirs. */
const previewJobVariable = 'PLANLEDGER_BENCH_PREVIEW';

interface PreviewJob {
  dataDir: string;
  packageFile: string;
}

/**
 * Verifying a received package with a 1 GiB report.html and requesting its preview as the
 * hosts do (the answer drained as if sent): the peak memory of the process that does it,
 * and what stays in the data folder's tmp/.
 */
export const previewBenchmark: Benchmark = benchmarkWithChild<PreviewJob>('preview', previewJobVariable, measure, previewInThisProcess);

async function measure(dir: string): Promise<Metric[]> {
  const packageFile = join(dir, 'hostile.plreport');
  await writeHostilePackage(dir, packageFile);
  const job: PreviewJob = { dataDir: join(dir, 'data'), packageFile };
  return metricsFromChild(dir, 'preview', previewJobVariable, job);
}

async function writeHostilePackage(dir: string, outFile: string): Promise<void> {
  const page = join(dir, 'report.html');
  const fd = openSync(page, 'w');
  const block = Buffer.alloc(MiB, '<p>推进质量提升行动。</p>\n');
  for (let written = 0; written < pageBytes; written += block.length) writeSync(fd, block);
  closeSync(fd);
  await writeReportPackage({
    outFile,
    entries: [
      { path: 'report.json', data: '{}' },
      { path: 'report.html', file: page },
    ],
    manifest: {
      plan: { title: '山东省质量行动计划', docNumber: null, sha256: '0'.repeat(64) },
      department: '省市场监管局',
      period: { from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' },
      generatedAt: '2016-12-31T10:00:00+08:00',
      generator: { name: 'PlanLedger', version: 'bench' },
      summary: { attachments: 0 },
    },
    signer: generateSigningKey(),
  });
}

async function previewInThisProcess({ dataDir, packageFile }: PreviewJob): Promise<Metric[]> {
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  try {
    const { jobId } = await callOrThrow(backend.router, 'reports.verify', { fileId: backend.ctx.files.registerExisting(packageFile).id });
    const job = await backend.ctx.jobs.settled(jobId);
    const outcome = job.result?.kind === 'report.verify' ? job.result.outcome : null;
    if (!outcome?.ok) throw new Error(`the benchmark package was refused: ${JSON.stringify(outcome ?? job.error)}`);
    const answer = answerPreview(backend.preview, new URL(`http://127.0.0.1/preview/verified/${outcome.verifiedId}/report.html`));
    let sent = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        done();
      },
    });
    if (typeof answer?.body === 'object' && 'pipe' in answer.body) await pipeline(answer.body, sink);
    else sent = Buffer.byteLength(answer?.body ?? '');
    return [
      { name: 'preview.hostile.peak_rss.mb', value: round(peakRssKb() / 1024), unit: 'MB', budget: 250 },
      { name: 'preview.hostile.tmp.mb', value: round(folderBytes(backend.layout.tmp) / MiB), unit: 'MB', budget: 64 },
      { name: 'preview.hostile.sent.mb', value: round(sent / MiB), unit: 'MB', budget: null },
    ];
  } finally {
    await backend.close();
  }
}

function folderBytes(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(join(folder, entry));
    if (stats.isFile()) bytes += stats.size;
  }
  return bytes;
}
