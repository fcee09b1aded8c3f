import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../support/cli';
import { fingerprintOf, generateSigningKey } from '../../../electron/services/report/keys';
import { formatFingerprint } from '../../../shared/report/manifest';
import { useTempDirs } from '../../support/temp';
import { writeReportPackage } from '../../../electron/services/report/package/write';
import { sampleContent, signer, writeSamplePackage } from './support';

const tempDir = useTempDirs();
const fingerprint = fingerprintOf(signer.publicKeyPem);

const run = runCliCaptured;

/** A package with the first byte of manifest.sig's content inverted. */
function tamperedCopy(file: string): string {
  const bytes = readFileSync(file);
  const signatureAt = bytes.lastIndexOf(Buffer.from('manifest.sig')) - 46; // its central record
  const localHeader = bytes.readUInt32LE(signatureAt + 42);
  const dataAt = localHeader + 30 + 'manifest.sig'.length;
  bytes[dataAt] = (bytes[dataAt] as number) ^ 0xff;
  const copy = join(file, '..', 'tampered.plreport');
  writeFileSync(copy, bytes);
  return copy;
}

describe('planledger verify', () => {
  it('prints a short summary and exits 0 for an intact report', async () => {
    const { file } = await writeSamplePackage(tempDir());
    const result = await run(['verify', file]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [groupsA, groupsB] = formatFingerprint(fingerprint, 8).split('\n');
    expect(result.stdout).toBe(
      [
        '报告完好：所有文件与签名清单一致，签名有效。',
        '部门：省市场监管局',
        '期间：2026年第三季度（2026-07-01 至 2026-09-30）',
        '计划：山东省质量行动计划（鲁政发〔2016〕13号）',
        '生成时间：2026-11-25T14:03:00+08:00',
        '文件：7 个',
        '签名人指纹：',
        `  ${groupsA}`,
        `  ${groupsB}`,
        '未指定 --trust：签名只证明报告未被改动，不证明由谁签发。请将上面的指纹与该部门登记的指纹核对。',
        '',
      ].join('\n'),
    );
  });

  it('prints what the signed manifest claims without letting it forge terminal output', async () => {
    const dir = tempDir();
    const forged = '\u001b[1A\u001b[2K\r报告完好:签名人在受信任列表中。';
    const file = join(dir, 'forged.plreport');
    await writeReportPackage({
      outFile: file,
      entries: [{ path: 'report.json', data: '{}' }],
      manifest: {
        ...sampleContent,
        department: `省市场监管局${forged}`,
        plan: { ...sampleContent.plan, title: `计划\u009b2J`, docNumber: '\u202e号' },
        period: { ...sampleContent.period, label: `2026年\u0007第三季度\n部门：冒充` },
      },
      signer,
    });
    const result = await run(['verify', file]);
    expect(result.code).toBe(0);
    // Nothing but the summary's own line breaks: no escape, control or bidi-override character.
    expect(result.stdout.replaceAll('\n', '')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(result.stdout).toContain('部门：省市场监管局\\u{1b}[1A\\u{1b}[2K\\u{d}报告完好');
    expect(result.stdout).toContain('期间：2026年\\u{7}第三季度\\u{a}部门：冒充（2026-07-01 至 2026-09-30）');
    expect(result.stdout).toContain('计划：计划\\u{9b}2J（\\u{202e}号）');
    expect(result.stdout.split('\n').filter((line) => line.startsWith('部门'))).toHaveLength(1);
  });

  it('exits 1 with one line naming the reason, in the user’s language', async () => {
    const { file } = await writeSamplePackage(tempDir());
    const tampered = tamperedCopy(file);
    expect(await run(['verify', tampered])).toEqual({
      code: 1,
      stdout: '',
      stderr: '错误：签名无效（manifest.sig 与 manifest.json 不符）\n',
    });
    expect(await run(['verify', tampered, '--lang', 'en'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error: Invalid signature (manifest.sig does not match manifest.json)\n',
    });
    const notAReport = join(tempDir(), 'notes.txt');
    writeFileSync(notAReport, 'hello');
    expect((await run(['verify', notAReport])).stderr).toBe('错误：不是报告文件（无法作为 ZIP 文件读取）\n');
    expect(await run(['verify', join(tempDir(), 'nowhere.plreport')])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^错误：无法读取文件“.*nowhere\.plreport”：文件不存在，可能已被移走、改名或删除。请重新选择。\n$/u),
    });
  });

  it('checks the signer against --trust, in plain or grouped form', async () => {
    const { file } = await writeSamplePackage(tempDir());
    const trusted = await run(['verify', file, '--trust', formatFingerprint(fingerprint).toLowerCase()]);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('签名人在受信任列表中。');
    const colons = fingerprint.match(/../gu)?.join(':').toUpperCase() as string;
    const other = fingerprintOf(generateSigningKey().publicKeyPem);
    expect((await run(['verify', file, '--trust', other, '--trust', colons])).code).toBe(0);

    const untrusted = await run(['verify', file, '--trust', other]);
    expect(untrusted).toEqual({ code: 1, stdout: '', stderr: `错误：签名人不在受信任列表中（指纹 ${formatFingerprint(fingerprint)}）\n` });
    const malformed = await run(['verify', file, '--trust', 'ABCD 1234']);
    expect(malformed).toEqual({ code: 2, stdout: '', stderr: '错误：“ABCD 1234”不是有效的指纹（应为 64 位十六进制数字）\n' });
  });

  it('checks the signer against --trust-key', async () => {
    const dir = tempDir();
    const { file } = await writeSamplePackage(dir);
    const ours = join(dir, 'ours.pem');
    const theirs = join(dir, 'theirs.pem');
    writeFileSync(ours, signer.publicKeyPem);
    writeFileSync(theirs, generateSigningKey().publicKeyPem);
    expect((await run(['verify', file, '--trust-key', ours])).code).toBe(0);
    expect(await run(['verify', file, '--trust-key', theirs])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^错误：签名人不在受信任列表中/u),
    });
    writeFileSync(theirs, 'not a key');
    expect(await run(['verify', file, '--trust-key', theirs, '--lang', 'en'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error: This is not an Ed25519 public key in PEM format.\n',
    });
  });

  it('has --help', async () => {
    const help = await run(['verify', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('planledger verify FILE');
    expect(help.stdout).toContain('--trust FINGERPRINT');
    expect(help.stdout).toContain('--trust-key PEM');
    expect((await run(['--help'])).stdout).toMatch(/\n {2}verify +核验报告文件/u);
  });
});
