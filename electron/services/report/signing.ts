import { createPrivateKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { causeText } from '../../../shared/api/error-text';
import type { KeyStatus } from '../../../shared/api/calls/reports';
import { AppError } from '../../../shared/api/errors';
import { findSigningKey, insertSigningKey, listRetiredKeys, replaceSigningKey, type StoredKeyRow } from '../../db/repos/reports';
import type { OsSecretStore, ServiceContext } from '../context';
import type { Scope } from '../workspace/scope';
import { decryptPrivateKey, encryptPrivateKey, fingerprintOf, generateSigningKey, type SigningKey } from './keys';

const OsSealed = z.strictObject({ scheme: z.literal('safeStorage'), ciphertext: z.string() });

export async function keyStatus(ctx: ServiceContext, scope: Scope): Promise<KeyStatus> {
  const stored = findSigningKey(ctx.db, scope.departmentId);
  return {
    department: scope.department,
    fingerprint: stored?.fingerprint ?? null,
    protection: stored?.protection ?? null,
    osStoreAvailable: ctx.osSecrets !== null,
    createdAt: stored?.createdAt ?? null,
    retired: listRetiredKeys(ctx.db, scope.departmentId),
  };
}

/** Creates the department's Ed25519 key, sealed by the OS when it can, else by the passphrase. A key already there is kept. */
export async function createKey(ctx: ServiceContext, scope: Scope, passphrase: string | null): Promise<KeyStatus> {
  if (findSigningKey(ctx.db, scope.departmentId)) return keyStatus(ctx, scope);
  const key = await newSealedKey(ctx, passphrase);
  // Sealing awaited; another call may have created a key meanwhile. The first one stays.
  if (!findSigningKey(ctx.db, scope.departmentId)) {
    insertSigningKey(ctx.db, scope.departmentId, key);
    ctx.log.info('signing key created', { department: scope.department, protection: key.protection });
  }
  return keyStatus(ctx, scope);
}

/**
 * Replaces the department's key with a new pair, for when the old one cannot be used any
 * more: its passphrase is forgotten, or the keychain of this PC or profile cannot open it.
 * The old public key is kept as retired (reports signed with it stay explainable); the office
 * must register the new fingerprint before it trusts reports signed with it.
 */
export async function replaceKey(ctx: ServiceContext, scope: Scope, passphrase: string | null): Promise<KeyStatus> {
  const key = await newSealedKey(ctx, passphrase);
  replaceSigningKey(ctx.db, scope.departmentId, key, ctx.now().toISOString());
  ctx.log.info('signing key replaced', { department: scope.department, protection: key.protection });
  return keyStatus(ctx, scope);
}

/** A fresh key pair, its private half sealed by the OS when it can, else by the passphrase. */
async function newSealedKey(ctx: ServiceContext, passphrase: string | null): Promise<StoredKeyRow> {
  const key = generateSigningKey();
  let sealed: string;
  let protection: 'os' | 'passphrase';
  if (ctx.osSecrets) {
    const der = key.privateKey.export({ type: 'pkcs8', format: 'der' });
    try {
      sealed = JSON.stringify({ scheme: 'safeStorage', ciphertext: (await ctx.osSecrets.seal(der)).toString('base64') });
    } finally {
      der.fill(0);
    }
    protection = 'os';
  } else {
    if (passphrase === null) throw new AppError('report.passphrase_required');
    sealed = await encryptPrivateKey(key.privateKey, passphrase);
    protection = 'passphrase';
  }
  return {
    publicKeyPem: key.publicKeyPem,
    fingerprint: fingerprintOf(key.publicKeyPem),
    protection,
    sealed,
    createdAt: ctx.now().toISOString(),
  };
}

/** The department's key, unsealed in memory only; refuses clearly when it cannot be opened. */
export async function unlockKey(
  ctx: ServiceContext,
  scope: Scope,
  passphrase: string | null,
): Promise<SigningKey & { fingerprint: string }> {
  const stored = findSigningKey(ctx.db, scope.departmentId);
  if (!stored) throw new AppError('report.no_key');
  let privateKey: KeyObject;
  if (stored.protection === 'os') {
    if (!ctx.osSecrets) throw new AppError('report.key_needs_app');
    const parsed = OsSealed.safeParse(parseJsonOrNull(stored.sealed));
    if (!parsed.success) throw new AppError('report.bad_key_file');
    privateKey = await openOsSealed(ctx, ctx.osSecrets, parsed.data.ciphertext);
  } else {
    if (passphrase === null) throw new AppError('report.passphrase_required');
    privateKey = await decryptPrivateKey(stored.sealed, passphrase);
  }
  return { privateKey, publicKeyPem: stored.publicKeyPem, fingerprint: stored.fingerprint };
}

/** Proves the passphrase (or the keychain) opens the department's key; the key is dropped at once. */
export async function checkPassphrase(ctx: ServiceContext, scope: Scope, passphrase: string | null): Promise<Record<string, never>> {
  await unlockKey(ctx, scope, passphrase);
  return {};
}

/**
 * Opens a key sealed by the OS. A keychain that cannot (the data folder was copied to
 * another PC or user profile, the keychain was reset) is `report.key_unavailable`: the key is
 * lost for good there, and the message says to replace it.
 */
async function openOsSealed(ctx: ServiceContext, secrets: OsSecretStore, ciphertext: string): Promise<KeyObject> {
  let der: Buffer;
  try {
    der = await secrets.open(Buffer.from(ciphertext, 'base64'));
  } catch (error) {
    ctx.log.warn('keychain could not open the signing key', { reason: causeText(error) });
    throw new AppError('report.key_unavailable');
  }
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new AppError('report.key_unavailable');
  } finally {
    der.fill(0);
  }
}

/** The value JSON `text` holds, or null when it is not JSON. */
function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
