import { execFileSync } from 'node:child_process';
import { randomBytes, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { insertSubmission, type NewSubmission } from '../../electron/db/repos/submissions';
import { createKey } from '../../electron/services/report/signing';
import { fingerprintOf, generateSigningKey } from '../../electron/services/report/keys';
import { verifyReportPackage } from '../../electron/services/report/package/verify';
import { receiptPackageBytes, serializeReceipt, verifyReceiptPackage } from '../../electron/services/office/receipt-package';
import { issueReceipt, writeReceipt } from '../../electron/services/office/receipts';
import { scopeFor } from '../../electron/services/workspace/scope';
import { sha256File } from '../../electron/lib/hash';
import { Receipt } from '../../shared/office/receipt';
import { formatFingerprint } from '../../shared/report/manifest';
import type { CallName, CallRequest, CallResponse } from '../../shared/api/contract';
import { callOrThrow, quietLog } from '../support/call';
import { runCliCaptured } from '../support/cli';
import { buildZip, readZip, type RawEntry } from '../unit/report/raw-zip';

const passphrase = '省质监局报送口令2016';
const department = '经济和信息化';
const officeDepartment = '质监';
const clock = new Date(2016, 8, 1, 10, 0, 0);

interface Side {
  backend: Backend;
  dataDir: string;
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>>;
}

const made: string[] = [];
function freshDir(prefix = 'planledger-receipts-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

async function openSide(name: string): Promise<Side> {
  const dataDir = freshDir();
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog, now: () => clock });
  const call = <K extends CallName>(call: K, request: CallRequest<K>) => callOrThrow(backend.router, call, request);
  await call('settings.update', { department: name, operator: '张三' });
  await createKey(backend.ctx, scopeFor(backend.db, name), passphrase);
  return { backend, dataDir, call };
}

/** What the receive engineer's batch stores for an intact package, from the package itself. */
async function received(office: Side, file: string, overrides: Partial<NewSubmission> = {}): Promise<number> {
  const verified = await verifyReportPackage(file);
  if (!verified.ok) throw new Error(verified.reason);
  const { manifest } = verified;
  return insertSubmission(office.backend.db, {
    packageSha256: await sha256File(file),
    size: readFileSync(file).length,
    fileName: '经济和信息化-2016年下半年.plreport',
    planSha256: manifest.plan.sha256,
    planTitle: manifest.plan.title,
    planDocNumber: manifest.plan.docNumber,
    department: manifest.department,
    periodFrom: manifest.period.from,
    periodTo: manifest.period.to,
    periodLabel: manifest.period.label,
    generatedAt: manifest.generatedAt,
    generatedMs: Date.parse(manifest.generatedAt),
    signerFingerprint: verified.fingerprint,
    summary: JSON.stringify(manifest.summary),
    report: null,
    receivedAt: '2017-01-20T02:30:00.000Z',
    ...overrides,
  });
}

async function expectApiError(promise: Promise<unknown>, code: string, params: object = {}): Promise<void> {
  await expect(promise).rejects.toMatchObject({ apiError: { code, params: expect.objectContaining(params) } });
}

let departmentSide: Side;
let office: Side;
let packageFile: string;
let submissionId: number;
let receiptFile: string;
let officeFingerprint: string;

