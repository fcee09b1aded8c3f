import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../electron/services/report/keys';
import { verifyReportPackage, type VerifyOptions } from '../../../electron/services/report/package/verify';
import { useTempDirs } from '../../support/temp';
import { buildZip, dosDate, readZip, sampleFiles, signedEntries, type RawEntry } from './raw-zip';
import { signer, writeSamplePackage } from './support';

/**
 * What the verifier promises beyond the hostile corpus: the CRC fields match the content,
 * signer.pem is a public key and nothing else, weak Ed25519 keys and signatures are refused,
 * and the container is exactly what the writer produces. Most cases start from a real
 * package written by the writer and change it at the byte level.
 */

const tempDir = useTempDirs();

async function verifyBytes(bytes: Buffer, options: VerifyOptions = {}) {
  const file = join(tempDir('planledger-promises-'), 'changed.plreport');
  writeFileSync(file, bytes);
  return verifyReportPackage(file, options);
}

/** A real package as the writer wrote it, as entries to change and rebuild. */
async function realEntries(): Promise<RawEntry[]> {
  const { file } = await writeSamplePackage(tempDir());
  return readZip(readFileSync(file));
}

const named = (name: string) => (entry: RawEntry) => entry.name === name;
const change = (entries: RawEntry[], name: string, edit: (entry: RawEntry) => RawEntry) =>
  entries.map((entry) => (named(name)(entry) ? edit(entry) : entry));

/** The entries with signer.pem replaced and manifest.json (listing it) signed again by `signature`. */
function resigned(entries: RawEntry[], signerPem: Buffer, fingerprint: string, signature: (manifest: Buffer) => Buffer): RawEntry[] {
  const manifestEntry = entries.find(named('manifest.json')) as RawEntry;
  const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as {
    signer: { fingerprint: string };
    files: { path: string; size: number; sha256: string }[];
  };
  manifest.signer.fingerprint = fingerprint;
  for (const file of manifest.files) {
    if (file.path === 'signer.pem')
      Object.assign(file, { size: signerPem.length, sha256: createHash('sha256').update(signerPem).digest('hex') });
  }
  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  return entries.map((entry) => {
    if (entry.name === 'signer.pem') return { ...entry, data: signerPem, raw: signerPem, crc: undefined };
    if (entry.name === 'manifest.json') return { ...entry, data: manifestJson, raw: manifestJson, crc: undefined };
    if (entry.name === 'manifest.sig') {
      const sig = signature(manifestJson);
      return { ...entry, data: sig, raw: sig, crc: undefined };
    }
    return entry;
  });
}

describe('a real package, taken apart and rebuilt', () => {
  it('comes out byte for byte the same, so each change below is the only one', async () => {
    const { file } = await writeSamplePackage(tempDir());
    const original = readFileSync(file);
    expect(buildZip(readZip(original)).equals(original)).toBe(true);
  });
});

describe('CRC-32', () => {
  it('crc_mismatch: CRC fields changed consistently (central record and descriptor) while unzip -t would report a bad CRC', async () => {
    const entries = await realEntries();
    const streamed = change(entries, 'report.json', (entry) => ({ ...entry, crc: ((entry.crc as number) ^ 1) >>> 0 }));
    expect(await verifyBytes(buildZip(streamed))).toEqual({ ok: false, reason: 'crc_mismatch', detail: 'report.json' });
    const inMemory = change(entries, 'signer.pem', (entry) => ({ ...entry, crc: ((entry.crc as number) ^ 1) >>> 0 }));
    expect(await verifyBytes(buildZip(inMemory))).toEqual({ ok: false, reason: 'crc_mismatch', detail: 'signer.pem' });
  });
});

