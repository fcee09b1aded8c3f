import { randomBytes, sign } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, generateSigningKey } from '../../../electron/services/report/keys';
import { verifyReportPackage, type VerifyOptions } from '../../../electron/services/report/package/verify';
import type { Manifest } from '../../../shared/report/manifest';
import { useTempDirs } from '../../support/temp';
import { buildZip, sampleFiles, signedEntries, type PackageFile, type RawEntry } from './raw-zip';
import { noise, signer } from './support';

const tempDir = useTempDirs();
const stranger = generateSigningKey();

/** Every path under `dir`, recursively. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/**
 * Verifies `bytes` with extraction into a fresh folder, and checks that a refusal leaves
 * that folder empty and its parent exactly as it was.
 */
async function verifyBytes(bytes: Buffer, options: VerifyOptions = {}) {
  const dir = tempDir('planledger-hostile-');
  const file = join(dir, 'hostile.plreport');
  writeFileSync(file, bytes);
  mkdirSync(join(dir, 'out'));
  const before = tree(dir);
  const result = await verifyReportPackage(file, { extractTo: join(dir, 'out'), ...options });
  if (!result.ok) expect(tree(dir)).toEqual(before);
  return result;
}

const refusal = (reason: string) => ({ ok: false, reason });

/** The sample package with its entries passed through `change`. */
function samplePackage(change: (entries: RawEntry[]) => RawEntry[] = (entries) => entries): Buffer {
  return buildZip(change(signedEntries(sampleFiles)));
}

describe('the hand-built ZIPs of this suite', () => {
  it('are accepted when nothing is wrong, so each refusal below is down to the one thing broken', async () => {
    const result = await verifyBytes(samplePackage());
    expect(result).toMatchObject({ ok: true, fingerprint: fingerprintOf(signer.publicKeyPem) });
  });
});