beforeAll(async () => {
  departmentSide = await openSide(department);
  office = await openSide(officeDepartment);
  officeFingerprint = (await office.call('reports.keyStatus', {})).fingerprint as string;

  packageFile = join(freshDir(), '经济和信息化-2016年下半年.plreport');
  const target = departmentSide.backend.ctx.files.registerSaveTarget(packageFile);
  const { jobId } = await departmentSide.call('reports.export', { period: '2016-H2', targetId: target.id, passphrase });
  const job = await departmentSide.backend.ctx.jobs.settled(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('done');

  submissionId = await received(office, packageFile);
  receiptFile = join(freshDir(), 'receipt.plreceipt');
  await writeReceipt(office.backend.ctx, { submissionId, outFile: receiptFile, passphrase });
}, 30_000);

afterAll(async () => {
  await departmentSide?.backend.close();
  await office?.backend.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A file in a fresh folder holding `bytes`. */
function fileOf(bytes: Buffer, name = 'receipt.plreceipt'): string {
  const file = join(freshDir(), name);
  writeFileSync(file, bytes);
  return file;
}

/** The receipt's entries passed through `change`, rebuilt byte for byte otherwise. */
function changed(change: (entries: RawEntry[]) => RawEntry[]): string {
  return fileOf(buildZip(change(readZip(readFileSync(receiptFile)))));
}

const verdict = async (file: string, options = {}) => {
  const result = await verifyReceiptPackage(file, options);
  return result.ok ? { ok: true } : { ok: false, reason: result.reason, detail: result.detail };
};

describe('the office writes a receipt', () => {
  it('that standard tools alone verify: unzip, openssl pkeyutl over receipt.json, sha256sum of the package', () => {
    const out = freshDir();
    execFileSync('unzip', ['-q', receiptFile, '-d', out]);
    const openssl = execFileSync('openssl', [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      join(out, 'signer.pem'),
      '-rawin',
      '-in',
      join(out, 'receipt.json'),
      '-sigfile',
      join(out, 'receipt.sig'),
    ]);
    expect(openssl.toString()).toContain('Signature Verified Successfully');
    expect(readFileSync(join(out, 'receipt.sig'))).toHaveLength(64);
    const receipt = JSON.parse(readFileSync(join(out, 'receipt.json'), 'utf8')) as Receipt;
    const sha256sum = execFileSync('sha256sum', [packageFile]).toString().split(' ')[0];
    expect(receipt.package.sha256).toBe(sha256sum);
    // The package's SHA-256 the department remembered is the same one.
    expect(departmentSide.backend.db.prepare('SELECT package_sha256 FROM report_export').pluck().get()).toBe(sha256sum);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', join(out, 'signer.pem'), '-outform', 'DER']);
    expect(execFileSync('sha256sum', { input: der }).toString().split(' ')[0]).toBe(officeFingerprint);
  });

  it('whose receipt.json holds exactly the fields of the format', async () => {
    const result = await verifyReceiptPackage(receiptFile, { packageFile, trustFingerprints: [officeFingerprint] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.receipt).toEqual({
      format: 'planledger-receipt',
      formatVersion: 1,
      package: {
        sha256: await sha256File(packageFile),
        size: readFileSync(packageFile).length,
        department,
        period: { from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' },
        generatedAt: expect.stringMatching(/^2016-09-01T10:00:00[+-]\d\d:\d\d$/u),
        signerFingerprint: (await departmentSide.call('reports.keyStatus', {})).fingerprint,
      },
      verification: { intact: true, trust: 'unknown' },
      receivedAt: '2017-01-20T02:30:00.000Z',
      office: { department: officeDepartment, fingerprint: officeFingerprint },
    });
    expect(result.receiptJson).toBe(serializeReceipt(result.receipt));
    expect(readZip(readFileSync(receiptFile)).map((entry) => [entry.name, entry.deflate, entry.descriptor])).toEqual([
      ['receipt.json', false, false],
      ['receipt.sig', false, false],
      ['signer.pem', false, false],
    ]);
  });

  it('byte for byte the same every time, named <部门>-<期间>.plreceipt, also through office.saveReceipt', async () => {
    const again = join(freshDir(), 'again.plreceipt');
    await writeReceipt(office.backend.ctx, { submissionId, outFile: again, passphrase });
    expect(readFileSync(again).equals(readFileSync(receiptFile))).toBe(true);

    const saved = await office.call('office.saveReceipt', { id: submissionId, targetId: null, passphrase });
    expect(saved.fileName).toBe('经济和信息化-2016年下半年.plreceipt');
    const download = office.backend.ctx.files.takeDownload(saved.download?.downloadId as string);
    expect(download?.name).toBe('经济和信息化-2016年下半年.plreceipt');
    expect(readFileSync(download?.path as string).equals(readFileSync(receiptFile))).toBe(true);

    const target = join(freshDir(), '回执.plreceipt');
    const targetId = office.backend.ctx.files.registerSaveTarget(target).id;
    expect(await office.call('office.saveReceipt', { id: submissionId, targetId, passphrase })).toEqual({
      download: null,
      fileName: '经济和信息化-2016年下半年.plreceipt',
    });
    expect(readFileSync(target).equals(readFileSync(receiptFile))).toBe(true);
  });

  it('only with the right passphrase, and only for a submission that exists', async () => {
    await expectApiError(
      office.call('office.saveReceipt', { id: submissionId, targetId: null, passphrase: '这不是正确的口令啊' }),
      'report.wrong_passphrase',
    );
    await expectApiError(office.call('office.saveReceipt', { id: 999_999, targetId: null, passphrase }), 'office.submission_not_found');
  });
});

describe('a receipt is refused with the reason', () => {
  it('package_mismatch and untrusted_signer when checked against another package or office', async () => {
    expect(await verdict(receiptFile, { packageFile: receiptFile })).toEqual({
      ok: false,
      reason: 'package_mismatch',
      detail: await sha256File(packageFile),
    });
    const stranger = fingerprintOf(generateSigningKey().publicKeyPem);
    expect(await verdict(receiptFile, { trustFingerprints: [stranger] })).toEqual({
      ok: false,
      reason: 'untrusted_signer',
      detail: formatFingerprint(officeFingerprint),
    });
    expect(await verdict(receiptFile, { trustFingerprints: [formatFingerprint(officeFingerprint)] })).toEqual({ ok: true });
  });

  it('bad_signature: receipt.json altered after signing, or signed by another key than the office it names', async () => {
    const forged = changed((entries) =>
      entries.map((entry) => {
        if (entry.name !== 'receipt.json') return entry;
        const receipt = Receipt.parse(JSON.parse(entry.data.toString('utf8')));
        const data = Buffer.from(serializeReceipt({ ...receipt, verification: { intact: true, trust: 'trusted' } }));
        return { ...entry, data, raw: data, crc: undefined };
      }),
    );
    expect(await verdict(forged)).toEqual({ ok: false, reason: 'bad_signature', detail: 'receipt.sig' });

    // A stranger signs the office's receipt.json with its own key, shipping its own signer.pem.
    const stranger = generateSigningKey();
    const signedByStranger = changed((entries) =>
      entries.map((entry) => {
        if (entry.name === 'receipt.sig') {
          const signature = sign(null, (entries[0] as RawEntry).data, stranger.privateKey);
          return { ...entry, data: signature, raw: signature, crc: undefined };
        }
        if (entry.name !== 'signer.pem') return entry;
        const pem = Buffer.from(stranger.publicKeyPem);
        return { ...entry, data: pem, raw: pem, crc: undefined };
      }),
    );
    expect(await verdict(signedByStranger)).toEqual({ ok: false, reason: 'bad_signature', detail: 'signer.pem' });
  });

  it('missing_entry, unlisted_entry, too_many_entries, corrupt_zip: not exactly the three entries in order', async () => {
    expect(await verdict(changed((entries) => entries.slice(0, 2)))).toEqual({ ok: false, reason: 'missing_entry', detail: 'signer.pem' });
    expect(
      await verdict(changed((entries) => entries.map((entry) => (entry.name === 'signer.pem' ? { ...entry, name: 'office.pem' } : entry)))),
    ).toEqual({
      ok: false,
      reason: 'unlisted_entry',
      detail: 'office.pem',
    });
    expect(await verdict(changed((entries) => [...entries, { ...(entries[2] as RawEntry), name: 'note.txt' }]))).toEqual({
      ok: false,
      reason: 'too_many_entries',
      detail: '4',
    });
    expect(await verdict(changed((entries) => [entries[1], entries[0], entries[2]] as RawEntry[]))).toMatchObject({
      ok: false,
      reason: 'corrupt_zip',
    });
    const deflated = changed((entries) =>
      entries.map((entry) => (entry.name === 'receipt.json' ? { ...entry, raw: undefined, deflate: true } : entry)),
    );
    expect(await verdict(deflated)).toEqual({ ok: false, reason: 'corrupt_zip', detail: 'receipt.json' });
    const otherTime = changed((entries) => entries.map((entry) => ({ ...entry, time: 0 })));
    expect(await verdict(otherTime)).toMatchObject({ ok: false, reason: 'corrupt_zip' });
  });

  it('not_a_zip, corrupt_zip and the container rules of report packages', async () => {
    for (const bytes of [Buffer.from('这不是回执\n'), Buffer.alloc(0), randomBytes(2048)]) {
      expect(await verdict(fileOf(bytes))).toEqual({ ok: false, reason: 'not_a_zip', detail: '' });
    }
    const original = readFileSync(receiptFile);
    expect(await verdict(fileOf(Buffer.concat([original, Buffer.from('trailing')])))).toMatchObject({ ok: false, reason: 'corrupt_zip' });
    expect(await verdict(fileOf(buildZip(readZip(original), { prefix: Buffer.from('#!/bin/sh\n') })))).toMatchObject({
      ok: false,
      reason: 'corrupt_zip',
    });
    const rename = (name: string) =>
      changed((entries) => entries.map((entry) => (entry.name === 'signer.pem' ? { ...entry, name } : entry)));
    expect(await verdict(rename('../signer.pem'))).toEqual({ ok: false, reason: 'unsafe_path', detail: '../signer.pem' });
    expect(await verdict(rename('receipt.json'))).toEqual({ ok: false, reason: 'duplicate_name', detail: 'receipt.json' });
    const signerEntry = (change: Partial<RawEntry>) =>
      changed((entries) => entries.map((entry) => (entry.name === 'signer.pem' ? { ...entry, ...change } : entry)));
    expect(await verdict(signerEntry({ mode: 0o120777 }))).toEqual({ ok: false, reason: 'symlink_entry', detail: 'signer.pem' });
    expect(await verdict(signerEntry({ flags: 1 }))).toEqual({ ok: false, reason: 'encrypted_entry', detail: 'signer.pem' });
    const big = Buffer.alloc(65 * 1024, 0x20);
    expect(await verdict(signerEntry({ data: big, raw: big, crc: undefined }))).toEqual({
      ok: false,
      reason: 'oversize_entry',
      detail: 'signer.pem',
    });
    const bomb = Buffer.alloc(60 * 1024, 0x20);
    expect(await verdict(signerEntry({ data: bomb, raw: undefined, deflate: true, crc: undefined }))).toEqual({
      ok: false,
      reason: 'over_ratio_entry',
      detail: 'signer.pem',
    });
  });

  it('bad_receipt, unknown_format_version, bad_signer_key: content that is not a receipt we know', async () => {
    const office = generateSigningKey();
    const receipt = Receipt.parse(JSON.parse(readZip(readFileSync(receiptFile))[0]?.data.toString('utf8') as string));
    const signed = { ...receipt, office: { ...receipt.office, fingerprint: fingerprintOf(office.publicKeyPem) } };
    /** A receipt whose receipt.json is `text`, properly signed by `office`. */
    const withJson = async (text: string) => {
      const entries = readZip(await receiptPackageBytes(signed, office));
      const data = Buffer.from(text);
      const signature = sign(null, data, office.privateKey);
      return fileOf(
        buildZip(
          entries.map((entry) =>
            entry.name === 'receipt.json'
              ? { ...entry, data, raw: data, crc: undefined }
              : entry.name === 'receipt.sig'
                ? { ...entry, data: signature, raw: signature, crc: undefined }
                : entry,
          ),
        ),
      );
    };
    expect(await verdict(await withJson(JSON.stringify(signed)))).toEqual({ ok: false, reason: 'bad_receipt', detail: 'receipt.json' });
    expect(await verdict(await withJson(`${JSON.stringify({ ...signed, extra: 1 }, null, 2)}\n`))).toMatchObject({
      ok: false,
      reason: 'bad_receipt',
    });
    expect(await verdict(await withJson(`${JSON.stringify({ ...signed, formatVersion: 2 }, null, 2)}\n`))).toEqual({
      ok: false,
      reason: 'unknown_format_version',
      detail: '2',
    });
    expect(await verdict(await withJson('['.repeat(10_000)))).toEqual({ ok: false, reason: 'bad_receipt', detail: 'receipt.json' });
    expect(await verdict(await withJson(serializeReceipt(signed)))).toEqual({ ok: true });

    const garbage = Buffer.from('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
    expect(
      await verdict(
        changed((entries) =>
          entries.map((entry) => (entry.name === 'signer.pem' ? { ...entry, data: garbage, raw: garbage, crc: undefined } : entry)),
        ),
      ),
    ).toEqual({ ok: false, reason: 'bad_signer_key', detail: 'signer.pem' });
  });
});

describe('the department imports the receipt', () => {
  const fileId = (side: Side, file: string) => side.backend.ctx.files.registerExisting(file).id;
  const deliveries = () => departmentSide.backend.db.prepare('SELECT count(*) FROM report_delivery').pluck().get();

  it('refuses an office key it has not registered (for that office), naming the fingerprint, and stores nothing', async () => {
    const params = { office: officeDepartment, fingerprint: formatFingerprint(officeFingerprint) };
    await expectApiError(
      departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, receiptFile) }),
      'receipt.untrusted',
      params,
    );
    await departmentSide.call('reports.trust', { fingerprint: officeFingerprint, department: '财政' });
    await expectApiError(
      departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, receiptFile) }),
      'receipt.untrusted',
      params,
    );
    expect(deliveries()).toBe(0);
  });

  it('refuses a damaged receipt with the reason in words', async () => {
    const forged = changed((entries) =>
      entries.map((entry) =>
        entry.name === 'receipt.sig' ? { ...entry, data: Buffer.alloc(64, 1), raw: Buffer.alloc(64, 1), crc: undefined } : entry,
      ),
    );
    await expectApiError(departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, forged) }), 'receipt.invalid', {
      reason: '回执签名无效（receipt.sig 与 receipt.json 不符）',
    });
    expect(deliveries()).toBe(0);
  });

  it('refuses a receipt for a package it never exported, or for another department', async () => {
    const never = await received(office, packageFile, { packageSha256: 'ab'.repeat(32), receivedAt: '2017-01-21T02:30:00.000Z' });
    const neverFile = join(freshDir(), 'never.plreceipt');
    await writeReceipt(office.backend.ctx, { submissionId: never, outFile: neverFile, passphrase });
    await departmentSide.call('reports.trust', { fingerprint: officeFingerprint, department: officeDepartment });
    await expectApiError(
      departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, neverFile) }),
      'receipt.unknown_package',
      {
        sha256: 'ab'.repeat(32),
      },
    );

    const other = await received(office, packageFile, { packageSha256: 'cd'.repeat(32), department: '财政' });
    const { bytes, fileName } = await issueReceipt(office.backend.ctx, { submissionId: other, passphrase });
    expect(fileName).toBe('财政-2016年下半年.plreceipt');
    await expectApiError(
      departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, fileOf(bytes)) }),
      'receipt.other_department',
      {
        department: '财政',
        own: department,
      },
    );
    expect(deliveries()).toBe(0);
  });

  it('marks the export delivered once its office key is registered; importing again changes nothing', async () => {
    await departmentSide.call('reports.trust', { fingerprint: officeFingerprint, department: officeDepartment });
    const first = await departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, receiptFile) });
    const delivery = {
      office: officeDepartment,
      officeFingerprint,
      receivedAt: '2017-01-20T02:30:00.000Z',
      importedAt: clock.toISOString(),
    };
    expect(first.delivery).toEqual(delivery);
    const [history] = await departmentSide.call('reports.history', {});
    expect(history).toMatchObject({ id: first.exportId, packageSha256: await sha256File(packageFile), delivery });
    const stored = departmentSide.backend.db.prepare('SELECT receipt FROM report_delivery').pluck().get() as string;
    expect(stored).toBe(serializeReceipt(JSON.parse(stored) as Receipt));

    const again = await departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, receiptFile) });
    expect(again).toEqual(first);
    expect(deliveries()).toBe(1);
  });
  it('refuses a receipt that names another size or signer for the exported bytes, keeping the delivery it has', async () => {
    // Another key of the office, registered: only what the receipt says is wrong.
    const second = generateSigningKey();
    const secondFingerprint = fingerprintOf(second.publicKeyPem);
    await departmentSide.call('reports.trust', { fingerprint: secondFingerprint, department: officeDepartment });
    const receipt = Receipt.parse(JSON.parse(readZip(readFileSync(receiptFile))[0]?.data.toString('utf8') as string));
    const office = { department: officeDepartment, fingerprint: secondFingerprint };
    const before = departmentSide.backend.db.prepare('SELECT * FROM report_delivery').all();
    for (const pkg of [
      { ...receipt.package, size: receipt.package.size + 1 },
      { ...receipt.package, signerFingerprint: secondFingerprint },
    ]) {
      const bytes = await receiptPackageBytes({ ...receipt, package: pkg, office }, second);
      await expectApiError(
        departmentSide.call('reports.importReceipt', { fileId: fileId(departmentSide, fileOf(bytes)) }),
        'receipt.mismatch',
        {
          sha256: receipt.package.sha256,
        },
      );
    }
    expect(departmentSide.backend.db.prepare('SELECT * FROM report_delivery').all()).toEqual(before);
  });
});