describe('signer.pem', () => {
  const privatePem = signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const fingerprint = createHash('sha256')
    .update(createPublicKey(signer.privateKey).export({ type: 'spki', format: 'der' }))
    .digest('hex');
  const signWith = (manifest: Buffer) => sign(null, manifest, signer.privateKey);

  it.each([
    ['the private key (openssl cannot read it as a public key, and it publishes the signing key)', privatePem],
    ['the public key twice', signer.publicKeyPem + signer.publicKeyPem],
    ['the public key with text after it', `${signer.publicKeyPem}trust me\n`],
    ['the public key with text before it', `Department key\n${signer.publicKeyPem}`],
  ])('bad_signer_key: %s', async (_label, pem) => {
    const entries = resigned(await realEntries(), Buffer.from(pem), fingerprint, signWith);
    expect(await verifyBytes(buildZip(entries))).toEqual({ ok: false, reason: 'bad_signer_key', detail: 'signer.pem' });
  });
});

/** Ed25519 arithmetic for crafting keys and signatures a signer could produce but must not. */
const p = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const littleEndian = (value: bigint) => Buffer.from(value.toString(16).padStart(64, '0'), 'hex').reverse();
const fromLittleEndian = (bytes: Buffer) => BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
const spkiPem = (key: Buffer) => {
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key]);
  return {
    pem: Buffer.from(`-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`),
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
};
const identity = littleEndian(1n);

/** The y coordinates of the 8 points of small order (sign bit clear), canonical and not (p, p + 1). */
const smallOrderY = [
  0n,
  1n,
  p - 1n,
  fromLittleEndian(Buffer.from('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', 'hex')),
  fromLittleEndian(Buffer.from('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', 'hex')),
  p,
  p + 1n,
];
const smallOrderKeys = smallOrderY.flatMap((y) => [littleEndian(y), littleEndian(y | (1n << 255n))]);

describe('weak Ed25519 keys and signatures', () => {
  it('the crafted points are what they claim: R = identity and S = 0 verify for any message under the identity key', () => {
    const key = createPublicKey({ key: spkiPem(identity).pem, format: 'pem' });
    expect(verify(null, Buffer.from('any message at all'), key, Buffer.concat([identity, Buffer.alloc(32)]))).toBe(true);
  });

  it.each(smallOrderKeys.map((key) => [key.toString('hex'), key]))('bad_signer_key: small-order public key %s', async (_hex, key) => {
    const { pem, fingerprint } = spkiPem(key);
    const entries = resigned(await realEntries(), pem, fingerprint, () => Buffer.concat([identity, Buffer.alloc(32)]));
    expect(await verifyBytes(buildZip(entries))).toEqual({ ok: false, reason: 'bad_signer_key', detail: 'signer.pem' });
  });

  it('bad_signer_key: a public key encoded with y >= p', async () => {
    const { pem, fingerprint } = spkiPem(littleEndian(p + 5n));
    const entries = resigned(await realEntries(), pem, fingerprint, () => Buffer.concat([identity, Buffer.alloc(32)]));
    expect(await verifyBytes(buildZip(entries))).toEqual({ ok: false, reason: 'bad_signer_key', detail: 'signer.pem' });
  });

  it('bad_signature: S >= L (the same signature made malleable)', async () => {
    const entries = resigned(await realEntries(), Buffer.from(signer.publicKeyPem), fingerprintOfSigner(), (manifest) => {
      const signature = sign(null, manifest, signer.privateKey);
      return Buffer.concat([signature.subarray(0, 32), littleEndian(fromLittleEndian(signature.subarray(32)) + L)]);
    });
    expect(await verifyBytes(buildZip(entries))).toEqual({ ok: false, reason: 'bad_signature', detail: 'manifest.sig' });
  });

  it('bad_signature: a valid signature whose R is of small order', async () => {
    const key = generateSigningKey();
    const publicKey = createPublicKey(key.privateKey).export({ type: 'spki', format: 'der' }).subarray(12);
    const seed = Buffer.from(key.privateKey.export({ format: 'jwk' }).d as string, 'base64url');
    const h = createHash('sha512').update(seed).digest();
    h[0] = (h[0] as number) & 248;
    h[31] = ((h[31] as number) & 127) | 64;
    const scalar = fromLittleEndian(h.subarray(0, 32));
    const { pem, fingerprint } = spkiPem(publicKey);
    const entries = resigned(await realEntries(), pem, fingerprint, (manifest) => {
      // [S]B = R + [k]A with R the identity: S = k·a.
      const k =
        fromLittleEndian(
          createHash('sha512')
            .update(Buffer.concat([identity, publicKey, manifest]))
            .digest(),
        ) % L;
      return Buffer.concat([identity, littleEndian((k * scalar) % L)]);
    });
    const manifest = entries.find(named('manifest.json'))?.data as Buffer;
    expect(verify(null, manifest, createPublicKey({ key: pem, format: 'pem' }), entries.find(named('manifest.sig'))?.data as Buffer)).toBe(
      true,
    );
    expect(await verifyBytes(buildZip(entries))).toEqual({ ok: false, reason: 'bad_signature', detail: 'manifest.sig' });
  });
});

