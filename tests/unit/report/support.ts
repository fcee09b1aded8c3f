import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestContent } from '../../../shared/report/manifest';
import { generateSigningKey, type SigningKey } from '../../../electron/services/report/keys';
import { writeReportPackage, type ReportEntry } from '../../../electron/services/report/package/write';

export const sampleContent: ManifestContent = {
  plan: { title: '山东省质量行动计划', docNumber: '鲁政发〔2016〕13号', sha256: createHash('sha256').update('plan').digest('hex') },
  department: '省市场监管局',
  period: { from: '2026-07-01', to: '2026-09-30', label: '2026年第三季度' },
  generatedAt: '2026-11-25T14:03:00+08:00',
  generator: { name: 'PlanLedger', version: '0.1.0' },
  summary: { measures: 12, tasks: 40, tasksDone: 31, attachments: 2 },
};

/** One key for the whole run: generating is cheap, but a shared signer keeps fixtures comparable. */
export const signer: SigningKey = generateSigningKey();

export const reportJson = JSON.stringify(
  { department: sampleContent.department, tasks: [{ id: 1, title: '完善质量标准体系', done: true }] },
  null,
  2,
);
export const reportHtml = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>报告</title><body>${'<p>完成情况良好。</p>'.repeat(200)}</body></html>`;
export const reportCsv = `\ufeff任务,状态\n${'完善质量标准体系,已完成\n'.repeat(300)}`;

/** A deterministic pseudo-random source (mulberry32): same seed, same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Incompressible bytes, the same every run, standing in for photos and scans. */
export function noise(length: number, seed: number): Buffer {
  const random = seededRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index += 1) bytes[index] = Math.floor(random() * 256);
  return bytes;
}

export interface SamplePackage {
  file: string;
  /** Evidence files on disk, by entry path. */
  evidence: Map<string, Buffer>;
}

/**
 * A small but realistic package (~40 KB): the three report files, a "photo" and a "scan"
 * of random bytes (stored) and a text attachment (deflated). `scale` multiplies the evidence
 * sizes: at 150 the entries (3 MiB, 1.7 MiB, 2.4 MiB) are read in chunks, not at once.
 */
export async function writeSamplePackage(dir: string, { scale = 1 }: { scale?: number } = {}): Promise<SamplePackage> {
  const evidence = new Map<string, Buffer>([
    ['attachments/现场照片.jpg', noise(20_000 * scale, 1)],
    ['attachments/scan.pdf', noise(12_000 * scale, 2)],
    ['attachments/会议纪要.txt', Buffer.from(`${noise(3000 * scale, 3).toString('base64')}\n`)],
  ]);
  const entries: ReportEntry[] = [
    { path: 'report.json', data: reportJson },
    { path: 'report.html', data: reportHtml },
    { path: 'report.csv', data: Buffer.from(reportCsv) },
  ];
  for (const [path, content] of evidence) {
    const source = join(dir, `source-${entries.length}`);
    writeFileSync(source, content);
    entries.push({ path, file: source });
  }
  const file = join(dir, 'sample.plreport');
  await writeReportPackage({ outFile: file, entries, manifest: sampleContent, signer });
  return { file, evidence };
}
