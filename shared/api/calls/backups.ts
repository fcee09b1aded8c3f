import { z } from 'zod';
import { call } from '../define';
import { Empty } from './common';

export const backupKinds = ['daily', 'manual', 'pre-restore', 'pre-migration'] as const;

export const BackupName = z
  .string()
  .regex(/^planledger-[\w-]+\.sqlite$/u)
  .max(120);

export const BackupInfo = z.object({
  name: BackupName,
  kind: z.enum(backupKinds),
  createdAt: z.string(),
  size: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const RecoveryStatus = z.discriminatedUnion('damaged', [
  z.object({ damaged: z.literal(false) }),
  z.object({
    damaged: z.literal(true),
    /** 'damaged': the file failed its check; 'missing': there is no data file, though backups exist. */
    cause: z.enum(['damaged', 'missing']),
    file: z.string(),
    detail: z.string(),
    /** Newest first, each checked with quick_check (restore runs the full integrity_check); `ok` false means it cannot be used. */
    backups: z.array(BackupInfo.extend({ ok: z.boolean() })),
  }),
]);
export type RecoveryStatus = z.infer<typeof RecoveryStatus>;

export const backupCalls = {
  'backups.list': call(Empty, z.array(BackupInfo)),
  'backups.create': call(Empty, BackupInfo),
  /** Replaces the data with a backup, after taking a copy of the current state. */
  'backups.restore': call(z.object({ name: BackupName }).strict(), z.object({ restored: BackupName, safetyCopy: BackupName })),
  /** At start: whether the database failed its check, and which backups could replace it. */
  'recovery.status': call(Empty, RecoveryStatus),
  /** Puts a good backup in place of a damaged (or missing) database; the damaged file is kept aside (null: there was none). */
  'recovery.restore': call(z.object({ name: BackupName }).strict(), z.object({ restored: BackupName, damagedCopy: z.string().nullable() })),
  /**
   * No usable backup: keeps the damaged file aside under a dated name (never deleted) and
   * starts with a new database holding the embedded plan.
   */
  'recovery.startFresh': call(Empty, z.object({ damagedCopy: z.string().nullable() })),
};
