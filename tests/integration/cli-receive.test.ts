import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { listTrustedSigners } from '../../electron/db/repos/reports';
import { verifyReceiptPackage } from '../../electron/services/office/receipt-package';
import { fingerprintOf } from '../../electron/services/report/keys';
import { createKey } from '../../electron/services/report/signing';
import { scopeFor } from '../../electron/services/workspace/scope';
import { sha256File } from '../../electron/lib/hash';
import { quietLog } from '../support/call';
import { runCliCaptured } from '../support/cli';
import { exportDepartmentPackages, type ExportedPackage } from '../support/office-packages';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const officePassphrase = '省质监局收件口令2017';
let fixtures: string;
let exported: ExportedPackage[];

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'planledger-cli-receive-'));
  exported = await exportDepartmentPackages(fixtures, [
    { department: '经济和信息化', period: '2016-H2', name: '经信.plreport', at: new Date('2017-01-10T09:00:00+08:00') },
    { department: '发展改革', period: '2016-Q4', name: '发改.plreport', at: new Date('2017-01-11T09:00:00+08:00') },
    { department: '经济和信息化', period: '2016-H2', name: '经信-更正.plreport', at: new Date('2017-01-15T09:00:00+08:00') },
  ]);
}, 60_000);

afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

/** An office data folder whose chosen department (the office's own) has a key sealed with officePassphrase. */
async function officeDataDir(): Promise<{ dataDir: string; fingerprint: string }> {
  const dataDir = tempDir('planledger-office-');
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  try {
    await backend.router.dispatch('settings.update', { department: '质监' });
    const status = await createKey(backend.ctx, scopeFor(backend.db, '质监'), officePassphrase);
    return { dataDir, fingerprint: status.fingerprint as string };
  } finally {
    await backend.close();
  }
}

const first = () => exported[0] as ExportedPackage;
const development = () => exported[1] as ExportedPackage;
const corrected = () => exported[2] as ExportedPackage;

