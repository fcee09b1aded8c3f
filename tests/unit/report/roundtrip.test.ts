import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../electron/services/report/keys';
import { verifyReportPackage } from '../../../electron/services/report/package/verify';
import { Manifest } from '../../../shared/report/manifest';
import { useTempDirs } from '../../support/temp';
import { reportCsv, reportHtml, reportJson, sampleContent, signer, writeSamplePackage } from './support';

const tempDir = useTempDirs();

// At scale 150 the evidence entries are several MiB: read in chunks rather than at once.
describe.each([
  ['a small report package', 1],
  ['a report package with multi-MiB evidence', 150],
])('%s', (_label, scale) => {
  it('verifies, with the manifest, the signer and every entry it holds', async () => {
    const { file } = await writeSamplePackage(tempDir(), { scale });
    const result = await verifyReportPackage(file, { trustFingerprints: [fingerprintOf(signer.publicKeyPem)] });
    if (!result.ok) throw new Error(`refused: ${result.reason} ${result.detail}`);
    expect(result.fingerprint).toBe(fingerprintOf(signer.publicKeyPem));
    expect(result.manifest).toMatchObject({ format: 'planledger-report', formatVersion: 1, ...sampleContent });
    expect(result.entries.map((entry) => entry.path)).toEqual([
      'report.json',
      'report.html',
      'report.csv',
      'attachments/现场照片.jpg',
      'attachments/scan.pdf',
      'attachments/会议纪要.txt',
      'signer.pem',
      'manifest.json',
      'manifest.sig',
    ]);
    expect(result.manifest.files.map((listed) => listed.path)).toEqual(result.entries.slice(0, -2).map((entry) => entry.path));
  });

  it('checks out with unzip, sha256sum and openssl alone', async () => {
    const dir = tempDir();
    const { file, evidence } = await writeSamplePackage(dir, { scale });
    const out = join(dir, 'unzipped');
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    execFileSync('unzip', ['-o', '-q', '-d', out, file]);

    const manifestBytes = readFileSync(join(out, 'manifest.json'));
    const manifest = Manifest.parse(JSON.parse(manifestBytes.toString('utf8')));
    for (const listed of manifest.files) {
      const [digest] = execFileSync('sha256sum', [join(out, listed.path)], { encoding: 'utf8' }).split(' ');
      expect(digest, listed.path).toBe(listed.sha256);
      expect(statSync(join(out, listed.path)).size, listed.path).toBe(listed.size);
    }
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(reportJson);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(reportHtml);
    expect(readFileSync(join(out, 'report.csv'), 'utf8')).toBe(reportCsv);
    for (const [path, content] of evidence) expect(readFileSync(join(out, path)).equals(content), path).toBe(true);

    const openssl = (args: string[]) => spawnSync('openssl', args, { encoding: 'utf8' });
    const check = [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      join(out, 'signer.pem'),
      '-rawin',
      '-in',
      join(out, 'manifest.json'),
      '-sigfile',
      join(out, 'manifest.sig'),
    ];
    const verified = openssl(check);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('Signature Verified Successfully');

    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', join(out, 'signer.pem'), '-outform', 'DER']);
    const [fingerprint] = execFileSync('sha256sum', { input: der, encoding: 'utf8' }).split(' ');
    expect(fingerprint).toBe(manifest.signer.fingerprint);
    expect(fingerprint).toBe(fingerprintOf(signer.publicKeyPem));

    // And the same tools notice a change to the manifest.
    writeFileSync(join(out, 'manifest.json'), manifestBytes.toString('utf8').replace(sampleContent.department, '省财政厅'));
    expect(openssl(check).status).not.toBe(0);
  });

  it('stores formats that are compressed already and deflates text', async () => {
    const { file } = await writeSamplePackage(tempDir(), { scale });
    const zip = await yauzl.openPromise(file);
    const methods: Record<string, string> = {};
    for await (const entry of zip.eachEntry()) methods[entry.fileName] = entry.compressionMethod === 8 ? 'deflated' : 'stored';
    zip.close();
    expect(methods).toEqual({
      'report.json': 'deflated',
      'report.html': 'deflated',
      'report.csv': 'deflated',
      'attachments/现场照片.jpg': 'stored',
      'attachments/scan.pdf': 'stored',
      'attachments/会议纪要.txt': 'deflated',
      'signer.pem': 'stored',
      'manifest.json': 'stored',
      'manifest.sig': 'stored',
    });
  });

  it('extracts into the given folder only, and only what it verified', async () => {
    const dir = tempDir();
    const { file, evidence } = await writeSamplePackage(dir, { scale });
    const before = readdirSync(dir).sort();
    const out = join(dir, 'extracted');
    const result = await verifyReportPackage(file, { extractTo: out });
    expect(result.ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([...before, 'extracted'].sort());
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual(
      ['attachments', ...evidence.keys(), 'manifest.json', 'manifest.sig', 'report.csv', 'report.html', 'report.json', 'signer.pem'].sort(),
    );
    for (const [path, content] of evidence) expect(readFileSync(join(out, path)).equals(content), path).toBe(true);
  });

  it('extracts only the entries the filter accepts, and still verifies every one', async () => {
    const dir = tempDir();
    const { file, evidence } = await writeSamplePackage(dir, { scale });
    const out = join(dir, 'extracted');
    const asked: string[] = [];
    const extract = (path: string) => {
      asked.push(path);
      return path === 'report.html' || path === 'report.json';
    };
    const result = await verifyReportPackage(file, { extractTo: out, extract });
    expect(result.ok).toBe(true);
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()).toEqual(['report.html', 'report.json']);
    expect(asked.sort()).toEqual(
      ['manifest.json', 'manifest.sig', 'report.csv', 'report.html', 'report.json', 'signer.pem', ...evidence.keys()].sort(),
    );

    // The entries left out are checked all the same.
    const bytes = readFileSync(file);
    const scan = evidence.get('attachments/scan.pdf') as Buffer;
    const at = bytes.indexOf(scan) + 10;
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const altered = join(dir, 'altered');
    expect(await verifyReportPackage(file, { extractTo: altered, extract })).toEqual({
      ok: false,
      reason: 'hash_mismatch',
      detail: 'attachments/scan.pdf',
    });
    expect(readdirSync(dir)).not.toContain('altered');
  });

  it('reads only the entries asked for, still checking the manifest, signature and listing', async () => {
    const dir = tempDir();
    const { file, evidence } = await writeSamplePackage(dir, { scale });
    const bytes = readFileSync(file);
    const scan = evidence.get('attachments/scan.pdf') as Buffer;
    const at = bytes.indexOf(scan) + 10;
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const csvOnly = await verifyReportPackage(file, { extractTo: join(dir, 'csv'), only: (path) => path === 'report.csv' });
    if (!csvOnly.ok) throw new Error(`refused: ${csvOnly.reason} ${csvOnly.detail}`);
    expect(csvOnly.entries.map((entry) => entry.path)).toEqual(['report.csv', 'signer.pem', 'manifest.json', 'manifest.sig']);
    expect(readFileSync(join(dir, 'csv', 'report.csv'), 'utf8')).toBe(reportCsv);
    expect(await verifyReportPackage(file, { extractTo: join(dir, 'scan'), only: (path) => path === 'attachments/scan.pdf' })).toEqual({
      ok: false,
      reason: 'hash_mismatch',
      detail: 'attachments/scan.pdf',
    });
    expect(readdirSync(dir)).not.toContain('scan');
    // The signed manifest is checked all the same.
    const manifestAt = bytes.indexOf(Buffer.from(sampleContent.department));
    bytes[manifestAt] = (bytes[manifestAt] as number) ^ 0x01;
    writeFileSync(file, bytes);
    expect(await verifyReportPackage(file, { only: (path) => path === 'report.csv' })).toMatchObject({ ok: false });
  });

  it('reports progress in bytes up to the total, and stops when asked, leaving nothing extracted', async () => {
    const dir = tempDir();
    const { file } = await writeSamplePackage(dir, { scale });
    const seen: [number, number][] = [];
    expect((await verifyReportPackage(file, { onProgress: (done, total) => seen.push([done, total]) })).ok).toBe(true);
    const [done, total] = seen.at(-1) as [number, number];
    expect(total).toBeGreaterThan(0);
    expect(done).toBe(total);
    const stop = new AbortController();
    stop.abort();
    await expect(verifyReportPackage(file, { extractTo: join(dir, 'out'), signal: stop.signal })).rejects.toThrow();
    expect(readdirSync(dir)).not.toContain('out');
  });

  it('removes what it extracted when the package turns out to be altered', async () => {
    const dir = tempDir();
    const { file, evidence } = await writeSamplePackage(dir, { scale });
    const bytes = readFileSync(file);
    // Alter the last byte of the (stored) scan: it is extracted before its hash is found wrong.
    const scan = evidence.get('attachments/scan.pdf') as Buffer;
    const scanEnd = bytes.indexOf(scan) + scan.length - 1;
    bytes[scanEnd] = (bytes[scanEnd] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const out = join(dir, 'extracted');
    expect(await verifyReportPackage(file, { extractTo: out })).toEqual({
      ok: false,
      reason: 'hash_mismatch',
      detail: 'attachments/scan.pdf',
    });
    expect(readdirSync(dir)).not.toContain('extracted');
  });
});
