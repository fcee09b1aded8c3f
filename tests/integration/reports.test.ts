import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../electron/lib/i18n';
import { blobPath } from '../../electron/services/evidence/store';
import type { OsSecretStore } from '../../electron/services/context';
import { decryptPrivateKey } from '../../electron/services/report/keys';
import { verifyReportPackage } from '../../electron/services/report/package/verify';
import { createKey, replaceKey } from '../../electron/services/report/signing';
import { activeScope } from '../../electron/services/workspace/scope';
import { minPassphraseLength, type VerifyOutcome } from '../../shared/api/calls/reports';
import { ReportData } from '../../shared/report/data';
import { expectApiError, openAsDepartment, previewText, useBackends, type TestBackend } from '../support/backend';
import { runCliCaptured } from '../support/cli';
import type { BackendOptions } from '../../electron/backend/backend';
import { useTempDirs } from '../support/temp';
import { fixtureBytes } from '../unit/plan/helpers';

const openTestBackend = useBackends();
const tempDir = useTempDirs();
const passphrase = '省质监局报送口令2016';
let clock = new Date(2016, 8, 1, 10, 0, 0);
const now = () => clock;

function coordinator(options: { osSecrets?: OsSecretStore } = {}): Promise<TestBackend> {
  clock = new Date(2016, 8, 1, 10, 0, 0);
  return openAsDepartment(openTestBackend, '经济和信息化', { now, ...options });
}

/** Exports to a file and waits for the job; returns the file and the job's result. */
async function exportTo(backend: TestBackend, period: string, secret: string | null) {
  const file = join(tempDir(), '报告.plreport');
  const target = backend.ctx.files.registerSaveTarget(file);
  const { jobId } = await backend.call('reports.export', { period, targetId: target.id, passphrase: secret });
  const job = await backend.ctx.jobs.settled(jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return { file, result: job.result };
}

/** Starts an export that is expected to fail in its job; returns the job's error and whether a file appeared. */
async function failedExport(backend: TestBackend, period: string, secret: string | null) {
  const dir = tempDir();
  const file = join(dir, '报告.plreport');
  const target = backend.ctx.files.registerSaveTarget(file);
  const { jobId } = await backend.call('reports.export', { period, targetId: target.id, passphrase: secret });
  const job = await backend.ctx.jobs.settled(jobId);
  expect(job.state).toBe('failed');
  return { error: job.error, files: readdirSync(dir) };
}

/** Attaches a file with `content` to a task of `measureCode`; returns the stored copy's path. */
async function attach(backend: TestBackend, measureCode: string, name: string, content: string): Promise<string> {
  const [task] = await backend.call('tasks.create', { measureCode, texts: [`${name} 的任务`] });
  const source = join(tempDir(), name);
  writeFileSync(source, content);
  const { jobId } = await backend.call('evidence.add', {
    fileId: backend.ctx.files.registerExisting(source).id,
    measureCode,
    taskId: task!.id,
  });
  expect((await backend.ctx.jobs.settled(jobId)).state).toBe('done');
  const sha256 = createHash('sha256').update(content).digest('hex');
  return blobPath(backend.layout, sha256);
}

/** Verifies a chosen file at the office and waits for the job; answers its outcome. */
async function verifyAt(office: TestBackend, fileId: string): Promise<VerifyOutcome> {
  const { jobId } = await office.call('reports.verify', { fileId });
  const job = await office.ctx.jobs.settled(jobId);
  if (job.result?.kind !== 'report.verify') throw new Error(`verification ${job.state}: ${JSON.stringify(job.error)}`);
  expect(job.done).toBe(job.total);
  return job.result.outcome;
}

/** A keychain that can no longer open what it (or another profile) sealed, as after moving the data folder. */
function foreignKeychain(): OsSecretStore {
  return {
    seal: async (plain) => Buffer.from(`sealed-elsewhere:${plain.length}`),
    open: async () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    },
  };
}

/**
 * A stand-in for the operating system's keychain: seals with a secret the test holds. It keeps
 * the buffers it was given and gave out, to show the caller wipes them once done.
 */
function fakeKeychain(): OsSecretStore & { sealed: Buffer[]; given: Buffer[]; opened: Buffer[] } {
  const sealed: Buffer[] = [];
  const given: Buffer[] = [];
  const opened: Buffer[] = [];
  return {
    sealed,
    given,
    opened,
    seal: async (plain) => {
      given.push(plain);
      const box = Buffer.from(`os-sealed:${plain.toString('hex')}`);
      sealed.push(box);
      return box;
    },
    open: async (box) => {
      const plain = Buffer.from(box.toString().slice('os-sealed:'.length), 'hex');
      opened.push(plain);
      return plain;
    },
  };
}

