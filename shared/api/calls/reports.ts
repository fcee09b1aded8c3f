import { z } from 'zod';
import { ReportData } from '../../report/data';
import { sha256HexPattern, verifyFailureReasons } from '../../report/manifest';
import { parsePeriod } from '../../report/period';
import { call } from '../define';
import { Delivery } from './office';
import { Empty } from './common';
import { Download, FileId, SaveTargetId } from './files';
import { MeasureCode } from './workspace';

/** A reporting period as the CLI spells it: 2016, 2016-H2, 2016-Q3, 2016-07 or 2016-07-01..2017-01-31. */
export const PeriodKey = z
  .string()
  .trim()
  .max(40)
  .refine((text) => parsePeriod(text) !== null, 'period');

/** The shortest passphrase that may seal a signing key: the UI checks it as the user types, the key service (keys.ts) for every caller. */
export const minPassphraseLength = 8;
const Passphrase = z.string().min(minPassphraseLength).max(200);
/** Null in the browser, which receives a download instead. */
const TargetId = SaveTargetId.nullable();
const Fingerprint = z.string().regex(sha256HexPattern);

export const KeyStatus = z.object({
  department: z.string(),
  fingerprint: Fingerprint.nullable(),
  /** 'os': sealed by the operating system's secret store; 'passphrase': by the user's passphrase. */
  protection: z.enum(['os', 'passphrase']).nullable(),
  /** Whether a new key would be sealed by the OS (else a passphrase is needed). */
  osStoreAvailable: z.boolean(),
  createdAt: z.string().nullable(),
  /** Keys this department used before (newest first): reports they signed still carry these fingerprints. */
  retired: z.array(z.object({ fingerprint: Fingerprint, createdAt: z.string(), retiredAt: z.string() })),
});
export type KeyStatus = z.infer<typeof KeyStatus>;

export const ReportExport = z.object({
  id: z.number().int(),
  periodKey: z.string(),
  periodLabel: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  manifestSha256: z.string(),
  fingerprint: z.string(),
  exportedAt: z.string(),
  /** SHA-256 of the package file as written (null for exports made before it was recorded). */
  packageSha256: z.string().nullable(),
  /** The office's signed receipt for this package, once imported (送达). */
  delivery: Delivery.nullable(),
});
export type ReportExport = z.infer<typeof ReportExport>;

export const TrustedSigner = z.object({ fingerprint: Fingerprint, department: z.string(), addedAt: z.string() });

export const VerifyOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Id of the verified copy, for its preview at /preview/verified/<id>/report.html. */
    verifiedId: z.string(),
    fileName: z.string(),
    fingerprint: Fingerprint,
    /** The department the signed manifest says the report comes from. */
    department: z.string(),
    /** The department this signer is registered for, or null when it is not registered. */
    trustedAs: z.string().nullable(),
    /** The structured report, or null when report.json is not one this version can read. */
    report: ReportData.nullable(),
    files: z.array(z.object({ path: z.string(), size: z.number().int() })),
  }),
  z.object({
    ok: z.literal(false),
    fileName: z.string(),
    reason: z.enum(verifyFailureReasons),
    detail: z.string(),
  }),
]);
export type VerifyOutcome = z.infer<typeof VerifyOutcome>;

export const reportCalls = {
  /** The report for a period as it stands: drafted from the data, with what the coordinator wrote. */
  'reports.draft': call(
    z.object({ period: PeriodKey }).strict(),
    z.object({ data: ReportData, periodKey: z.string(), updatedAt: z.string().nullable() }),
  ),
  'reports.saveDraft': call(
    z
      .object({
        period: PeriodKey,
        problems: z.string().max(20_000),
        nextSteps: z.string().max(20_000),
        contactPerson: z.string().max(50),
        contactPhone: z.string().max(50),
      })
      .partial({ problems: true, nextSteps: true, contactPerson: true, contactPhone: true })
      .strict(),
    z.object({ updatedAt: z.string() }),
  ),
  'reports.saveMeasureText': call(
    z.object({ period: PeriodKey, code: MeasureCode, workDone: z.string().max(20_000) }).strict(),
    z.object({ updatedAt: z.string() }),
  ),
  'reports.keyStatus': call(Empty, KeyStatus),
  /** Creates the department's signing key (if it has none); the passphrase is needed where the OS cannot seal it. */
  'reports.createKey': call(z.object({ passphrase: Passphrase.nullable() }).strict(), KeyStatus),
  /**
   * Replaces the department's signing key with a new pair (a forgotten passphrase, a key the
   * keychain can no longer open). The old public key is kept as retired, so reports signed
   * before stay explainable; the office must register the new fingerprint.
   */
  'reports.replaceKey': call(z.object({ passphrase: Passphrase.nullable() }).strict(), KeyStatus),
  /** Opens the key with this passphrase (null: by the OS keychain) to check it; the key never leaves the backend. */
  'reports.checkPassphrase': call(z.object({ passphrase: Passphrase.nullable() }).strict(), z.object({}).strict()),
  'reports.exportPublicKey': call(z.object({ targetId: TargetId }).strict(), z.object({ download: Download.nullable() })),
  /** Starts writing the signed package; progress and the result come from the job. */
  'reports.export': call(
    z.object({ period: PeriodKey, targetId: TargetId, passphrase: Passphrase.nullable() }).strict(),
    z.object({ jobId: z.string() }),
  ),
  'reports.history': call(Empty, z.array(ReportExport)),
  /** The period's report on its own as an official Word document (GB/T 9704 layout), unsigned: for editing and folding into the office's summary. */
  'reports.saveDocx': call(
    z.object({ period: PeriodKey, targetId: TargetId }).strict(),
    z.object({ download: Download.nullable(), fileName: z.string() }),
  ),
  /** Verification runs as a job (progress in bytes read, cancellable); its result is the VerifyOutcome. */
  'reports.verify': call(z.object({ fileId: FileId }).strict(), z.object({ jobId: z.string() })),
  /** Saves one file listed in a package verified in this session (checked again as it is taken out). */
  'reports.saveVerifiedFile': call(
    z.object({ verifiedId: z.string().regex(/^[\w-]{8,64}$/u), path: z.string().min(1).max(1000), targetId: TargetId }).strict(),
    z.object({ download: Download.nullable() }),
  ),
  'reports.trusted': call(Empty, z.array(TrustedSigner)),
  'reports.trust': call(
    z.object({ fingerprint: Fingerprint, department: z.string().trim().min(1).max(100).nullable() }).strict(),
    z.array(TrustedSigner),
  ),
};
