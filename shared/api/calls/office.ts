import { z } from 'zod';
import { ReportData } from '../../report/data';
import { sha256HexPattern, verifyFailureReasons } from '../../report/manifest';
import { receiptFailureReasons } from '../../office/receipt';
import { call } from '../define';
import { Empty, IsoDate } from './common';
import { Download, FileId, SaveTargetId } from './files';
import { MeasureCode } from './workspace';

/**
 * The receiving office: packages from every department come in (收件), are kept byte for
 * byte, and are shown as a completeness matrix, a roll-up by measure and signed receipts.
 * Any department's install can act as the office (Settings.office).
 */

const Sha256 = z.string().regex(sha256HexPattern);
const Fingerprint = Sha256;
const TargetId = SaveTargetId.nullable();
const Passphrase = z.string().min(8).max(200);
export const SubmissionId = z.number().int().positive();

/**
 * Why a file of a batch was not received: the verifier's reasons, plus what can go wrong
 * around it (the file vanished or is locked, the disk filled while storing it), and what a
 * folder walk leaves out (a symbolic link is never followed; past 10,000 files or 32 levels
 * of folders the rest is skipped, named once).
 */
export const receiveRefusalReasons = [
  ...verifyFailureReasons,
  'unreadable',
  'disk_full',
  'store_failed',
  'symlink',
  'too_many_files',
  'too_deep',
] as const;
export type ReceiveRefusalReason = (typeof receiveRefusalReasons)[number];

/** A signer as the office sees it: registered for this department, unknown, or registered for another one. */
export const signerTrusts = ['trusted', 'unknown', 'mismatch'] as const;
export const SignerTrust = z.enum(signerTrusts);
export type SignerTrust = z.infer<typeof SignerTrust>;

export const SubmissionPeriod = z.object({ from: IsoDate, to: IsoDate, label: z.string() });

/** One received package (what the signed manifest says, and how it came in). */
export const Submission = z.object({
  id: SubmissionId,
  packageSha256: Sha256,
  size: z.number().int().nonnegative(),
  /** The name the file had when it arrived. */
  fileName: z.string(),
  department: z.string(),
  period: SubmissionPeriod,
  generatedAt: z.string(),
  receivedAt: z.string(),
  signer: z.object({ fingerprint: Fingerprint, trust: SignerTrust, registeredAs: z.string().nullable() }),
  plan: z.object({ title: z.string(), docNumber: z.string().nullable(), sha256: Sha256 }),
  /** The manifest's counters (measures, tasks, tasksDone…). */
  summary: z.record(z.string(), z.number()),
  /** Null while current; else the package that replaced it (a later one for the same department and period). */
  supersededBy: SubmissionId.nullable(),
});
export type Submission = z.infer<typeof Submission>;

/** What happened to one file of a batch (the CLI's --json prints exactly these). */
export const ReceiveItem = z.object({
  path: z.string(),
  outcome: z.enum(['accepted', 'duplicate', 'refused']),
  reason: z.enum(receiveRefusalReasons).optional(),
  /** The refusal in words, in the user's language. */
  detail: z.string().optional(),
  department: z.string().optional(),
  period: z.string().optional(),
  packageSha256: Sha256.optional(),
  signer: z.object({ fingerprint: Fingerprint, trust: SignerTrust }).optional(),
  /** The package this one replaced as current for its department and period. */
  supersedes: Sha256.optional(),
  submissionId: SubmissionId.optional(),
});
export type ReceiveItem = z.infer<typeof ReceiveItem>;

export const ReceiveCounts = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});
export type ReceiveCounts = z.infer<typeof ReceiveCounts>;

export const ReceiveSummary = ReceiveCounts.extend({ items: z.array(ReceiveItem) });
export type ReceiveSummary = z.infer<typeof ReceiveSummary>;

export const matrixGranularities = ['month', 'quarter', 'half', 'year'] as const;
export const MatrixGranularity = z.enum(matrixGranularities);
export type MatrixGranularity = z.infer<typeof MatrixGranularity>;

/** A cell of the completeness matrix, always shown in words as well as colour. */
export const cellStatuses = ['received', 'received_late', 'untrusted', 'missing', 'missing_overdue'] as const;
export const CellStatus = z.enum(cellStatuses);
export type CellStatus = z.infer<typeof CellStatus>;

export const MatrixPeriod = z.object({
  /** The CLI spelling (2016-Q3). */
  key: z.string(),
  label: z.string(),
  from: IsoDate,
  to: IsoDate,
  /** When reports for this period are due (from the plan's reporting deadlines), or null when the plan sets none. */
  deadline: IsoDate.nullable(),
});
export type MatrixPeriod = z.infer<typeof MatrixPeriod>;