describe('report drafts', () => {
  it('drafts the report from the data and keeps what the coordinator writes', async () => {
    const backend = await coordinator();
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['制定年度标准化工作计划'] });
    await backend.call('tasks.update', { id: task!.id, patch: { status: 'done', owner: '王科长' } });

    const empty = await backend.call('reports.draft', { period: '2016-H2' });
    expect(empty.data.period).toEqual({ from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' });
    expect(empty.data.measures.map((m) => m.code)).toHaveLength(11);
    const first = empty.data.measures[0]!;
    expect(first.tasks).toEqual([expect.objectContaining({ text: '制定年度标准化工作计划', status: 'done', owner: '王科长' })]);
    expect(first.changes.map((change) => change.description)).toEqual([
      '新增任务“制定年度标准化工作计划”',
      '任务“制定年度标准化工作计划”：状态 未开始 → 已完成',
      '任务“制定年度标准化工作计划”：进度 0% → 100%',
      '任务“制定年度标准化工作计划”：责任人 （空） → 王科长',
    ]);
    expect(empty.updatedAt).toBeNull();

    await backend.call('reports.saveMeasureText', { period: '2016-H2', code: '2.1.1', workDone: '完成年度标准化工作改革任务。' });
    await backend.call('reports.saveDraft', {
      period: '2016-H2',
      problems: '资金不足',
      nextSteps: '加强调度',
      contactPerson: '李四',
      contactPhone: '0531-12345678',
    });
    const saved = await backend.call('reports.draft', { period: '2016-H2' });
    expect(saved.data.measures[0]?.workDone).toBe('完成年度标准化工作改革任务。');
    expect(saved.data).toMatchObject({ problems: '资金不足', nextSteps: '加强调度', contact: { person: '李四', phone: '0531-12345678' } });
    expect(ReportData.parse(saved.data)).toEqual(saved.data);

    // Another period starts with its own texts but the same contact.
    const other = await backend.call('reports.draft', { period: '2016-Q4' });
    expect(other.data.measures[0]?.workDone).toBe('');
    expect(other.data.problems).toBe('');
    expect(other.data.contact).toEqual({ person: '李四', phone: '0531-12345678' });
  });

  it('lists only the changes made within the period', async () => {
    const backend = await coordinator();
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['九月的任务'] });
    clock = new Date(2016, 10, 15, 9, 0, 0);
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['十一月的任务'] });
    const changes = async (period: string) =>
      (await backend.call('reports.draft', { period })).data.measures[0]?.changes.map((c) => c.description);
    expect(await changes('2016-Q3')).toEqual(['新增任务“九月的任务”']);
    expect(await changes('2016-11')).toEqual(['新增任务“十一月的任务”']);
    expect(await changes('2016-H1')).toEqual([]);
    expect(await changes('2016-09-01..2016-11-15')).toHaveLength(2);
  });

  it('refuses a period it does not understand', async () => {
    const backend = await coordinator();
    await expectApiError(backend.call('reports.draft', { period: '2016-H3' }), 'request.invalid');
    await expectApiError(backend.call('reports.saveMeasureText', { period: '2016', code: '2.2.2', workDone: 'x' }), 'measure.not_assigned');
  });
});