describe('the CLI', () => {
  it('verify-receipt: exit 0 only when intact, for the package given, by the office trusted', async () => {
    const plain = await runCliCaptured(['verify-receipt', receiptFile]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('回执完好');
    expect(plain.stdout).toContain('报告：经济和信息化 · 2016年下半年（2016-07-01 至 2016-12-31）');
    expect(plain.stdout).toContain('签收：质监 于 2017-01-20T02:30:00.000Z 核验');
    expect(plain.stdout).toContain('未指定 --trust');

    const officeKey = fileOf((readZip(readFileSync(receiptFile))[2] as RawEntry).data, 'office.pem');
    expect((await runCliCaptured(['verify-receipt', receiptFile, '--trust-key', officeKey])).code).toBe(0);
    const checked = await runCliCaptured([
      'verify-receipt',
      receiptFile,
      '--package',
      packageFile,
      '--trust',
      formatFingerprint(officeFingerprint),
      '--lang',
      'en',
    ]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain('The report file matches the receipt.');
    expect(checked.stdout).toContain('The office is trusted.');

    const wrongPackage = await runCliCaptured(['verify-receipt', receiptFile, '--package', receiptFile]);
    expect(wrongPackage.code).toBe(1);
    expect(wrongPackage.stderr).toContain('回执针对的是另一份报告文件');
    const untrusted = await runCliCaptured(['verify-receipt', receiptFile, '--trust', 'ab'.repeat(32)]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toContain(formatFingerprint(officeFingerprint));
    expect((await runCliCaptured(['verify-receipt', receiptFile, '--trust', 'not-hex'])).code).toBe(2);
    expect((await runCliCaptured(['verify-receipt'])).code).toBe(2);

    const json = await runCliCaptured(['verify-receipt', receiptFile, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      fingerprint: officeFingerprint,
      receipt: { office: { department: officeDepartment } },
    });
    const refused = await runCliCaptured(['verify-receipt', fileOf(Buffer.from('不是回执')), '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual({ ok: false, reason: 'not_a_zip', detail: '' });
  });

  it('verify-receipt: prints texts from the file with control characters escaped', async () => {
    const forger = generateSigningKey();
    const receipt = Receipt.parse(JSON.parse(readZip(readFileSync(receiptFile))[0]?.data.toString('utf8') as string));
    const hostile = await receiptPackageBytes(
      {
        ...receipt,
        package: { ...receipt.package, department: '经济和信息化\u001b[2K\n回执完好' },
        office: { department: '质监\u202e', fingerprint: fingerprintOf(forger.publicKeyPem) },
      },
      forger,
    );
    const printed = await runCliCaptured(['verify-receipt', fileOf(hostile)]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('报告：经济和信息化\\u{1b}[2K\\u{a}回执完好 · 2016年下半年');
    expect(printed.stdout).toContain('签收：质监\\u{202e} 于');
    expect(printed.stdout).not.toContain('\u001b');
  });

  it('import-receipt: marks the export delivered in the data folder, or says why not', async () => {
    // The department's data folder, closed so the CLI can open it alone.
    const dataDir = freshDir();
    const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog, now: () => clock });
    await callOrThrow(backend.router, 'settings.update', { department, operator: '张三' });
    await backend.close();
    const refused = await runCliCaptured(['import-receipt', receiptFile, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('本机没有导出过这份回执所对应的报告');

    const imported = await runCliCaptured(['import-receipt', receiptFile, '--data-dir', departmentSide.dataDir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('送达 · 由 质监 于 2017-01-20T02:30:00.000Z 核验（经济和信息化 · 2016年下半年）\n');
  });
});