describe('planledger trust', () => {
  it('registers a fingerprint or a public key file for a department', async () => {
    const dataDir = tempDir();
    const byFingerprint = await runCliCaptured([
      'trust',
      '--data-dir',
      dataDir,
      '--department',
      '经济和信息化',
      '--fingerprint',
      first()
        .fingerprint.toUpperCase()
        .replace(/(.{4})/gu, '$1 '),
    ]);
    expect(byFingerprint).toMatchObject({ code: 0, stderr: '' });
    expect(byFingerprint.stdout).toContain('经济和信息化');
    const pem = join(tempDir(), '发展改革.pem');
    writeFileSync(pem, development().publicKeyPem);
    expect((await runCliCaptured(['trust', '--data-dir', dataDir, '--department', '发展改革', '--key', pem, '--lang', 'en'])).code).toBe(0);

    const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
    try {
      expect(
        listTrustedSigners(backend.db)
          .map(({ fingerprint, department }) => ({ fingerprint, department }))
          .sort((a, b) => a.department.localeCompare(b.department)),
      ).toEqual(
        [
          { fingerprint: first().fingerprint, department: '经济和信息化' },
          { fingerprint: fingerprintOf(development().publicKeyPem), department: '发展改革' },
        ].sort((a, b) => a.department.localeCompare(b.department)),
      );
    } finally {
      await backend.close();
    }
  });

  it('refuses a bad fingerprint, a file that is not a public key, and a call without exactly one of them', async () => {
    const dataDir = tempDir();
    const badFingerprint = await runCliCaptured(['trust', '--data-dir', dataDir, '--department', '水利', '--fingerprint', 'abc123']);
    expect(badFingerprint.code).toBe(2);
    expect(badFingerprint.stderr).toContain('“abc123”不是有效的指纹');
    const notAKey = join(tempDir(), 'key.pem');
    writeFileSync(notAKey, '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n');
    const badKey = await runCliCaptured(['trust', '--data-dir', dataDir, '--department', '水利', '--key', notAKey]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('不是有效的 Ed25519 公钥文件');
    expect((await runCliCaptured(['trust', '--data-dir', dataDir, '--department', '水利'])).code).toBe(2);
    expect(
      (
        await runCliCaptured([
          'trust',
          '--data-dir',
          dataDir,
          '--department',
          '水利',
          '--key',
          notAKey,
          '--fingerprint',
          first().fingerprint,
        ])
      ).code,
    ).toBe(2);
    expect((await runCliCaptured(['trust', '--data-dir', dataDir, '--fingerprint', first().fingerprint])).code).toBe(2);
  });
});

describe('planledger receive', () => {
  it('prints one JSON object per file found, exits 0 with refusals, and issues receipts for accepted packages', async () => {
    const { dataDir, fingerprint: officeFingerprint } = await officeDataDir();
    expect(
      (await runCliCaptured(['trust', '--data-dir', dataDir, '--department', '经济和信息化', '--fingerprint', first().fingerprint])).code,
    ).toBe(0);
    const inbox = tempDir('planledger-inbox-');
    copyFileSync(first().file, join(inbox, '1-经信.plreport'));
    copyFileSync(development().file, join(inbox, '2-发改.plreport'));
    writeFileSync(join(inbox, '3-说明.txt'), '不是报告');
    const receipts = join(tempDir(), '回执');

    const run = await runCliCaptured(
      ['receive', '--data-dir', dataDir, '--receipts', receipts, '--json', inbox, corrected().file, first().file],
      { PLANLEDGER_PASSPHRASE: officePassphrase },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    const firstSha = await sha256File(first().file);
    expect(items).toEqual([
      {
        path: join(inbox, '1-经信.plreport'),
        outcome: 'accepted',
        department: '经济和信息化',
        period: '2016-H2',
        packageSha256: firstSha,
        signer: { fingerprint: first().fingerprint, trust: 'trusted' },
      },
      {
        path: join(inbox, '2-发改.plreport'),
        outcome: 'accepted',
        department: '发展改革',
        period: '2016-Q4',
        packageSha256: await sha256File(development().file),
        signer: { fingerprint: development().fingerprint, trust: 'unknown' },
      },
      { path: join(inbox, '3-说明.txt'), outcome: 'refused', reason: 'not_a_zip' },
      {
        path: corrected().file,
        outcome: 'accepted',
        department: '经济和信息化',
        period: '2016-H2',
        packageSha256: await sha256File(corrected().file),
        signer: { fingerprint: corrected().fingerprint, trust: 'trusted' },
        supersedes: firstSha,
      },
      {
        path: first().file,
        outcome: 'duplicate',
        department: '经济和信息化',
        period: '2016-H2',
        packageSha256: firstSha,
        signer: { fingerprint: first().fingerprint, trust: 'trusted' },
      },
    ]);

    // A receipt for each accepted package, signed with the office's key, for exactly those bytes.
    const written = readdirSync(receipts).sort();
    expect(written).toHaveLength(3);
    expect(written).toContain('发展改革-2016年第四季度.plreceipt');
    const result = await verifyReceiptPackage(join(receipts, '发展改革-2016年第四季度.plreceipt'), {
      packageFile: development().file,
      trustFingerprints: [officeFingerprint],
    });
    expect(result).toMatchObject({ ok: true, receipt: { office: { department: '质监' }, verification: { trust: 'unknown' } } });
  }, 30_000);

  it('speaks to people without --json, and refuses usage errors with exit 2', async () => {
    const dataDir = tempDir();
    const run = await runCliCaptured(['receive', '--data-dir', dataDir, '--lang', 'en', first().file, join(fixtures, 'missing.plreport')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Accepted');
    expect(run.stdout).toContain('经济和信息化 2016-H2');
    expect(run.stdout).toContain('Refused');
    expect(run.stdout).toContain('1 accepted, 0 duplicates, 1 refused.');
    const help = await runCliCaptured(['receive', '--help']);
    expect(help.stdout).toContain('--receipts OUTDIR');
    expect(help.stdout).toContain('PLANLEDGER_PASSPHRASE');
    expect((await runCliCaptured(['receive', '--data-dir', dataDir])).code).toBe(2);
    expect((await runCliCaptured(['receive', '--data-dir', dataDir, '--bogus', first().file])).code).toBe(2);
    // Receipts need the office key: a wrong passphrase stops before anything is received.
    const { dataDir: office } = await officeDataDir();
    const wrong = await runCliCaptured(['receive', '--data-dir', office, '--receipts', tempDir(), first().file], {
      PLANLEDGER_PASSPHRASE: '这不是正确的那个口令',
    });
    expect(wrong.code).toBe(1);
    const backend = await openBackend({ dataDir: office, runtime: 'cli', logger: quietLog });
    try {
      expect(backend.db.prepare('SELECT count(*) FROM submission').pluck().get()).toBe(0);
    } finally {
      await backend.close();
    }
  }, 30_000);
});