describe('signed export', () => {
  it('writes a package standard tools accept, records it, and never stores the key in plaintext', async () => {
    const backend = await coordinator();
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['组织计量测试中心建设'] });
    const evidence = join(tempDir(), '会议纪要.pdf');
    writeFileSync(evidence, '%PDF-1.4 会议纪要'.repeat(100));
    const { jobId } = await backend.call('evidence.add', {
      fileId: backend.ctx.files.registerExisting(evidence).id,
      measureCode: '2.1.1',
      taskId: task!.id,
    });
    await backend.ctx.jobs.settled(jobId);
    await backend.call('reports.saveMeasureText', { period: '2016-H2', code: '2.1.1', workDone: '已完成计量测试中心选址。' });

    await expectApiError(backend.call('reports.export', { period: '2016-H2', targetId: null, passphrase }), 'report.no_key');
    const key = await backend.call('reports.createKey', { passphrase });
    expect(key).toMatchObject({ protection: 'passphrase', osStoreAvailable: false, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/u) });
    await expectApiError(
      backend.call('reports.export', { period: '2016-H2', targetId: null, passphrase: '这不是正确的那个口令' }),
      'report.wrong_passphrase',
    );

    const { file, result } = await exportTo(backend, '2016-H2', passphrase);
    expect(result).toMatchObject({
      kind: 'report.export',
      fileName: '经济和信息化-2016年下半年.plreport',
      fingerprint: key.fingerprint,
      download: null,
    });

    const verified = await verifyReportPackage(file, { trustFingerprints: [key.fingerprint as string] });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.manifest).toMatchObject({
      format: 'planledger-report',
      formatVersion: 1,
      department: '经济和信息化',
      period: { from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' },
      generator: { name: 'PlanLedger' },
      plan: { title: '山东省贯彻实施质量发展纲要2016年行动计划', docNumber: '鲁政办字〔2016〕103号' },
      summary: { measures: 11, tasks: 1, attachments: 1 },
    });
    expect(verified.manifest.generatedAt).toMatch(/^2016-09-01T10:00:00[+-]\d{2}:\d{2}$/u);
    const plan = backend.db.prepare('SELECT source_sha256 FROM plan').pluck().get();
    expect(verified.manifest.plan.sha256).toBe(plan);
    expect(verified.manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['signer.pem', 'report.json', 'report.html', 'report.csv', 'attachments/2.1.1/会议纪要.pdf']),
    );

    // Standard tools alone.
    const out = mkdtempSync(join(tmpdir(), 'planledger-unzip-'));
    execFileSync('unzip', ['-q', file, '-d', out]);
    for (const entry of verified.manifest.files) {
      const bytes = readFileSync(join(out, entry.path));
      expect(bytes.length).toBe(entry.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    }
    const openssl = execFileSync('openssl', [
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
    ]);
    expect(openssl.toString()).toContain('Signature Verified Successfully');
    expect(readFileSync(join(out, 'report.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const data = ReportData.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(data.measures[0]?.workDone).toBe('已完成计量测试中心选址。');
    expect(data.measures[0]?.tasks[0]?.attachments[0]).toMatchObject({ name: '会议纪要.pdf', path: 'attachments/2.1.1/会议纪要.pdf' });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('已完成计量测试中心选址。');

    // The package's SHA-256, hashed while it was written, is what sha256sum says of the file.
    const sha256sum = execFileSync('sha256sum', [file]).toString().split(' ')[0];
    expect(backend.db.prepare('SELECT package_sha256 FROM report_export').pluck().get()).toBe(sha256sum);
    expect(await backend.call('reports.history', {})).toEqual([
      expect.objectContaining({
        periodKey: '2016-H2',
        fileName: '经济和信息化-2016年下半年.plreport',
        fingerprint: key.fingerprint,
        manifestSha256: expect.any(String),
        packageSha256: sha256sum,
        delivery: null,
      }),
    ]);

    // The private key appears nowhere in the database files.
    backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const sealed = backend.db.prepare('SELECT sealed FROM signing_key').pluck().get() as string;
    const der = (await decryptPrivateKey(sealed, passphrase)).export({ type: 'pkcs8', format: 'der' });
    const stored = Buffer.concat(
      readdirSync(backend.layout.dataDir)
        .filter((name) => name.startsWith('planledger.sqlite'))
        .map((name) => readFileSync(join(backend.layout.dataDir, name))),
    );
    expect(stored.includes(der)).toBe(false);
    expect(stored.includes(Buffer.from(der.toString('base64')))).toBe(false);
    expect(stored.includes(der.subarray(-32))).toBe(false);
  });

  it('uses the OS keychain where there is one, without a passphrase', async () => {
    const keychain = fakeKeychain();
    const backend = await coordinator({ osSecrets: keychain });
    expect((await backend.call('reports.keyStatus', {})).osStoreAvailable).toBe(true);
    const key = await backend.call('reports.createKey', { passphrase: null });
    expect(key.protection).toBe('os');
    expect(keychain.sealed).toHaveLength(1);
    const { file } = await exportTo(backend, '2016', null);
    expect((await verifyReportPackage(file, { trustFingerprints: [key.fingerprint as string] })).ok).toBe(true);
    // The private key crossed to and from the keychain as bytes, never as a string, and those bytes were wiped after use.
    const crossed = [...keychain.given, ...keychain.opened];
    expect(crossed).toHaveLength(2);
    for (const bytes of crossed) {
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect(bytes.every((byte) => byte === 0)).toBe(true);
    }
  });

  it('offers the browser a download and the office a verification with trust', async () => {
    const backend = await coordinator();
    await backend.call('reports.createKey', { passphrase });
    const { jobId } = await backend.call('reports.export', { period: '2016-Q3', targetId: null, passphrase });
    const job = await backend.ctx.jobs.settled(jobId);
    const download = job.result?.kind === 'report.export' ? job.result.download : null;
    expect(download?.name).toBe('经济和信息化-2016年第三季度.plreport');
    const file = backend.ctx.files.takeDownload(download?.downloadId as string);

    const office = await openTestBackend();
    const received = office.ctx.files.registerExisting(file?.path as string);
    const first = await verifyAt(office, received.id);
    expect(first).toMatchObject({ ok: true, trustedAs: null, report: { department: '经济和信息化', period: { label: '2016年第三季度' } } });
    if (!first.ok) return;
    await office.call('reports.trust', { fingerprint: first.fingerprint, department: '经济和信息化' });
    const again = await verifyAt(office, received.id);
    expect(again).toMatchObject({ ok: true, trustedAs: '经济和信息化' });
    const preview = office.preview(`/preview/verified/${first.verifiedId}/report.html`, new URLSearchParams());
    expect(await previewText(preview)).toContain('经济和信息化');

    const tampered = join(tempDir(), 'tampered.plreport');
    const bytes = readFileSync(file?.path as string);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    writeFileSync(tampered, bytes);
    const refused = await verifyAt(office, office.ctx.files.registerExisting(tampered).id);
    expect(refused.ok).toBe(false);
  });

  it('refuses to sign evidence that is missing or damaged in the data folder, naming the attachment and measure', async () => {
    const backend = await coordinator();
    await backend.call('reports.createKey', { passphrase });
    const minutes = await attach(backend, '2.1.1', '会议纪要.pdf', '%PDF-1.4 会议纪要');
    const photo = await attach(backend, '2.1.2', '现场照片.jpg', 'JPEG 现场照片');
    const zh = createTranslator('zh-CN');

    rmSync(minutes);
    const missing = await failedExport(backend, '2016-H2', passphrase);
    expect(missing.error).toMatchObject({ code: 'evidence.missing', params: { name: '会议纪要.pdf', measure: '2.1.1' } });
    expect(missing.files).toEqual([]);
    expect(zh(missing.error!.messageKey, missing.error!.params)).toBe(
      '措施 2.1.1 的材料“会议纪要.pdf”不在数据文件夹中，可能已被删除或移动，报告未导出。',
    );

    writeFileSync(minutes, '%PDF-1.4 会议纪要');
    writeFileSync(photo, 'JPEG 现场照片, altered');
    const damaged = await failedExport(backend, '2016-H2', passphrase);
    expect(damaged.error).toMatchObject({ code: 'evidence.damaged', params: { name: '现场照片.jpg', measure: '2.1.2' } });
    expect(damaged.files).toEqual([]);
    expect(zh(damaged.error!.messageKey, damaged.error!.params)).toContain('现场照片.jpg');
    expect(await backend.call('reports.history', {})).toEqual([]);

    writeFileSync(photo, 'JPEG 现场照片');
    await exportTo(backend, '2016-H2', passphrase);
  });

  it('refuses an export for a department that carries no measure in the active plan, and lists exports of the active plan only', async () => {
    const backend = await coordinator();
    await backend.call('reports.createKey', { passphrase });
    await exportTo(backend, '2016', passphrase);
    expect(await backend.call('reports.history', {})).toHaveLength(1);

    const source = join(tempDir(), '方案.txt');
    writeFileSync(source, fixtureBytes('standalone-plan.txt'));
    const preview = await backend.call('plans.preview', { fileId: backend.ctx.files.registerExisting(source).id });
    const { plan } = await backend.call('plans.import', { previewId: preview.previewId });
    await backend.call('plans.activate', { planId: plan.id });
    expect((await backend.call('reports.draft', { period: '2016' })).data.measures).toEqual([]);
    await expectApiError(backend.call('reports.export', { period: '2016', targetId: null, passphrase }), 'report.nothing_to_report');
    expect(await backend.call('reports.history', {})).toEqual([]);
  });

  it('previews exactly the report.html an export would hold', async () => {
    const backend = await coordinator();
    await backend.call('reports.saveDraft', { period: '2016-H2', problems: '预览中的问题说明' });
    const preview = backend.preview('/preview/report.html', new URLSearchParams({ period: '2016-H2' }));
    expect(preview).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    expect(String(preview?.body)).toContain('预览中的问题说明');
    expect(backend.preview('/preview/verified/unknown-id-123/report.html', new URLSearchParams())?.status).toBe(404);
  });
});

