import { createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { KeyStatus } from '../../../shared/api/calls/reports';
import { AppError } from '../../../shared/api/errors';
import { findSigningKey, insertSigningKey } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import type { Scope } from '../workspace/scope';
import { decryptPrivateKey, encryptPrivateKey, fingerprintOf, generateSigningKey, type SigningKey } from './keys';

/**
 * The operating system's secret store (Electron's safeStorage: DPAPI on Windows, Keychain
 * on macOS, libsecret/kwallet on Linux). Absent in the CLI and the dev host, and when the
 * only Linux backend is `basic_text`; then keys are sealed with a passphrase instead.
 */
export interface OsSecretStore {
  seal(plain: string): Promise<Buffer>;
  open(sealed: Buffer): Promise<string>;
}

const OsSealed = z.strictObject({ scheme: z.literal('safeStorage'), ciphertext: z.string() });

export async function keyStatus(ctx: ServiceContext, scope: Scope): Promise<KeyStatus> {
  const stored = findSigningKey(ctx.db, scope.departmentId);
  return {
    department: scope.department,
    fingerprint: stored?.fingerprint ?? null,
    protection: stored?.protection ?? null,
    osStoreAvailable: ctx.osSecrets !== null,
    createdAt: stored?.createdAt ?? null,
  };
}

/** Creates the department's Ed25519 key, sealed by the OS when it can, else by the passphrase. */
export async function createKey(ctx: ServiceContext, scope: Scope, passphrase: string | null): Promise<KeyStatus> {
  if (findSigningKey(ctx.db, scope.departmentId)) return keyStatus(ctx, scope);
  const key = generateSigningKey();
  const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
  let sealed: string;
  let protection: 'os' | 'passphrase';
  try {
    if (ctx.osSecrets) {
      sealed = JSON.stringify({ scheme: 'safeStorage', ciphertext: (await ctx.osSecrets.seal(der.toString('base64'))).toString('base64') });
      protection = 'os';
    } else {
      if (passphrase === null) throw new AppError('report.passphrase_required');
      sealed = encryptPrivateKey(key.privateKey, passphrase);
      protection = 'passphrase';
    }
  } finally {
    der.fill(0);
  }
  insertSigningKey(ctx.db, scope.departmentId, {
    publicKeyPem: key.publicKeyPem,
    fingerprint: fingerprintOf(key.publicKeyPem),
    protection,
    sealed,
    createdAt: ctx.now().toISOString(),
  });
  ctx.log.info('signing key created', { department: scope.department, protection });
  return keyStatus(ctx, scope);
}

/** The department's key, unsealed in memory only; refuses clearly when it cannot be opened. */
export async function unlockKey(ctx: ServiceContext, scope: Scope, passphrase: string | null): Promise<SigningKey & { fingerprint: string }> {
  const stored = findSigningKey(ctx.db, scope.departmentId);
  if (!stored) throw new AppError('report.no_key');
  let privateKey: KeyObject;
  if (stored.protection === 'os') {
    if (!ctx.osSecrets) throw new AppError('report.key_needs_app');
    const parsed = OsSealed.safeParse(safeJson(stored.sealed));
    if (!parsed.success) throw new AppError('report.bad_key_file');
    const der = Buffer.from(await ctx.osSecrets.open(Buffer.from(parsed.data.ciphertext, 'base64')), 'base64');
    try {
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } finally {
      der.fill(0);
    }
  } else {
    if (passphrase === null) throw new AppError('report.passphrase_required');
    privateKey = decryptPrivateKey(stored.sealed, passphrase);
  }
  return { privateKey, publicKeyPem: stored.publicKeyPem, fingerprint: stored.fingerprint };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