describe('a hostile package is refused with the right reason and writes nothing', () => {
  it('not_a_zip: a text file, an empty file, random bytes', async () => {
    for (const bytes of [Buffer.from('这不是压缩文件\n'), Buffer.alloc(0), randomBytes(4096)]) {
      expect(await verifyBytes(bytes)).toEqual({ ok: false, reason: 'not_a_zip', detail: '' });
    }
  });

  it('corrupt_zip: bytes the signature does not cover, hidden before, inside or after the entries', async () => {
    expect(await verifyBytes(buildZip(signedEntries(sampleFiles), { prefix: Buffer.from('#!/bin/sh\nexit 0\n') }))).toMatchObject(
      refusal('corrupt_zip'),
    );
    expect(await verifyBytes(buildZip(signedEntries(sampleFiles), { comment: Buffer.from('hidden note') }))).toMatchObject(
      refusal('corrupt_zip'),
    );
    const afterDeflate = samplePackage((entries) =>
      entries.map((entry) => (entry.name === 'report.json' ? { ...entry, trailing: Buffer.from('hidden') } : entry)),
    );
    expect(await verifyBytes(afterDeflate)).toEqual({ ok: false, reason: 'corrupt_zip', detail: 'report.json' });
  });

  it('corrupt_zip: a local header naming another file than the central directory', async () => {
    const confused = samplePackage();
    confused[30 + 'report.jso'.length] = 'o'.charCodeAt(0); // the first local header's name: report.jsoo
    expect(await verifyBytes(confused)).toEqual({ ok: false, reason: 'corrupt_zip', detail: 'report.json' });
  });

  it('corrupt_zip, not not_a_zip: bytes after the end record, as for a comment', async () => {
    const trailing = Buffer.concat([samplePackage(), Buffer.from('trailing')]);
    expect(await verifyBytes(trailing)).toEqual({ ok: false, reason: 'corrupt_zip', detail: 'end of central directory' });
    const comment = buildZip(signedEntries(sampleFiles), { comment: Buffer.from('trailing') });
    expect(await verifyBytes(comment)).toEqual({ ok: false, reason: 'corrupt_zip', detail: 'end of central directory' });
  });

  it('too_many_entries: by default more than 10,000, a count a department report never reaches', async () => {
    const files = Array.from({ length: 10_000 }, (_, index) => ({ path: `attachments/${index}.jpg`, data: Buffer.from([index % 256]) }));
    expect(await verifyBytes(buildZip(signedEntries(files)))).toEqual({ ok: false, reason: 'too_many_entries', detail: '10003' });
  }, 60_000);

  it('package_too_large: declared sizes adding up to more than the limit, refused before reading', async () => {
    expect(await verifyBytes(samplePackage(), { limits: { maxTotalBytes: 1000 } })).toMatchObject(refusal('package_too_large'));
    const sizes = await verifyBytes(samplePackage());
    expect(sizes.ok).toBe(true);
  });

  it('too_many_entries: more entries than the limit, refused before any is read', async () => {
    expect(await verifyBytes(samplePackage(), { limits: { maxEntries: 3 } })).toEqual({
      ok: false,
      reason: 'too_many_entries',
      detail: '5',
    });
  });

  const absoluteTarget = join(tmpdir(), `planledger-escaped-${randomBytes(4).toString('hex')}.txt`);
  it.each([
    ['absolute', absoluteTarget],
    ['parent', '../escaped.txt'],
    ['nested parent', 'attachments/../../escaped.txt'],
    ['drive letter', 'C:/Windows/escaped.txt'],
    ['drive-relative', 'C:escaped.txt'],
    ['backslash', 'attachments\\..\\..\\escaped.txt'],
    ['empty segment', 'attachments//escaped.txt'],
    ['NUL', 'escaped.txt\u0000.jpg'],
    ['right-to-left override', 'attachments/photo\u202egpj.exe'],
    ['device name', 'attachments/CON.txt'],
    ['console device name', 'attachments/1/CONIN$'],
    ['device name with a space before the extension (Windows drops it)', 'attachments/CON .txt'],
    ['an 8.3 short name, which may open another file', 'attachments/LONGFI~1.TXT'],
    ['over 255 bytes', `attachments/${'长'.repeat(90)}.txt`],
  ])('unsafe_path: %s', async (_label, name) => {
    const result = await verifyBytes(samplePackage((entries) => [...entries, { name, data: Buffer.from('escaped') }]));
    expect(result).toMatchObject(refusal('unsafe_path'));
    expect(existsSync(absoluteTarget)).toBe(false);
  });

  it('unsafe_path: a name that is not UTF-8, printed as its bytes rather than as mojibake', async () => {
    const result = await verifyBytes(
      samplePackage((entries) => [...entries, { name: Buffer.from([0x65, 0xe4, 0xff, 0x2e, 0x74]), data: Buffer.from('x') }]),
    );
    expect(result).toEqual({ ok: false, reason: 'unsafe_path', detail: 'e\\xE4\\xFF.t' });
  });

  it.each([
    ['the same name twice', 'report.json'],
    ['a name differing only in case', 'Report.json'],
    ['a name differing only in Unicode normalisation', 'report.json'.normalize('NFD')],
  ])('duplicate_name: %s', async (_label, name) => {
    const result = await verifyBytes(samplePackage((entries) => [{ name, data: Buffer.from('{"forged":true}') }, ...entries]));
    expect(result).toMatchObject(refusal('duplicate_name'));
  });

  it.each([
    ['σ and ς (the same in upper case)', 'attachments/σοφία.txt', 'attachments/ςοφία.txt'],
    ['s and ſ (the same in upper case)', 'attachments/last.txt', 'attachments/laſt.txt'],
    ['a file and a folder of one name', 'attachments/a', 'attachments/a/b'],
    ['a folder and a file of one name', 'attachments/A/b', 'attachments/a'],
  ])('duplicate_name: %s', async (_label, first, second) => {
    const result = await verifyBytes(
      samplePackage((entries) => [...entries, { name: first, data: Buffer.from('a') }, { name: second, data: Buffer.from('b') }]),
    );
    expect(result).toMatchObject(refusal('duplicate_name'));
  });

  it('duplicate_name: composed and decomposed forms of one Chinese-pinyin name', async () => {
    const composed = 'attachments/lǜ.txt'.normalize('NFC');
    const result = await verifyBytes(
      samplePackage((entries) => [
        ...entries,
        { name: composed, data: Buffer.from('a') },
        { name: composed.normalize('NFD'), data: Buffer.from('b') },
      ]),
    );
    expect(result).toMatchObject(refusal('duplicate_name'));
  });

  it('symlink_entry: an entry whose Unix mode is a symbolic link', async () => {
    const result = await verifyBytes(
      samplePackage((entries) => [...entries, { name: 'attachments/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]),
    );
    expect(result).toEqual({ ok: false, reason: 'symlink_entry', detail: 'attachments/link' });
  });

  it('encrypted_entry: an entry with the encryption flag', async () => {
    const result = await verifyBytes(
      samplePackage((entries) => entries.map((entry) => (entry.name === 'report.json' ? { ...entry, flags: 1 } : entry))),
    );
    expect(result).toEqual({ ok: false, reason: 'encrypted_entry', detail: 'report.json' });
  });

  it('oversize_entry: a huge declared size is refused before reading, as is one over a configured limit', async () => {
    const huge = samplePackage((entries) => [
      ...entries,
      { name: 'attachments/huge.bin', data: Buffer.alloc(100), deflate: true, zip64Size: 5 * 1024 ** 3 },
    ]);
    expect(await verifyBytes(huge)).toEqual({ ok: false, reason: 'oversize_entry', detail: 'attachments/huge.bin' });
    expect(await verifyBytes(samplePackage(), { limits: { maxEntryBytes: 20 } })).toEqual({
      ok: false,
      reason: 'oversize_entry',
      detail: 'attachments/photo.jpg',
    });
  });

  it('over_ratio_entry: a zip bomb entry, and many small ones that add up to one', async () => {
    const bomb = samplePackage((entries) => [
      ...entries,
      { name: 'attachments/bomb.txt', data: Buffer.alloc(16 * 1024 * 1024), deflate: true },
    ]);
    expect(await verifyBytes(bomb)).toEqual({ ok: false, reason: 'over_ratio_entry', detail: 'attachments/bomb.txt' });
    const justUnder = Buffer.alloc(1024 * 1024);
    const cluster = samplePackage((entries) => [
      ...entries,
      ...[1, 2, 3].map((n) => ({ name: `attachments/part${n}.txt`, data: justUnder, deflate: true })),
    ]);
    expect(await verifyBytes(cluster)).toEqual({ ok: false, reason: 'over_ratio_entry', detail: '*' });
  });

  it.each<[string, (manifest: Manifest) => unknown]>([
    ['a field missing', ({ department: _dropped, ...rest }) => rest],
    ['an unknown field', (manifest) => ({ ...manifest, comment: 'hello' })],
    [
      'an unsafe listed path',
      (manifest) => ({ ...manifest, files: [...manifest.files, { path: '../x', size: 1, sha256: '0'.repeat(64) }] }),
    ],
    ['a negative count', (manifest) => ({ ...manifest, summary: { tasks: -1 } })],
    ['fields out of order (not the canonical serialisation)', ({ format, ...rest }) => ({ ...rest, format })],
  ])('bad_manifest: %s', async (_label, edit) => {
    expect(await verifyBytes(buildZip(signedEntries(sampleFiles, { edit })))).toMatchObject(refusal('bad_manifest'));
  });

  it('oversize_entry: a manifest larger than its file count can need (64 KiB and 512 bytes a file), before it is parsed', async () => {
    const padded = buildZip(
      signedEntries(sampleFiles, { edit: (manifest) => ({ ...manifest, plan: { ...manifest.plan, title: '长'.repeat(30_000) } }) }),
    );
    expect(await verifyBytes(padded)).toEqual({ ok: false, reason: 'oversize_entry', detail: 'manifest.json' });
  });

  it('bad_manifest: nested deeper than the schema, refused before it is parsed', async () => {
    const nested = samplePackage((entries) =>
      entries.map((entry) =>
        entry.name === 'manifest.json' ? { ...entry, data: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`) } : entry,
      ),
    );
    expect(await verifyBytes(nested)).toEqual({ ok: false, reason: 'bad_manifest', detail: 'manifest.json' });
  });

  it('bad_manifest: more summary counters than a report has (64 at most)', async () => {
    const counters = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`count${index}`, index]));
    const result = await verifyBytes(buildZip(signedEntries(sampleFiles, { edit: (manifest) => ({ ...manifest, summary: counters }) })));
    expect(result).toEqual({ ok: false, reason: 'bad_manifest', detail: 'summary' });
  });

  it('bad_manifest: not JSON, or no manifest at all', async () => {
    const garbled = samplePackage((entries) =>
      entries.map((entry) => (entry.name === 'manifest.json' ? { ...entry, data: Buffer.from('{"format":') } : entry)),
    );
    expect(await verifyBytes(garbled)).toEqual({ ok: false, reason: 'bad_manifest', detail: 'manifest.json' });
    const missing = samplePackage((entries) => entries.filter((entry) => entry.name !== 'manifest.json'));
    expect(await verifyBytes(missing)).toEqual({ ok: false, reason: 'bad_manifest', detail: 'manifest.json' });
  });

  it('unknown_format_version: a manifest of a later format version', async () => {
    const result = await verifyBytes(buildZip(signedEntries(sampleFiles, { edit: (manifest) => ({ ...manifest, formatVersion: 2 }) })));
    expect(result).toEqual({ ok: false, reason: 'unknown_format_version', detail: '2' });
  });

  it('bad_signature: signed by another key, or the manifest names another signer than signer.pem', async () => {
    const forged = samplePackage((entries) =>
      entries.map((entry) =>
        entry.name === 'manifest.sig' ? { ...entry, data: sign(null, manifestOf(entries), stranger.privateKey) } : entry,
      ),
    );
    expect(await verifyBytes(forged)).toEqual({ ok: false, reason: 'bad_signature', detail: 'manifest.sig' });
    const misnamed = buildZip(
      signedEntries(sampleFiles, { edit: (manifest) => ({ ...manifest, signer: { fingerprint: fingerprintOf(stranger.publicKeyPem) } }) }),
    );
    expect(await verifyBytes(misnamed)).toEqual({ ok: false, reason: 'bad_signature', detail: 'signer.pem' });
  });

  it('bad_signer_key: signer.pem holding no key at all (a key that is not one, not a signature that fails)', async () => {
    const noKey = samplePackage((entries) =>
      entries.map((entry) => (entry.name === 'signer.pem' ? { ...entry, data: Buffer.from('-----BEGIN PUBLIC KEY-----\n') } : entry)),
    );
    expect(await verifyBytes(noKey)).toEqual({ ok: false, reason: 'bad_signer_key', detail: 'signer.pem' });
  });

  it('untrusted_signer: validly signed, but not by the key the office registered', async () => {
    const result = await verifyBytes(samplePackage(), { trustFingerprints: [fingerprintOf(stranger.publicKeyPem)] });
    expect(result).toMatchObject(refusal('untrusted_signer'));
    expect(await verifyBytes(samplePackage(), { trustKeyPem: stranger.publicKeyPem })).toMatchObject(refusal('untrusted_signer'));
    expect(await verifyBytes(samplePackage(), { trustFingerprints: [] })).toMatchObject(refusal('untrusted_signer'));
  });

  it('missing_entry: a listed file left out, or manifest.sig left out', async () => {
    const result = await verifyBytes(samplePackage((entries) => entries.filter((entry) => entry.name !== 'attachments/photo.jpg')));
    expect(result).toEqual({ ok: false, reason: 'missing_entry', detail: 'attachments/photo.jpg' });
    const unsigned = await verifyBytes(samplePackage((entries) => entries.filter((entry) => entry.name !== 'manifest.sig')));
    expect(unsigned).toEqual({ ok: false, reason: 'missing_entry', detail: 'manifest.sig' });
  });

  it('bad_signature, not a large file: a manifest.sig of 65 bytes', async () => {
    const longer = samplePackage((entries) =>
      entries.map((entry) => (entry.name === 'manifest.sig' ? { ...entry, data: Buffer.concat([entry.data, Buffer.from([0])]) } : entry)),
    );
    expect(await verifyBytes(longer)).toEqual({ ok: false, reason: 'bad_signature', detail: 'manifest.sig' });
  });

  it('unlisted_entry: a file slipped in after signing', async () => {
    const result = await verifyBytes(
      samplePackage((entries) => [...entries, { name: 'attachments/slipped-in.txt', data: Buffer.from('unsigned') }]),
    );
    expect(result).toEqual({ ok: false, reason: 'unlisted_entry', detail: 'attachments/slipped-in.txt' });
  });

  it('size_mismatch: lying sizes in the headers or in the manifest', async () => {
    const storedLie = samplePackage((entries) =>
      entries.map((entry) => (entry.name === 'attachments/photo.jpg' ? { ...entry, declaredSize: 10 } : entry)),
    );
    expect(await verifyBytes(storedLie)).toEqual({ ok: false, reason: 'size_mismatch', detail: 'attachments/photo.jpg' });

    // Headers and manifest agree on 4 bytes more than the deflated data holds.
    const report = sampleFiles[0] as { path: string; data: Buffer };
    const longer = report.data.length + 4;
    const edit = (manifest: Manifest) => ({
      ...manifest,
      files: manifest.files.map((file) => (file.path === report.path ? { ...file, size: longer } : file)),
    });
    const inflatedLie = buildZip(
      signedEntries(sampleFiles, { edit }).map((entry) => (entry.name === report.path ? { ...entry, declaredSize: longer } : entry)),
    );
    expect(await verifyBytes(inflatedLie)).toEqual({ ok: false, reason: 'size_mismatch', detail: report.path });

    const listedLie = buildZip(signedEntries(sampleFiles, { edit }));
    expect(await verifyBytes(listedLie)).toEqual({ ok: false, reason: 'size_mismatch', detail: report.path });
  });

  it('hash_mismatch: same name and size, different content', async () => {
    const listed = sampleFiles.map((file) =>
      file.path === 'attachments/photo.jpg' ? { ...file, data: Buffer.from(file.data.toString().toUpperCase()) } : file,
    );
    const result = await verifyBytes(buildZip(signedEntries(sampleFiles, { listed })));
    expect(result).toEqual({ ok: false, reason: 'hash_mismatch', detail: 'attachments/photo.jpg' });
  });

  it('hash_mismatch: names the first altered entry in archive order, whichever is found first', async () => {
    // A large deflated entry, then a tiny stored one; both altered. Stored and deflated
    // entries are read side by side, so the tiny one's mismatch is found well before.
    const large = { path: 'attachments/minutes.txt', data: Buffer.from(noise(2 * 1024 * 1024, 3).toString('hex')) };
    const tiny = { path: 'attachments/photo.jpg', data: Buffer.from('tiny') };
    const altered = (file: PackageFile) => ({ ...file, data: Buffer.from(file.data.toString().replace(/.$/su, '!')) });
    const entries = signedEntries([large, tiny], { listed: [altered(large), altered(tiny)] }).map((entry) =>
      entry.name === large.path ? { ...entry, deflate: true } : entry,
    );
    expect(await verifyBytes(buildZip(entries))).toEqual({ ok: false, reason: 'hash_mismatch', detail: large.path });
  });
});

function manifestOf(entries: readonly RawEntry[]): Buffer {
  return entries.find((entry) => entry.name === 'manifest.json')?.data ?? Buffer.alloc(0);
}