export const MatrixCell = z.object({
  status: CellStatus,
  /** The current submission for the cell, if any. */
  submissionId: SubmissionId.nullable(),
  packageSha256: Sha256.nullable(),
  generatedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  /** Days after the deadline the first package came in (received_late), or the cell is overdue (missing_overdue). */
  daysLate: z.number().int().nullable(),
  /** How many packages came for the cell (re-submissions included). */
  versions: z.number().int().nonnegative(),
  tasks: z.object({ total: z.number().int(), done: z.number().int() }).nullable(),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

export const Matrix = z.object({
  granularity: MatrixGranularity,
  periods: z.array(MatrixPeriod),
  rows: z.array(z.object({ department: z.string(), cells: z.array(MatrixCell) })),
  /** Submissions for this plan from departments it does not name (shown apart, never dropped). */
  otherDepartments: z.array(z.string()),
});
export type Matrix = z.infer<typeof Matrix>;

export const MatrixRequest = z
  .object({
    granularity: MatrixGranularity,
    /** First and last month shown (YYYY-MM); by default from the plan's issue to the month of its last deadline or today, whichever is later. */
    from: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/u)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/u)
      .optional(),
  })
  .strict();

/** One difference between two versions of a department's report for the same period. */
export const DiffEntry = z.object({
  scope: z.enum(['report', 'measure', 'task', 'file']),
  /** The measure's code, for measure and task entries. */
  code: z.string().nullable(),
  /** The task's text, for task entries; the path, for file entries. */
  item: z.string().nullable(),
  /** What changed: status, progress, workDone, notes, owner, due, added, removed, problems, nextSteps, contact, content. */
  field: z.string(),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
});
export type DiffEntry = z.infer<typeof DiffEntry>;

export const SubmissionDiff = z.object({ older: Submission, newer: Submission, entries: z.array(DiffEntry) });
export type SubmissionDiff = z.infer<typeof SubmissionDiff>;

export const RollupRow = z.object({
  department: z.string(),
  role: z.enum(['lead', 'support', 'responsible']),
  /** Null when no current submission of this department reports on the measure. */
  submissionId: SubmissionId.nullable(),
  period: SubmissionPeriod.nullable(),
  trust: SignerTrust.nullable(),
  measure: ReportData.shape.measures.element.nullable(),
});
export type RollupRow = z.infer<typeof RollupRow>;

export const Rollup = z.object({
  code: z.string(),
  label: z.string(),
  title: z.string(),
  rows: z.array(RollupRow),
});
export type Rollup = z.infer<typeof Rollup>;

export const WatchState = z.object({
  /** The folder as the user chose it (a USB drive, \\server\收件), or null when none is watched. */
  folder: z.string().nullable(),
  state: z.enum(['off', 'watching', 'scanning', 'unavailable']),
  lastScanAt: z.string().nullable(),
  /** Why the folder cannot be read right now, in words, when unavailable. */
  problem: z.string().nullable(),
  counts: ReceiveCounts,
});
export type WatchState = z.infer<typeof WatchState>;

/** A receipt as the department imported it: the report reached the office intact. */
export const Delivery = z.object({
  office: z.string(),
  officeFingerprint: Fingerprint,
  receivedAt: z.string(),
  importedAt: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;

export const ReceiptFailure = z.enum(receiptFailureReasons);

export const officeCalls = {
  /** Receives chosen files and folders (recursively) as one batch job; its progress counts files, its result is the ReceiveSummary. */
  'office.receive': call(z.object({ fileIds: z.array(FileId).min(1).max(10_000) }).strict(), z.object({ jobId: z.string() })),
  'office.submissions': call(
    z
      .object({
        department: z.string().max(100).optional(),
        /** Also the versions later ones replaced. */
        includeSuperseded: z.boolean().default(false),
      })
      .strict(),
    z.array(Submission),
  ),
  /** One submission with every version for its department and period (newest first). */
  'office.submission': call(
    z.object({ id: SubmissionId }).strict(),
    z.object({ submission: Submission, versions: z.array(Submission), report: ReportData.nullable() }),
  ),
  /** Verifies the stored package again and opens it like the verify screen does (a report.verify job). */
  'office.openPackage': call(z.object({ id: SubmissionId }).strict(), z.object({ jobId: z.string() })),
  'office.diff': call(z.object({ older: SubmissionId, newer: SubmissionId }).strict(), SubmissionDiff),
  'office.matrix': call(MatrixRequest, Matrix),
  'office.exportMatrix': call(
    MatrixRequest.extend({ format: z.enum(['csv', 'xlsx']), targetId: TargetId }).strict(),
    z.object({ download: Download.nullable() }),
  ),
  'office.rollup': call(z.object({ code: MeasureCode }).strict(), Rollup),
  /** Writes the signed receipt (回执) for an accepted package, signed with the office department's key. */
  'office.saveReceipt': call(
    z.object({ id: SubmissionId, targetId: TargetId, passphrase: Passphrase.nullable() }).strict(),
    z.object({ download: Download.nullable(), fileName: z.string() }),
  ),
  'office.watchState': call(Empty, WatchState),
  /** Watches a folder the user chose (a folder FileRef from files.pick), or stops watching (null). */
  'office.watch': call(z.object({ fileId: FileId.nullable() }).strict(), WatchState),
  /** Department side: imports the office's receipt for a package this data folder exported. */
  'reports.importReceipt': call(z.object({ fileId: FileId }).strict(), z.object({ exportId: z.number().int(), delivery: Delivery })),
};
