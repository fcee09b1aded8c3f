import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scrypt,
  type KeyObject,
  type ScryptOptions,
} from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { minPassphraseLength } from '../../../shared/api/calls/reports';
import { AppError } from '../../../shared/api/errors';
import { sha256Hex } from '../../lib/hash';

/**
 * A department's Ed25519 signing key, and its passphrase sealing: the stored-key JSON below,
 * the private key encrypted with a key derived from the coordinator's passphrase. Sealing by
 * the operating system's secret store instead (Electron's safeStorage) is done in signing.ts,
 * which picks one of the two per key; either way the private key is never stored in the clear.
 */

export interface SigningKey {
  /** SPKI PEM, as shipped in every package as signer.pem. */
  publicKeyPem: string;
  privateKey: KeyObject;
}

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** Lowercase hex SHA-256 of the DER SPKI bytes, i.e. `openssl pkey -pubin -in signer.pem -outform DER | sha256sum`. */
export function fingerprintOf(publicKeyPem: string): string {
  return fingerprintOfKey(ed25519PublicKey(publicKeyPem));
}

export function fingerprintOfKey(publicKey: KeyObject): string {
  return sha256Hex(spkiDer(publicKey));
}

/** The DER SPKI of every Ed25519 public key: this prefix, then the 32 bytes of the key. */
const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
const publicKeyPemPattern = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n-----END PUBLIC KEY-----\r?\n?$/u;

/**
 * The 32 bytes of an Ed25519 public key in SPKI PEM: exactly one PUBLIC KEY block and nothing
 * else (no private key, from which OpenSSL would not read it, no text around it); null otherwise.
 */
export function ed25519PublicKeyBytes(publicKeyPem: string | Buffer): Buffer | null {
  const match = publicKeyPemPattern.exec(publicKeyPem.toString());
  if (!match) return null;
  const base64 = (match[1] as string).replace(/\r?\n/gu, '');
  const der = Buffer.from(base64, 'base64');
  if (der.toString('base64') !== base64 || der.length !== ed25519SpkiPrefix.length + 32) return null;
  return der.subarray(0, ed25519SpkiPrefix.length).equals(ed25519SpkiPrefix) ? der.subarray(ed25519SpkiPrefix.length) : null;
}

/** An Ed25519 public key in SPKI PEM (see ed25519PublicKeyBytes); anything else is refused. */
export function ed25519PublicKey(publicKeyPem: string | Buffer): KeyObject {
  const key = ed25519PublicKeyBytes(publicKeyPem);
  if (!key) throw new AppError('report.bad_public_key');
  try {
    return createPublicKey({ key: Buffer.concat([ed25519SpkiPrefix, key]), format: 'der', type: 'spki' });
  } catch {
    throw new AppError('report.bad_public_key');
  }
}

/** The DER SPKI of a public key, or of a private key's public half. */
export function spkiDer(key: KeyObject): Buffer {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
}

/**
 * scrypt at N = 2^17, r = 8 (128 MiB, about half a second): the OWASP minimum for
 * passphrases. It runs on libuv's thread pool (the async crypto.scrypt), never on the
 * event loop of the Electron main process. Decryption accepts the parameters stored with
 * the key, within bounds, so a crafted file cannot make us allocate gigabytes.
 */
const scryptDefaults = { N: 2 ** 17, r: 8, p: 1 } as const;
const scryptBounds = { minN: 2 ** 15, maxN: 2 ** 20, r: 8, maxP: 4 } as const;
const keyLength = 32;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/u);

const PassphraseSealedKey = z.strictObject({
  scheme: z.literal('passphrase'),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(scryptBounds.minN)
      .max(scryptBounds.maxN)
      .refine((n) => Number.isInteger(Math.log2(n)), 'power of two'),
    r: z.literal(scryptBounds.r),
    p: z.number().int().min(1).max(scryptBounds.maxP),
    salt: Base64,
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: Base64, tag: Base64, ciphertext: Base64 }),
});

/**
 * A private key sealed by a passphrase, as stored at rest. Tagged by `scheme` so a stored
 * key says how it is sealed; keys sealed by the OS keychain have their own scheme
 * ('safeStorage'), read in signing.ts, not here.
 */
export const StoredSigningKey = z.discriminatedUnion('scheme', [PassphraseSealedKey]);
export type StoredSigningKey = z.infer<typeof StoredSigningKey>;

/**
 * Seals the PKCS#8 DER of `privateKey` with AES-256-GCM under a scrypt key; returns the stored-key JSON.
 * The passphrase must be at least minPassphraseLength long, the minimum the UI asks for: checked
 * here so the CLI and the dev host, which reach this without the UI, cannot seal with less.
 */
export async function encryptPrivateKey(privateKey: KeyObject, passphrase: string): Promise<string> {
  if (passphrase === '') throw new AppError('report.passphrase_required');
  if (passphrase.length < minPassphraseLength) throw new AppError('report.passphrase_too_short', { min: minPassphraseLength });
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, scryptDefaults);
  const plain = privateKey.export({ type: 'pkcs8', format: 'der' });
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    const sealed: StoredSigningKey = {
      scheme: 'passphrase',
      kdf: { name: 'scrypt', ...scryptDefaults, salt: salt.toString('base64') },
      cipher: {
        name: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      },
    };
    return `${JSON.stringify(sealed, null, 2)}\n`;
  } finally {
    plain.fill(0);
    key.fill(0);
  }
}

/**
 * Opens a stored key. A wrong passphrase and a tampered file look the same to AES-GCM,
 * so both are `report.wrong_passphrase`; a file that is not a stored key at all is
 * `report.bad_key_file`.
 */
export async function decryptPrivateKey(stored: string, passphrase: string): Promise<KeyObject> {
  const sealed = parseStoredKey(stored);
  const { N, r, p, salt } = sealed.kdf;
  const key = await deriveKey(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  const plain = openSealed(sealed, key);
  let privateKey: KeyObject | undefined;
  try {
    privateKey = createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' });
  } catch {
    // Authentic but not a key: a file sealed by something else.
  } finally {
    plain.fill(0);
  }
  if (privateKey?.asymmetricKeyType !== 'ed25519') throw new AppError('report.bad_key_file');
  return privateKey;
}

function openSealed({ cipher }: StoredSigningKey, key: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(cipher.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(cipher.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('report.wrong_passphrase');
  } finally {
    key.fill(0);
  }
}

function parseStoredKey(stored: string): StoredSigningKey {
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    throw new AppError('report.bad_key_file');
  }
  const parsed = StoredSigningKey.safeParse(json);
  if (!parsed.success) throw new AppError('report.bad_key_file');
  const { iv, tag } = parsed.data.cipher;
  if (Buffer.from(iv, 'base64').length !== 12 || Buffer.from(tag, 'base64').length !== 16) throw new AppError('report.bad_key_file');
  return parsed.data;
}

const scryptAsync = promisify<Buffer, Buffer, number, ScryptOptions, Buffer>(scrypt);

async function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  // Normalised so the same passphrase typed through different input methods derives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    // scrypt needs about 128·r·(N + p) bytes; Node's default cap (32 MiB) is below our N.
    return await scryptAsync(secret, salt, keyLength, { N, r, p, maxmem: 128 * r * (N + p) + 1024 * 1024 });
  } finally {
    secret.fill(0);
  }
}
