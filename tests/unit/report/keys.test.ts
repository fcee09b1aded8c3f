import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptPrivateKey,
  encryptPrivateKey,
  fingerprintOf,
  generateSigningKey,
  StoredSigningKey,
} from '../../../electron/services/report/keys';
import { minPassphraseLength } from '../../../shared/api/calls/reports';
import { AppError } from '../../../shared/api/errors';

const key = generateSigningKey();
const passphrase = '质量强省 2026!';
// One sealing for the whole file: each scrypt derivation takes a noticeable fraction of a second.
const sealed = await encryptPrivateKey(key.privateKey, passphrase);

async function errorCodeOf(work: () => unknown): Promise<string | undefined> {
  try {
    await work();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

function withCipher(edit: (stored: ReturnType<typeof StoredSigningKey.parse>) => void): string {
  const stored = StoredSigningKey.parse(JSON.parse(sealed));
  edit(stored);
  return JSON.stringify(stored);
}

describe('signing keys', () => {
  it('are Ed25519 with a fingerprint that is the SHA-256 of the public key', () => {
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/u);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(fingerprintOf(key.publicKeyPem)).toMatch(/^[0-9a-f]{64}$/u);
    expect(fingerprintOf(generateSigningKey().publicKeyPem)).not.toBe(fingerprintOf(key.publicKeyPem));
  });

  it('take a public key only as one SPKI PEM block and nothing else: never a private key, never text around it', async () => {
    const privatePem = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const pem of [privatePem, key.publicKeyPem + key.publicKeyPem, `note\n${key.publicKeyPem}`, `${key.publicKeyPem}note\n`]) {
      expect(await errorCodeOf(() => fingerprintOf(pem))).toBe('report.bad_public_key');
    }
    expect(fingerprintOf(key.publicKeyPem.replace(/\n/gu, '\r\n'))).toBe(fingerprintOf(key.publicKeyPem));
  });

  it('refuse a public key that is not Ed25519, or not a key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(await errorCodeOf(() => fingerprintOf(rsa))).toBe('report.bad_public_key');
    expect(await errorCodeOf(() => fingerprintOf('hello'))).toBe('report.bad_public_key');
  });
});

describe('a private key sealed with a passphrase', () => {
  it('is stored as scrypt + AES-256-GCM parameters, all base64, under a scheme tag', () => {
    const stored = JSON.parse(sealed);
    expect(stored).toMatchObject({
      scheme: 'passphrase',
      kdf: { name: 'scrypt', r: 8, p: 1, salt: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/u) },
      cipher: { name: 'aes-256-gcm', iv: expect.any(String), tag: expect.any(String), ciphertext: expect.any(String) },
    });
    expect(stored.kdf.N).toBeGreaterThanOrEqual(2 ** 15);
  });

  it('opens with the right passphrase into a key that signs for the same public key', async () => {
    const opened = await decryptPrivateKey(sealed, passphrase);
    const message = Buffer.from('manifest');
    expect(verify(null, message, key.publicKeyPem, sign(null, message, opened))).toBe(true);
  });

  it('opens when the passphrase arrives in another Unicode normalisation form', async () => {
    const accented = 'Qualité';
    const stored = await encryptPrivateKey(key.privateKey, accented.normalize('NFD'));
    expect((await decryptPrivateKey(stored, accented.normalize('NFC'))).asymmetricKeyType).toBe('ed25519');
  });

  it('derives the key off the event loop, so the app stays responsive meanwhile', async () => {
    // scrypt at 128 MiB takes a good fraction of a second; a timer must keep firing during it.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      const opening = decryptPrivateKey(sealed, passphrase);
      expect(opening).toBeInstanceOf(Promise);
      await opening;
      await encryptPrivateKey(key.privateKey, passphrase);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(5);
  });

  it('never holds the private key in the clear, in any encoding', () => {
    const pkcs8 = key.privateKey.export({ type: 'pkcs8', format: 'der' });
    const seed = Buffer.from(key.privateKey.export({ format: 'jwk' }).d as string, 'base64url');
    for (const secret of [pkcs8, seed]) {
      for (const encoding of ['base64', 'base64url', 'hex'] as const) expect(sealed).not.toContain(secret.toString(encoding));
      expect(Buffer.from(sealed).includes(secret)).toBe(false);
    }
    expect(sealed).not.toContain('PRIVATE KEY');
  });

  it('refuses a wrong passphrase with a typed error', async () => {
    expect(await errorCodeOf(() => decryptPrivateKey(sealed, '质量强省 2025!'))).toBe('report.wrong_passphrase');
  });

  it('refuses a tampered ciphertext, tag or salt as it refuses a wrong passphrase', async () => {
    const flipFirstByte = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = (bytes[0] as number) ^ 1;
      return bytes.toString('base64');
    };
    const tampered = [
      withCipher((stored) => (stored.cipher.ciphertext = flipFirstByte(stored.cipher.ciphertext))),
      withCipher((stored) => (stored.cipher.tag = flipFirstByte(stored.cipher.tag))),
      withCipher((stored) => (stored.kdf.salt = flipFirstByte(stored.kdf.salt))),
    ];
    for (const stored of tampered) expect(await errorCodeOf(() => decryptPrivateKey(stored, passphrase))).toBe('report.wrong_passphrase');
  });

  it('refuses what is not a stored key, including scrypt costs chosen to exhaust memory, without trying them', async () => {
    const notKeys = [
      'not json',
      JSON.stringify({ scheme: 'plaintext', key: 'x' }),
      withCipher((stored) => (stored.kdf.N = 2 ** 30)),
      withCipher((stored) => (stored.kdf.p = 64)),
      withCipher((stored) => (stored.cipher.iv = 'AAAA')),
    ];
    // Refused by the schema before scrypt runs: N = 2^30 would need a gigabyte and take minutes.
    for (const stored of notKeys) expect(await errorCodeOf(() => decryptPrivateKey(stored, passphrase))).toBe('report.bad_key_file');
  });

  it('requires a passphrase', async () => {
    expect(await errorCodeOf(() => encryptPrivateKey(key.privateKey, ''))).toBe('report.passphrase_required');
  });

  it('refuses to seal with a passphrase shorter than the one minimum the UI asks for, naming it', async () => {
    for (const short of ['a', 'x'.repeat(minPassphraseLength - 1)]) {
      const refusal = await encryptPrivateKey(key.privateKey, short).catch((error: unknown) => error);
      expect(refusal, short).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'report.passphrase_too_short', params: { min: minPassphraseLength } });
    }
    expect(JSON.parse(await encryptPrivateKey(key.privateKey, '口'.repeat(minPassphraseLength)))).toMatchObject({ scheme: 'passphrase' });
  });
});
