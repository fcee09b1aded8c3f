import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReceiveItem } from '../../shared/api/calls/office';
import { createTranslator } from '../../electron/lib/i18n';
import { receivePackages, walkLimits } from '../../electron/services/office/receive';
import { receivedPath } from '../../electron/services/office/store';
import { writeReportPackage } from '../../electron/services/report/package/write';
import { expectApiError, openAsDepartment, useBackends, type TestBackend } from '../support/backend';
import { exportDepartmentPackages, type ExportedPackage } from '../support/office-packages';
import { useTempDirs } from '../support/temp';
import { buildZip, sampleFiles, signedEntries } from '../unit/report/raw-zip';
import { noise, sampleContent, signer, writeSamplePackage } from '../unit/report/support';

const openBackend = useBackends();
const tempDir = useTempDirs();
const zh = createTranslator('zh-CN');
const en = createTranslator('en');

let fixtures: string;
/** 经济和信息化 2016-H2, then 发展改革 and 住房城乡建设 2016-H2, then 经济和信息化 2016-H2 again, generated a week later. */
let exported: ExportedPackage[];
let tampered: string;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'planledger-office-fixtures-'));
  exported = await exportDepartmentPackages(fixtures, [
    { department: '经济和信息化', period: '2016-H2', name: 'a-经信-下半年.plreport', at: new Date('2017-01-10T09:00:00+08:00') },
    { department: '发展改革', period: '2016-H2', name: 'b-发改-下半年.plreport', at: new Date('2017-01-11T09:00:00+08:00') },
    { department: '住房城乡建设', period: '2016-H2', name: 'c-住建-下半年.plreport', at: new Date('2017-01-12T09:00:00+08:00') },
    { department: '经济和信息化', period: '2016-H2', name: 'd-经信-下半年-更正.plreport', at: new Date('2017-01-17T09:00:00+08:00') },
  ]);
  // A package altered after signing: one byte of a stored photo flipped.
  const sample = await writeSamplePackage(mkdtempSync(join(fixtures, 'sample-')));
  const bytes = readFileSync(sample.file);
  const at = bytes.indexOf(sample.evidence.get('attachments/scan.pdf') as Buffer) + 10;
  bytes[at] = (bytes[at] as number) ^ 0xff;
  tampered = join(fixtures, 'tampered.plreport');
  writeFileSync(tampered, bytes);
}, 60_000);

afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

function office(): Promise<TestBackend> {
  return openAsDepartment(openBackend, '经济和信息化');
}

/** Files left in received/ besides the packages kept under their content address (temp copies). */
function strayFiles(backend: TestBackend): string[] {
  if (!existsSync(backend.layout.received)) return [];
  return readdirSync(backend.layout.received).filter((name) => !/^[0-9a-f]{2}$/u.test(name));
}

function receiveTmpFolders(backend: TestBackend): string[] {
  return readdirSync(backend.layout.tmp).filter((name) => name.startsWith('receive-'));
}

/** The fixtures a batch is made of, copied into a fresh folder under the given names. */
function batchFolder(files: Record<string, string>): string {
  const dir = tempDir('planledger-batch-');
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    copyFileSync(source, join(dir, name));
  }
  return dir;
}

