import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../electron/services/report/keys';
import { writeReportPackage, type ReportEntry, type WriteReportPackageOptions } from '../../../electron/services/report/package/write';
import { AppError } from '../../../shared/api/errors';
import { useTempDirs } from '../../support/temp';
import { noise, sampleContent, signer } from './support';

const tempDir = useTempDirs();
const MiB = 1024 * 1024;

/** A folder with two evidence files of `size` bytes each, and write options for a package in it. */
function setup(size = 4 * MiB): { dir: string; options: WriteReportPackageOptions; sources: string[] } {
  const dir = tempDir();
  const sources = ['evidence-1.jpg', 'evidence-2.pdf'].map((name, index) => {
    const path = join(dir, name);
    writeFileSync(path, noise(size, index));
    return path;
  });
  const entries: ReportEntry[] = [
    { path: 'report.json', data: '{}' },
    { path: 'attachments/photo.jpg', file: sources[0] as string },
    { path: 'attachments/scan.pdf', file: sources[1] as string },
  ];
  return { dir, sources, options: { outFile: join(dir, 'out.plreport'), entries, manifest: sampleContent, signer } };
}

async function failureOf(work: Promise<unknown>): Promise<{ code: string; params: object }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a failure');
}

/** The folder holds exactly the source files: no package, no temporary file. */
function expectUntouched(dir: string, sources: string[]): void {
  expect(readdirSync(dir).sort()).toEqual(sources.map((source) => source.slice(dir.length + 1)).sort());
}