describe('signing key replacement', () => {
  it('checks a passphrase without exporting, and replaces a key whose passphrase is lost', async () => {
    const backend = await coordinator();
    await expectApiError(backend.call('reports.checkPassphrase', { passphrase }), 'report.no_key');
    const old = await backend.call('reports.createKey', { passphrase });
    expect(await backend.call('reports.checkPassphrase', { passphrase })).toEqual({});
    await expectApiError(backend.call('reports.checkPassphrase', { passphrase: '记错了的口令12345' }), 'report.wrong_passphrase');
    await exportTo(backend, '2016-H2', passphrase);
    // Creating again does not replace anything.
    expect(await backend.call('reports.createKey', { passphrase: '另一个口令-但不会生效' })).toEqual(old);

    clock = new Date(2016, 9, 1, 9, 0, 0);
    const replaced = await backend.call('reports.replaceKey', { passphrase: '新的报送口令2016' });
    expect(replaced.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
    expect(replaced.fingerprint).not.toBe(old.fingerprint);
    expect(replaced.retired).toEqual([{ fingerprint: old.fingerprint, createdAt: old.createdAt, retiredAt: clock.toISOString() }]);
    expect(await backend.call('reports.keyStatus', {})).toEqual(replaced);
    await expectApiError(backend.call('reports.checkPassphrase', { passphrase }), 'report.wrong_passphrase');

    const { file, result } = await exportTo(backend, '2016', '新的报送口令2016');
    expect(result).toMatchObject({ fingerprint: replaced.fingerprint });
    expect(await verifyReportPackage(file, { trustFingerprints: [replaced.fingerprint as string] })).toMatchObject({ ok: true });
    // Earlier exports stay explainable: the history keeps their signer, the archive its public key.
    expect((await backend.call('reports.history', {})).map((row) => row.fingerprint)).toEqual([replaced.fingerprint, old.fingerprint]);
    const archived = backend.db
      .prepare('SELECT public_key_pem FROM retired_signing_key WHERE fingerprint = ?')
      .pluck()
      .get(old.fingerprint) as string;
    expect(archived).toMatch(/^-----BEGIN PUBLIC KEY-----/u);
  });

  it('names a key the keychain can no longer open, and lets it be replaced', async () => {
    const sealedHere = await coordinator({ osSecrets: fakeKeychain() });
    const created = await sealedHere.call('reports.createKey', { passphrase: null });
    const dataDir = sealedHere.layout.dataDir;
    await sealedHere.close();

    // The same data folder on another PC or profile: the keychain there cannot open the key.
    const moved = await openTestBackend({ dataDir, now, osSecrets: foreignKeychain() });
    await expectApiError(moved.call('reports.checkPassphrase', { passphrase: null }), 'report.key_unavailable');
    await expectApiError(moved.call('reports.export', { period: '2016', targetId: null, passphrase: null }), 'report.key_unavailable');
    const zh = createTranslator('zh-CN');
    expect(zh('errors.report.key_unavailable')).toContain('更换');

    const replaced = await moved.call('reports.replaceKey', { passphrase: null });
    expect(replaced).toMatchObject({ protection: 'os', retired: [{ fingerprint: created.fingerprint }] });
    expect(replaced.fingerprint).not.toBe(created.fingerprint);
  });

  it('leaves no trace of a replaced sealed key in the database file (secure_delete)', async () => {
    const sealedHere = await coordinator({ osSecrets: fakeKeychain() });
    const created = await sealedHere.call('reports.createKey', { passphrase: null });
    const oldSealed = sealedHere.db.prepare('SELECT sealed FROM signing_key').pluck().get() as string;
    const { ciphertext } = JSON.parse(oldSealed) as { ciphertext: string };
    // Another department's key beside it, so the replaced row is not simply written over in place.
    await sealedHere.call('settings.update', { department: '质监' });
    await sealedHere.call('reports.createKey', { passphrase: null });
    const dataDir = sealedHere.layout.dataDir;
    await sealedHere.close();

    // Moved to a PC without that keychain: the key is replaced, sealed by a passphrase now.
    const moved = await openAsDepartment(openTestBackend, '经济和信息化', { dataDir, now });
    const replaced = await moved.call('reports.replaceKey', { passphrase });
    expect(replaced.retired).toMatchObject([{ fingerprint: created.fingerprint }]);
    // No checkpoint here: the replacement itself moves the log into the file and empties it.
    const raw = Buffer.concat([readFileSync(moved.layout.database), readFileSync(`${moved.layout.database}-wal`)]);
    expect(raw.includes(Buffer.from(ciphertext)), 'the old sealed blob').toBe(false);
    expect(raw.includes(Buffer.from(oldSealed)), 'its stored JSON').toBe(false);
  });
});

describe('the passphrase minimum', () => {
  it('is enforced by the key service itself, for whichever caller, before a key is made or replaced', async () => {
    const backend = await coordinator();
    const scope = activeScope(backend.db);
    const tooShort = { code: 'report.passphrase_too_short', params: { min: minPassphraseLength } };
    await expect(createKey(backend.ctx, scope, 'a')).rejects.toMatchObject(tooShort);
    expect(await backend.call('reports.keyStatus', {})).toMatchObject({ fingerprint: null });
    const key = await backend.call('reports.createKey', { passphrase });
    await expect(replaceKey(backend.ctx, scope, 'x'.repeat(minPassphraseLength - 1))).rejects.toMatchObject(tooShort);
    expect(await backend.call('reports.keyStatus', {})).toEqual(key);
    const zh = createTranslator('zh-CN');
    const en = createTranslator('en');
    expect(zh('errors.report.passphrase_too_short', { min: minPassphraseLength })).toContain(`${minPassphraseLength}`);
    expect(en('errors.report.passphrase_too_short', { min: minPassphraseLength })).toContain(`${minPassphraseLength} characters`);
  });
});

describe('verifying received reports', () => {
  /** A package with one evidence file, exported by a department. */
  async function exportedPackage(): Promise<string> {
    const backend = await coordinator();
    await backend.call('reports.createKey', { passphrase });
    await attach(backend, '2.1.1', '会议纪要.pdf', '%PDF-1.4 会议纪要');
    return (await exportTo(backend, '2016-H2', passphrase)).file;
  }

  /** Verifies `file` at `office` as if chosen anew; the outcome of an intact package. */
  async function verifiedAt(office: TestBackend, file: string) {
    const outcome = await verifyAt(office, office.ctx.files.registerExisting(file).id);
    expect(outcome).toMatchObject({ ok: true, department: '经济和信息化', trustedAs: null });
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome;
  }

  /** A package with one evidence file, exported by a department and verified at the office. */
  async function receivedAtOffice(officeOptions: Partial<BackendOptions> = {}) {
    const file = await exportedPackage();
    const office = await openTestBackend(officeOptions);
    return { file, office, outcome: await verifiedAt(office, file) };
  }

  const verifiedFolders = (office: TestBackend) => readdirSync(office.layout.tmp).filter((name) => name.startsWith('verified-'));
  const sizeOf = (outcome: { files: { path: string; size: number }[] }, path: string) =>
    outcome.files.find((entry) => entry.path === path)?.size ?? 0;

  it('extracts only what the screen shows, and removes it when the backend closes', async () => {
    const { office, outcome } = await receivedAtOffice();
    expect(outcome.files.map((entry) => entry.path)).toContain('attachments/2.1.1/会议纪要.pdf');
    expect(verifiedFolders(office)).toHaveLength(1);
    const folder = join(office.layout.tmp, verifiedFolders(office)[0] as string);
    expect(readdirSync(folder).sort()).toEqual(['report.html', 'report.json']);
    const page = office.preview(`/preview/verified/${outcome.verifiedId}/report.html`, new URLSearchParams());
    expect(page?.status).toBe(200);
    expect(await previewText(page)).toContain('经济和信息化');
    expect(office.preview(`/preview/verified/${outcome.verifiedId}/report.csv`, new URLSearchParams())?.status).toBe(404);

    await office.close();
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(office.layout.tmp).filter((name) => name.startsWith('verified-'))).toEqual([]);
  });

  it('streams the page from the extracted file instead of reading it whole', async () => {
    const { file, office, outcome } = await receivedAtOffice();
    const page = office.preview(`/preview/verified/${outcome.verifiedId}/report.html`, new URLSearchParams());
    expect(page?.body).toBeInstanceOf(Readable);
    expect(page?.size).toBe(sizeOf(outcome, 'report.html'));
    const extracted = join(office.layout.tmp, 'extracted');
    mkdirSync(extracted);
    execFileSync('unzip', ['-q', file, 'report.html', '-d', extracted]);
    expect(await previewText(page)).toBe(readFileSync(join(extracted, 'report.html'), 'utf8'));
  });

  it('shows a page too large to show here as a worded notice, and never takes it out of the package', async () => {
    const file = await exportedPackage();
    const sizes = await verifiedAt(await openTestBackend(), file);
    const page = sizeOf(sizes, 'report.html');
    const report = sizeOf(sizes, 'report.json');
    expect(page).toBeGreaterThan(report);
    const office = await openTestBackend({ verifiedLimits: { maxShownBytes: report } });
    const outcome = await verifiedAt(office, file);
    // report.json still fits: the screen shows the report's facts, and the package lists report.html to be saved.
    expect(outcome.report).toMatchObject({ department: '经济和信息化' });
    expect(outcome.files.map((entry) => entry.path)).toContain('report.html');
    expect(readdirSync(join(office.layout.tmp, verifiedFolders(office)[0] as string))).toEqual(['report.json']);

    const notice = office.preview(`/preview/verified/${outcome.verifiedId}/report.html`, new URLSearchParams());
    expect(notice).toMatchObject({ status: 200, contentType: 'text/plain; charset=utf-8' });
    expect(await previewText(notice)).toMatch(/^这份报告的页面过大.*无法在此显示.*另存.*report\.html/u);
    await office.call('settings.update', { language: 'en' });
    const english = office.preview(`/preview/verified/${outcome.verifiedId}/report.html`, new URLSearchParams());
    expect(await previewText(english)).toMatch(/^This report’s page is too large to show here.*save report\.html/iu);
    const { download } = await office.call('reports.saveVerifiedFile', {
      verifiedId: outcome.verifiedId,
      path: 'report.html',
      targetId: null,
    });
    expect(download?.size).toBe(page);
  });

  it('keeps tmp/ under a quota of packages and bytes, dropping the oldest first and never the newest', async () => {
    const file = await exportedPackage();
    const first = await verifiedAt(await openTestBackend(), file);
    const extracted = sizeOf(first, 'report.html') + sizeOf(first, 'report.json');

    const byBytes = await openTestBackend({ verifiedLimits: { maxKept: 5, maxKeptBytes: Math.floor(extracted * 2.5) } });
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) {
      // As the dev host receives it: an upload in tmp/, which goes when its package is dropped.
      const upload = byBytes.ctx.files.uploadPath();
      copyFileSync(file, upload);
      const outcome = await verifyAt(byBytes, byBytes.ctx.files.registerUpload(upload, '报告.plreport').id);
      if (!outcome.ok) throw new Error(outcome.reason);
      outcomes.push(outcome);
    }
    expect(verifiedFolders(byBytes)).toHaveLength(2);
    expect(readdirSync(byBytes.layout.tmp).filter((name) => name.startsWith('upload-'))).toHaveLength(2);
    for (const [index, outcome] of outcomes.entries()) {
      const page = byBytes.preview(`/preview/verified/${outcome.verifiedId}/report.html`, new URLSearchParams());
      expect(page?.status).toBe(index < 2 ? 404 : 200);
      await previewText(page);
    }
    await expectApiError(
      byBytes.call('reports.saveVerifiedFile', { verifiedId: outcomes[0]!.verifiedId, path: 'report.csv', targetId: null }),
      'report.verified_expired',
    );

    const byCount = await openTestBackend({ verifiedLimits: { maxKept: 3 } });
    for (let i = 0; i < 4; i += 1) await verifiedAt(byCount, file);
    expect(verifiedFolders(byCount)).toHaveLength(3);

    // Even a quota smaller than one package keeps the package on screen.
    const tiny = await openTestBackend({ verifiedLimits: { maxKeptBytes: 1 } });
    await verifiedAt(tiny, file);
    const last = await verifiedAt(tiny, file);
    expect(verifiedFolders(tiny)).toHaveLength(1);
    expect(await previewText(tiny.preview(`/preview/verified/${last.verifiedId}/report.html`, new URLSearchParams()))).toContain(
      '经济和信息化',
    );
  });

  it('removes at start what a verification left in tmp/ when its process ended, not what a running one uses', async () => {
    const dataDir = tempDir();
    const tmp = join(dataDir, 'tmp');
    // No process has an id above Linux’s pid_max (2^22); the one that started this test is running.
    const gone = join(tmp, `verified-4194305-${'a'.repeat(36)}`);
    const running = join(tmp, `verified-${process.ppid}-${'b'.repeat(36)}`);
    for (const folder of [gone, running]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'report.html'), 'x'.repeat(1000));
    }
    await openTestBackend({ dataDir });
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });

  it('saves a listed file of a verified package, checked again as it is taken out', async () => {
    const { file, office, outcome } = await receivedAtOffice();
    const { verifiedId } = outcome;
    const folder = tempDir();
    const saveTo = (name: string) => office.ctx.files.registerSaveTarget(join(folder, name)).id;

    // To a place the user chose (desktop): the whole file, under its name, nothing else beside it.
    writeFileSync(join(folder, '纪要.pdf'), 'an older file the user chose to replace');
    expect(
      await office.call('reports.saveVerifiedFile', { verifiedId, path: 'attachments/2.1.1/会议纪要.pdf', targetId: saveTo('纪要.pdf') }),
    ).toEqual({ download: null });
    expect(readFileSync(join(folder, '纪要.pdf'), 'utf8')).toBe('%PDF-1.4 会议纪要');
    // As a browser download (dev host), report.csv included.
    const { download } = await office.call('reports.saveVerifiedFile', { verifiedId, path: 'report.csv', targetId: null });
    expect(download).toMatchObject({ name: 'report.csv' });
    expect(readFileSync(office.ctx.files.takeDownload(download!.downloadId)!.path, 'utf8')).toContain('会议纪要.pdf');

    // Only what the package lists, only for packages verified in this session.
    await expectApiError(
      office.call('reports.saveVerifiedFile', { verifiedId, path: 'attachments/../../secret', targetId: null }),
      'report.not_in_package',
    );
    await expectApiError(
      office.call('reports.saveVerifiedFile', { verifiedId: 'f'.repeat(36), path: 'report.csv', targetId: null }),
      'report.verified_expired',
    );

    // Changed after it was verified: refused, and the chosen place is left as it was.
    const bytes = readFileSync(file);
    const offset = bytes.indexOf(Buffer.from('%PDF-1.4'));
    expect(offset).toBeGreaterThan(0);
    bytes[offset] = 0x25 ^ 0x01;
    writeFileSync(file, bytes);
    await expectApiError(
      office.call('reports.saveVerifiedFile', { verifiedId, path: 'attachments/2.1.1/会议纪要.pdf', targetId: saveTo('again.pdf') }),
      'report.changed_since_verified',
    );
    // Only the chosen file is read again: another file's change does not stop this one.
    const csv = await office.call('reports.saveVerifiedFile', { verifiedId, path: 'report.csv', targetId: null });
    expect(readFileSync(office.ctx.files.takeDownload(csv.download!.downloadId)!.path, 'utf8')).toContain('会议纪要.pdf');
    rmSync(file);
    await expectApiError(
      office.call('reports.saveVerifiedFile', { verifiedId, path: 'report.csv', targetId: saveTo('again.csv') }),
      'report.changed_since_verified',
    );
    expect(readdirSync(folder)).toEqual(['纪要.pdf']);
    expect(readdirSync(office.layout.tmp).filter((name) => name.includes('-save-'))).toEqual([]);
  });

  it('marks a file saved out of a received package as from the internet on Windows', async () => {
    const { office, outcome } = await receivedAtOffice({ platform: 'win32' });
    const folder = tempDir();
    const target = office.ctx.files.registerSaveTarget(join(folder, '纪要.pdf')).id;
    await office.call('reports.saveVerifiedFile', {
      verifiedId: outcome.verifiedId,
      path: 'attachments/2.1.1/会议纪要.pdf',
      targetId: target,
    });
    expect(readFileSync(join(folder, '纪要.pdf'), 'utf8')).toBe('%PDF-1.4 会议纪要');
    // On Linux the stream name is an ordinary file beside it: proof of what Windows would get.
    expect(readFileSync(join(folder, '纪要.pdf:Zone.Identifier'), 'utf8')).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
  });

  it('verifies as a job that can be cancelled, leaving nothing behind', async () => {
    const { file, office } = await receivedAtOffice();
    const { jobId } = await office.call('reports.verify', { fileId: office.ctx.files.registerExisting(file).id });
    await office.call('jobs.cancel', { id: jobId });
    expect(await office.ctx.jobs.settled(jobId)).toMatchObject({ state: 'cancelled', result: null, error: null });
    const folders = readdirSync(office.layout.tmp).filter((name) => name.startsWith('verified-'));
    expect(folders).toHaveLength(1); // the one receivedAtOffice verified
  });

  it('registers and removes trusted signers', async () => {
    const office = await openTestBackend({ now });
    const fingerprint = 'ab'.repeat(32);
    expect(await office.call('reports.trust', { fingerprint, department: '经济和信息化' })).toEqual([
      { fingerprint, department: '经济和信息化', addedAt: expect.any(String) },
    ]);
    expect(await office.call('reports.trusted', {})).toHaveLength(1);
    expect(await office.call('reports.trust', { fingerprint, department: null })).toEqual([]);
  });
});