describe('receiving a batch', () => {
  it('accepts three departments, refuses the tampered one, sees the re-sent one replace the first and the twice-sent one as a duplicate', async () => {
    const backend = await office();
    const [first, development, housing, corrected] = exported as [ExportedPackage, ExportedPackage, ExportedPackage, ExportedPackage];
    const folder = batchFolder({
      '1-经信.plreport': first.file,
      '2-发改.plreport': development.file,
      'sub/3-住建.plreport': housing.file,
      '4-被改动.plreport': tampered,
      '5-经信-又发一次.plreport': first.file,
      '6-经信-更正.plreport': corrected.file,
    });
    const { jobId } = await backend.call('office.receive', { fileIds: [backend.ctx.files.registerExisting(folder, { folders: true }).id] });
    const job = await backend.ctx.jobs.settled(jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    expect(job).toMatchObject({ done: 6, total: 6, counts: { accepted: 4, duplicates: 1, refused: 1 } });
    if (job.result?.kind !== 'office.receive') throw new Error('no summary');
    const { items } = job.result.summary;
    const byName = (name: string) => items.find((item) => item.path.endsWith(name)) as ReceiveItem;

    expect(byName('1-经信.plreport')).toMatchObject({
      path: join(folder, '1-经信.plreport'),
      outcome: 'accepted',
      department: '经济和信息化',
      period: '2016-H2',
      packageSha256: sha256(first.file),
      signer: { fingerprint: first.fingerprint, trust: 'unknown' },
    });
    expect(byName('1-经信.plreport').supersedes).toBeUndefined();
    expect(byName('3-住建.plreport')).toMatchObject({ outcome: 'accepted', department: '住房城乡建设' });
    expect(byName('4-被改动.plreport')).toEqual({
      path: join(folder, '4-被改动.plreport'),
      outcome: 'refused',
      reason: 'hash_mismatch',
      detail: zh('report.verify.reasons.hash_mismatch', { detail: 'attachments/scan.pdf' }),
    });
    expect(byName('5-经信-又发一次.plreport')).toMatchObject({
      outcome: 'duplicate',
      packageSha256: sha256(first.file),
      submissionId: byName('1-经信.plreport').submissionId,
    });
    expect(byName('6-经信-更正.plreport')).toMatchObject({ outcome: 'accepted', supersedes: sha256(first.file) });

    // Kept byte for byte under its SHA-256; the duplicate and the refused file are not kept.
    for (const source of [first, development, housing, corrected]) {
      const kept = receivedPath(backend.layout, sha256(source.file));
      expect(readFileSync(kept).equals(readFileSync(source.file))).toBe(true);
    }
    const kept = readdirSync(backend.layout.received, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.plreport'));
    expect(kept).toHaveLength(4);
    expect(strayFiles(backend)).toEqual([]);
    expect(receiveTmpFolders(backend)).toEqual([]);

    // Current versions only by default; the earlier 经信 report is kept, superseded by the correction.
    const current = await backend.call('office.submissions', {});
    expect(current.map((submission) => submission.department).sort()).toEqual(['住房城乡建设', '发展改革', '经济和信息化'].sort());
    const all = await backend.call('office.submissions', { includeSuperseded: true });
    expect(all).toHaveLength(4);
    const correctedId = byName('6-经信-更正.plreport').submissionId as number;
    const firstId = byName('1-经信.plreport').submissionId as number;
    expect(all.find((submission) => submission.id === firstId)).toMatchObject({ supersededBy: correctedId, fileName: '1-经信.plreport' });

    const detail = await backend.call('office.submission', { id: firstId });
    expect(detail.versions.map((version) => version.id)).toEqual([correctedId, firstId]);
    expect(detail.submission).toMatchObject({
      period: { from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' },
      generatedAt: expect.stringContaining('2017-01-10'),
      signer: { trust: 'unknown', registeredAs: null },
    });
    expect(detail.report).toMatchObject({ department: '经济和信息化', period: { label: '2016年下半年' } });

    // Registering the signer for its department makes it trusted; for another one, a mismatch.
    await backend.call('reports.trust', { fingerprint: first.fingerprint, department: '经济和信息化' });
    await backend.call('reports.trust', { fingerprint: development.fingerprint, department: '水利' });
    const trusted = await backend.call('office.submissions', {});
    expect(Object.fromEntries(trusted.map((submission) => [submission.department, submission.signer.trust]))).toEqual({
      经济和信息化: 'trusted',
      发展改革: 'mismatch',
      住房城乡建设: 'unknown',
    });

    // The stored package opens like the verify screen, under the name it arrived with.
    const opened = await backend.call('office.openPackage', { id: correctedId });
    const verifyJob = await backend.ctx.jobs.settled(opened.jobId);
    expect(verifyJob.result).toMatchObject({
      kind: 'report.verify',
      outcome: { ok: true, fileName: '6-经信-更正.plreport', department: '经济和信息化', trustedAs: '经济和信息化' },
    });
    await expectApiError(backend.call('office.submission', { id: 999 }), 'office.submission_not_found');
  }, 30_000);

  it('refuses a second batch while one runs, and releases uploads when done', async () => {
    const backend = await office();
    const upload = backend.ctx.files.uploadPath();
    copyFileSync((exported[1] as ExportedPackage).file, upload);
    const uploaded = backend.ctx.files.registerUpload(upload, '发改 2016 下半年.plreport');
    const { jobId } = await backend.call('office.receive', { fileIds: [uploaded.id] });
    const folder = backend.ctx.files.registerExisting(fixtures, { folders: true });
    await expectApiError(backend.call('office.receive', { fileIds: [folder.id] }), 'office.batch_running');
    const job = await backend.ctx.jobs.settled(jobId);
    // An upload is named by what the user chose, not by where tmp/ kept it.
    expect(job.result).toMatchObject({ summary: { accepted: 1, items: [{ path: '发改 2016 下半年.plreport', outcome: 'accepted' }] } });
    expect(existsSync(upload)).toBe(false);
    expect((await backend.call('office.submissions', {}))[0]?.fileName).toBe('发改 2016 下半年.plreport');
    // The batch is over: the next one may start.
    const next = await backend.call('office.receive', { fileIds: [folder.id] });
    expect((await backend.ctx.jobs.settled(next.jobId)).state).toBe('done');
  });

  it('goes through a folder of 1,000 files that are not packages, each refused in words, skipping system files and links', async () => {
    const backend = await office();
    const folder = tempDir('planledger-junk-');
    for (let index = 0; index < 1000; index += 1) {
      writeFileSync(join(folder, `文件-${String(index).padStart(4, '0')}.txt`), `第 ${index} 份,不是报告`);
    }
    for (const clutter of ['.DS_Store', 'Thumbs.db', 'desktop.ini', '~$会议纪要.docx']) writeFileSync(join(folder, clutter), 'clutter');
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, '.git', 'HEAD'), 'ref: refs/heads/main');
    mkdirSync(join(folder, '深层', '子目录'), { recursive: true });
    copyFileSync((exported[2] as ExportedPackage).file, join(folder, '深层', '子目录', '住建.plreport'));
    symlinkSync((exported[0] as ExportedPackage).file, join(folder, '链接.plreport'));

    const started = performance.now();
    const summary = await receivePackages(backend.ctx, [{ path: folder, name: folder }], { t: en });
    const seconds = (performance.now() - started) / 1000;
    expect(summary).toMatchObject({ accepted: 1, duplicates: 0, refused: 1001 });
    expect(summary.items).toHaveLength(1002);
    expect(summary.items.filter((item) => item.reason === 'not_a_zip')).toHaveLength(1000);
    expect(summary.items.find((item) => item.path.endsWith('文件-0999.txt'))).toEqual({
      path: join(folder, '文件-0999.txt'),
      outcome: 'refused',
      reason: 'not_a_zip',
      detail: en('report.verify.reasons.not_a_zip', { detail: '' }),
    });
    expect(summary.items.find((item) => item.path.endsWith('链接.plreport'))).toMatchObject({
      outcome: 'refused',
      reason: 'symlink',
      detail: expect.stringContaining('symbolic link'),
    });
    expect(summary.items.some((item) => /DS_Store|Thumbs|desktop\.ini|~\$|\.git/u.test(item.path))).toBe(false);
    expect(seconds).toBeLessThan(15);
    expect(strayFiles(backend)).toEqual([]);
  }, 30_000);

  it('stops a walk at its limits with an item that says what was left', async () => {
    const backend = await office();
    const folder = tempDir('planledger-walk-');
    for (let index = 0; index < 5; index += 1) writeFileSync(join(folder, `${index}.txt`), 'x');
    mkdirSync(join(folder, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(folder, 'a', 'b', 'c', 'deep.txt'), 'x');
    const saved = { ...walkLimits };
    try {
      walkLimits.maxFiles = 3;
      walkLimits.maxDepth = 2;
      const summary = await receivePackages(backend.ctx, [{ path: folder, name: '收件' }], { t: zh });
      expect(summary.items.map((item) => [item.path, item.reason])).toEqual([
        [join('收件', '0.txt'), 'not_a_zip'],
        [join('收件', '1.txt'), 'not_a_zip'],
        [join('收件', '2.txt'), 'not_a_zip'],
        [join('收件', '3.txt'), 'too_many_files'],
      ]);
      expect(summary.items[3]?.detail).toBe(zh('office.refusal.too_many_files', { max: 3 }));
      walkLimits.maxFiles = 100;
      const deep = await receivePackages(backend.ctx, [{ path: join(folder, 'a'), name: 'a' }], { t: zh });
      expect(deep.items).toEqual([
        { path: join('a', 'b', 'c'), outcome: 'refused', reason: 'too_deep', detail: zh('office.refusal.too_deep', { max: 2 }) },
      ]);
    } finally {
      Object.assign(walkLimits, saved);
    }
    const missing = await receivePackages(backend.ctx, [{ path: join(folder, '不存在.plreport'), name: '不存在.plreport' }], { t: zh });
    expect(missing.items[0]).toMatchObject({ outcome: 'refused', reason: 'unreadable', detail: expect.stringContaining('不存在') });
  });

  it('refuses hostile packages with their reasons and stores none of them', async () => {
    const backend = await office();
    const folder = tempDir('planledger-hostile-');
    const write = (name: string, bytes: Buffer) => writeFileSync(join(folder, name), bytes);
    write('1-prefixed.plreport', buildZip(signedEntries(sampleFiles), { prefix: Buffer.from('#!/bin/sh\nexit 0\n') }));
    write('2-traversal.plreport', buildZip([...signedEntries(sampleFiles), { name: '../../evil.txt', data: Buffer.from('escaped') }]));
    write('3-bad-signature.plreport', buildZip(signedEntries(sampleFiles, { signature: () => Buffer.alloc(64, 7) })));
    write('4-empty.plreport', Buffer.alloc(0));
    const bomb = { path: 'attachments/bomb.txt', data: Buffer.alloc(64 * 1024 * 1024) };
    write(
      '5-bomb.plreport',
      buildZip(signedEntries([...sampleFiles, bomb]).map((entry) => (entry.name === bomb.path ? { ...entry, deflate: true } : entry))),
    );
    const summary = await receivePackages(backend.ctx, [{ path: folder, name: 'hostile' }], { t: zh });
    expect(summary.items.map((item) => item.reason)).toEqual([
      'corrupt_zip',
      'unsafe_path',
      'bad_signature',
      'not_a_zip',
      'over_ratio_entry',
    ]);
    for (const item of summary.items) expect(item.detail).toMatch(/报告|签名|ZIP/u);
    expect(readdirSync(backend.layout.received, { recursive: true })).toEqual([]);
    expect(await backend.call('office.submissions', { includeSuperseded: true })).toEqual([]);
  }, 20_000);

  it('accepts a package for another plan, and one whose report.json is not a report (kept, without a parsed report)', async () => {
    const backend = await office();
    const dir = tempDir();
    const file = join(dir, 'odd.plreport');
    await writeReportPackage({
      outFile: file,
      entries: [
        { path: 'report.json', data: '{"not":"a report"}' },
        { path: 'attachments/photo.jpg', data: noise(2000, 9) },
      ],
      manifest: sampleContent,
      signer,
    });
    const summary = await receivePackages(backend.ctx, [{ path: file, name: 'odd.plreport' }], { t: zh });
    expect(summary.items[0]).toMatchObject({ outcome: 'accepted', department: sampleContent.department, period: '2026-Q3' });
    const id = summary.items[0]?.submissionId as number;
    const detail = await backend.call('office.submission', { id });
    expect(detail.report).toBeNull();
    expect(detail.submission.plan.sha256).toBe(sampleContent.plan.sha256);
    expect((await backend.call('office.submissions', {})).map((submission) => submission.id)).toEqual([id]);
  });
});

describe('a batch that goes wrong part way', () => {
  it('turns a full disk into disk_full items, loses nothing already received and leaves no temp file', async () => {
    const backend = await office();
    const folder = batchFolder({
      '1.plreport': (exported[0] as ExportedPackage).file,
      '2.plreport': (exported[1] as ExportedPackage).file,
      '3.plreport': (exported[2] as ExportedPackage).file,
      '4.plreport': (exported[3] as ExportedPackage).file,
    });
    let opened = 0;
    // From the third copy on the disk is full: the temp file is created, some bytes land, then ENOSPC.
    const openOutput = (path: string) => {
      opened += 1;
      if (opened < 3) return undefined;
      writeFileSync(path, 'partial');
      return new Writable({
        write(_chunk, _encoding, callback) {
          callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
        },
      });
    };
    const summary = await receivePackages(backend.ctx, [{ path: folder, name: folder }], {
      t: zh,
      openOutput: (path) => openOutput(path) ?? defaultWriter(path),
    });
    // Four files are copied at once: which two came first is not fixed, but two were kept and two met the full disk.
    expect(summary).toMatchObject({ accepted: 2, duplicates: 0, refused: 2 });
    const full = summary.items.filter((item) => item.outcome === 'refused');
    for (const item of full) {
      expect(item).toMatchObject({ reason: 'disk_full', detail: zh('office.refusal.disk_full', { detail: backend.layout.received }) });
    }
    expect(await backend.call('office.submissions', { includeSuperseded: true })).toHaveLength(2);
    const accepted = summary.items.filter((item) => item.outcome === 'accepted');
    for (const item of accepted) expect(existsSync(receivedPath(backend.layout, item.packageSha256 as string))).toBe(true);
    expect(strayFiles(backend)).toEqual([]);

    // Once there is room again, the same batch takes the rest and sees the first two as duplicates.
    const again = await receivePackages(backend.ctx, [{ path: folder, name: folder }], { t: zh });
    expect(again).toMatchObject({ accepted: 2, duplicates: 2, refused: 0 });
    expect(again.items.filter((item) => item.outcome === 'duplicate').map((item) => item.path)).toEqual(accepted.map((item) => item.path));
  });

  it('stops between files when cancelled, keeping what was received', async () => {
    const backend = await office();
    const folder = batchFolder({
      '1.plreport': (exported[0] as ExportedPackage).file,
      '2.plreport': (exported[1] as ExportedPackage).file,
      '3.plreport': (exported[2] as ExportedPackage).file,
    });
    const controller = new AbortController();
    const progress: [number, number, Record<string, number> | undefined][] = [];
    await expect(
      receivePackages(backend.ctx, [{ path: folder, name: folder }], {
        t: zh,
        signal: controller.signal,
        onProgress: (done, total, counts) => {
          progress.push([done, total, counts]);
          if (done === 1) controller.abort();
        },
      }),
    ).rejects.toThrow();
    expect(progress).toEqual([
      [0, 3, { accepted: 0, duplicates: 0, refused: 0 }],
      [1, 3, { accepted: 1, duplicates: 0, refused: 0 }],
    ]);
    expect(await backend.call('office.submissions', {})).toHaveLength(1);
    expect(strayFiles(backend)).toEqual([]);
  });

  it('cancels a receive job through jobs.cancel', async () => {
    const backend = await office();
    const folder = tempDir('planledger-cancel-');
    for (let index = 0; index < 300; index += 1) writeFileSync(join(folder, `${index}.txt`), 'x');
    const { jobId } = await backend.call('office.receive', { fileIds: [backend.ctx.files.registerExisting(folder, { folders: true }).id] });
    await backend.call('jobs.cancel', { id: jobId });
    expect((await backend.ctx.jobs.settled(jobId)).state).toBe('cancelled');
    // The batch lock is released with it, even for a batch cancelled before it began.
    const early = (await backend.handlers['office.receive']({
      fileIds: [backend.ctx.files.registerExisting(folder, { folders: true }).id],
    })) as {
      jobId: string;
    };
    backend.ctx.jobs.cancel(early.jobId);
    expect((await backend.ctx.jobs.settled(early.jobId)).state).toBe('cancelled');
    const next = await backend.call('office.receive', { fileIds: [backend.ctx.files.registerExisting(folder, { folders: true }).id] });
    expect((await backend.ctx.jobs.settled(next.jobId)).state).toBe('done');
  });
});

function defaultWriter(path: string): Writable {
  return createWriteStream(path, { flags: 'wx', flush: true });
}