function fingerprintOfSigner(): string {
  return createHash('sha256')
    .update(createPublicKey(signer.privateKey).export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

describe('the container is exactly what the writer produces', () => {
  const corrupt = (detail: string) => ({ ok: false, reason: 'corrupt_zip', detail });

  it('manifest.json deflated (the writer stores it)', async () => {
    const entries = change(await realEntries(), 'manifest.json', (entry) => ({ ...entry, raw: undefined, deflate: true }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('manifest.json'));
  });

  it('manifest.json with a data descriptor (the writer writes none for it)', async () => {
    const entries = change(await realEntries(), 'manifest.json', (entry) => ({ ...entry, descriptor: true }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('manifest.json'));
  });

  it('report.json without a data descriptor (the writer streams it, with one)', async () => {
    const entries = change(await realEntries(), 'report.json', (entry) => ({ ...entry, descriptor: false }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('report.json'));
  });

  it('report.json stored (the writer deflates small text)', async () => {
    const entries = change(await realEntries(), 'report.json', (entry) => ({ ...entry, raw: undefined, deflate: false }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('report.json'));
  });

  it('a photo deflated (the writer stores what is compressed already)', async () => {
    const entries = change(await realEntries(), 'attachments/现场照片.jpg', (entry) => ({ ...entry, raw: undefined, deflate: true }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('attachments/现场照片.jpg'));
  });

  it('every timestamp changed alike (the writer uses generatedAt)', async () => {
    const entries = (await realEntries()).map((entry) => ({ ...entry, date: dosDate + 1 }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('report.json'));
  });

  it('one timestamp changed', async () => {
    const entries = change(await realEntries(), 'report.csv', (entry) => ({ ...entry, time: (entry.time as number) + 1 }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('report.csv'));
  });

  it('entries in another order than the manifest lists them', async () => {
    const entries = await realEntries();
    const [first, second] = [entries[0] as RawEntry, entries[1] as RawEntry];
    expect(await verifyBytes(buildZip([second, first, ...entries.slice(2)]))).toEqual(corrupt('report.html'));
  });

  it('signer.pem, manifest.json and manifest.sig not last, in that order', async () => {
    const entries = await realEntries();
    const last = entries.slice(-3);
    expect(await verifyBytes(buildZip([...entries.slice(0, -3), last[1] as RawEntry, last[0] as RawEntry, last[2] as RawEntry]))).toEqual(
      corrupt('manifest.json'),
    );
  });

  it('another "version made by" or "version needed" in a central record', async () => {
    const bytes = buildZip(await realEntries());
    const central = bytes.readUInt32LE(bytes.length - 22 + 16);
    for (const [offset, value] of [
      [4, (3 << 8) | 20],
      [6, 10],
    ] as const) {
      const changed = Buffer.from(bytes);
      changed.writeUInt16LE(value, central + offset);
      expect(await verifyBytes(changed)).toEqual(corrupt('report.json'));
    }
  });

  it('an extra field in a central record', async () => {
    const entries = change(await realEntries(), 'report.json', (entry) => ({ ...entry, extra: Buffer.from([0x55, 0x54, 1, 0, 1]) }));
    expect(await verifyBytes(buildZip(entries))).toEqual(corrupt('report.json'));
  });

  it('and the hand-built packages of the hostile suite follow the same rules', async () => {
    expect(await verifyBytes(buildZip(signedEntries(sampleFiles)))).toMatchObject({ ok: true });
  });
});