describe('writing a report package', () => {
  it('reports progress in bytes of content, up to the total', async () => {
    const { options } = setup();
    const progress: Array<[number, number]> = [];
    const written = await writeReportPackage({ ...options, onProgress: (done, total) => progress.push([done, total]) });
    const total = 2 + 2 * 4 * MiB;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([done], index) => index === 0 || done > (progress[index - 1] as [number, number])[0])).toBe(true);
    expect(written.size).toBeGreaterThan(total);
    expect(written.manifestSha256).toMatch(/^[0-9a-f]{64}$/u);
    // Hashed on the way out, yet exactly the file's SHA-256.
    expect(written.packageSha256).toBe(createHash('sha256').update(readFileSync(options.outFile)).digest('hex'));
    expect(written.manifest.files.map((file) => file.path)).toEqual([
      'report.json',
      'attachments/photo.jpg',
      'attachments/scan.pdf',
      'signer.pem',
    ]);
  });

  it('leaves nothing behind when cancelled mid-way', async () => {
    const { dir, options, sources } = setup();
    const controller = new AbortController();
    // At the first progress report from inside the first evidence file, so a partial file exists.
    const onProgress = (done: number) => done > MiB && controller.abort();
    const failure = failureOf(writeReportPackage({ ...options, signal: controller.signal, onProgress }));
    expect(await failure).toMatchObject({ code: 'report.cancelled' });
    expectUntouched(dir, sources);
  });

  it('does not start when already cancelled', async () => {
    const { dir, options, sources } = setup(10);
    expect(await failureOf(writeReportPackage({ ...options, signal: AbortSignal.abort() }))).toMatchObject({ code: 'report.cancelled' });
    expectUntouched(dir, sources);
  });

  it('leaves nothing behind when a source file vanishes while it writes', async () => {
    const { dir, options, sources } = setup();
    const vanishing = sources[1] as string;
    const failure = failureOf(writeReportPackage({ ...options, onProgress: () => rmSync(vanishing, { force: true }) }));
    expect(await failure).toEqual({ code: 'file.unreadable', params: { name: vanishing, reason: 'ENOENT', context: 'ENOENT' } });
    expectUntouched(dir, [sources[0] as string]);
  });

  it('refuses a missing source before writing anything', async () => {
    const { dir, options, sources } = setup(10);
    const missing = join(dir, 'missing.png');
    const entries = [...options.entries, { path: 'attachments/missing.png', file: missing }];
    expect(await failureOf(writeReportPackage({ ...options, entries }))).toEqual({
      code: 'file.unreadable',
      params: { name: missing, reason: 'ENOENT', context: 'ENOENT' },
    });
    expectUntouched(dir, sources);
  });

  it('checks evidence against the hash it was stored under, and names the attachment when it differs', async () => {
    const { dir, options, sources } = setup(MiB + 10);
    const photo = sources[0] as string;
    const expected = createHash('sha256').update(readFileSync(photo)).digest('hex');
    const evidence = (sha256: string) => ({ sha256, name: '现场照片.jpg', measure: '2.1.1' });
    const entries = (sha256: string): ReportEntry[] => [
      { path: 'report.json', data: '{}' },
      { path: 'attachments/2.1.1/现场照片.jpg', file: photo, evidence: evidence(sha256) },
    ];
    // Intact: written as usual.
    await writeReportPackage({ ...options, entries: entries(expected) });
    rmSync(options.outFile);

    // One byte changed in the stored copy since it was added: nothing goes out signed.
    const bytes = readFileSync(photo);
    bytes[MiB] = (bytes[MiB] as number) ^ 0xff;
    writeFileSync(photo, bytes);
    expect(await failureOf(writeReportPackage({ ...options, entries: entries(expected) }))).toEqual({
      code: 'evidence.damaged',
      params: { name: '现场照片.jpg', measure: '2.1.1' },
    });
    expectUntouched(dir, sources);
  });

  it('names the attachment whose stored copy is missing, before or while it writes', async () => {
    const { dir, options, sources } = setup();
    const [photo, scan] = sources as [string, string];
    const photoSha256 = createHash('sha256').update(readFileSync(photo)).digest('hex');
    const entries: ReportEntry[] = [
      { path: 'report.json', data: '{}' },
      { path: 'attachments/2.1.1/照片.jpg', file: photo, evidence: { sha256: photoSha256, name: '照片.jpg', measure: '2.1.1' } },
      { path: 'attachments/2.2.1/扫描件.pdf', file: scan, evidence: { sha256: 'b'.repeat(64), name: '扫描件.pdf', measure: '2.2.1' } },
    ];
    const vanishing = failureOf(writeReportPackage({ ...options, entries, onProgress: () => rmSync(scan, { force: true }) }));
    expect(await vanishing).toEqual({ code: 'evidence.missing', params: { name: '扫描件.pdf', measure: '2.2.1', context: 'report' } });
    expectUntouched(dir, [photo]);
    rmSync(photo);
    expect(await failureOf(writeReportPackage({ ...options, entries }))).toEqual({
      code: 'evidence.missing',
      params: { name: '照片.jpg', measure: '2.1.1', context: 'report' },
    });
    expectUntouched(dir, []);
  });

  it('replaces an older package of the same name only once the new one is complete', async () => {
    const { dir, options, sources } = setup(10);
    writeFileSync(options.outFile, 'previous export');
    const written = await writeReportPackage(options);
    expect(written.size).toBeGreaterThan('previous export'.length);
    expect(readdirSync(dir).sort()).toEqual([...sources.map((source) => source.slice(dir.length + 1)), 'out.plreport'].sort());
  });

  it.each([
    ['an unsafe path', [{ path: '../report.json', data: '{}' }], 'report.unsafe_entry'],
    [
      'a duplicate path',
      [
        { path: 'report.json', data: '{}' },
        { path: 'REPORT.json', data: '{}' },
      ],
      'report.duplicate_entry',
    ],
    ['a name the package reserves', [{ path: 'manifest.json', data: '{}' }], 'report.duplicate_entry'],
  ])('refuses %s', async (_label, entries, code) => {
    const { dir, options, sources } = setup(10);
    expect(await failureOf(writeReportPackage({ ...options, entries }))).toMatchObject({ code });
    expectUntouched(dir, sources);
  });

  it('refuses a manifest a verifier would refuse, and a public key that is not the signer’s', async () => {
    const { dir, options, sources } = setup(10);
    const badPeriod = { ...sampleContent, period: { ...sampleContent.period, from: '2026-10-01' } };
    await expect(writeReportPackage({ ...options, manifest: badPeriod })).rejects.toThrow(/period ends before it starts/u);
    const mismatched = { privateKey: signer.privateKey, publicKeyPem: generateSigningKey().publicKeyPem };
    await expect(writeReportPackage({ ...options, signer: mismatched })).rejects.toThrow(/not the public half/u);
    expectUntouched(dir, sources);
  });
});

describe('a package the verifier would refuse', () => {
  it('is not written when it would hold more files than a report may', async () => {
    const { dir, options, sources } = setup(16);
    const many: ReportEntry[] = Array.from({ length: 10_000 }, (_, index) => ({ path: `attachments/${index}.txt`, data: 'x' }));
    expect(await failureOf(writeReportPackage({ ...options, entries: [...options.entries, ...many] }))).toEqual({
      code: 'report.too_many_files',
      params: { count: 10_006, max: 10_000 },
    });
    expectUntouched(dir, sources);
  });

  it('is not written when its files come to more than a report may hold', async () => {
    const { dir, options, sources } = setup(16);
    // Sparse: 16 GiB on paper, nothing on disk; refused from its size before a byte is read.
    const huge = join(dir, 'huge.mp4');
    writeFileSync(huge, '');
    truncateSync(huge, 16 * 1024 * MiB);
    const entries: ReportEntry[] = [...options.entries, { path: 'attachments/huge.mp4', file: huge }];
    expect(await failureOf(writeReportPackage({ ...options, entries }))).toEqual({
      code: 'report.too_large',
      params: { size: '16.0 GB', max: '16.0 GB' },
    });
    expectUntouched(dir, [...sources, huge]);
  });
});