describe('command-line export', () => {
  const cli = runCliCaptured;

  it('sets up an empty data folder like the first run and exports a package that verifies', async () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'out.plreport');
    const result = await cli(
      ['export', '--data-dir', dataDir, '--department', '质监', '--period', '2016-07-01..2017-01-31', '--out', out],
      {
        PLANLEDGER_PASSPHRASE: passphrase,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已导出');
    const verified = await cli(['verify', out]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('质监');
  });

  it('explains what is wrong and exits non-zero', async () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'x.plreport');
    const badPeriod = await cli(['export', '--data-dir', dataDir, '--department', '质监', '--period', '2016-H7', '--out', out], {
      PLANLEDGER_PASSPHRASE: passphrase,
    });
    expect(badPeriod.code).toBe(1);
    expect(badPeriod.stderr).toContain('报告期间“2016-H7”无法识别');
    const noPassphrase = await cli(['export', '--data-dir', dataDir, '--department', '质监', '--period', '2016', '--out', out]);
    expect(noPassphrase.code).toBe(1);
    expect(noPassphrase.stderr).toContain('口令');
    const unknown = await cli(['export', '--data-dir', dataDir, '--department', '不存在', '--period', '2016', '--out', out], {
      PLANLEDGER_PASSPHRASE: passphrase,
    });
    expect(unknown.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((await cli(['export', '--data-dir', dataDir])).code).toBe(2);
  });

  it('refuses a one-letter passphrase as the app does, and makes no key with it', async () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'x.plreport');
    const short = await cli(['export', '--data-dir', dataDir, '--department', '质监', '--period', '2016', '--out', out], {
      PLANLEDGER_PASSPHRASE: 'a',
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain(`口令至少 ${minPassphraseLength} 个字符`);
    expect(existsSync(out)).toBe(false);
    const db = new Database(join(dataDir, 'planledger.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM signing_key').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
