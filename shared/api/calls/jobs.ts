import { z } from 'zod';
import { call } from '../define';
import { errorCodes } from '../errors';
import { Download } from './files';
import { ImportOutcome, LedgerExportResult } from './ledger';
import { ReceiveSummary } from './office';
import { VerifyOutcome } from './reports';
import { Attachment } from './workspace';

export const JobId = z.string().regex(/^[\w-]{8,64}$/u);

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export const JobState = z.enum(jobStates);
export type JobState = z.infer<typeof JobState>;

/** A typed error as it crosses the API (see shared/api/errors.ts). */
export const ApiErrorSchema = z.object({
  code: z.enum(errorCodes),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** What a finished job produced, by kind. Add a kind here and the runner and the UI know its result type. */
export const JobResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('evidence.add'), attachment: Attachment }),
  z.object({
    kind: z.literal('report.export'),
    fileName: z.string(),
    size: z.number().int(),
    manifestSha256: z.string(),
    fingerprint: z.string(),
    /** In the browser the package comes as a download; on the desktop it is already where the user chose. */
    download: Download.nullable(),
  }),
  z.object({ kind: z.literal('report.verify'), outcome: VerifyOutcome }),
  z.object({ kind: z.literal('office.receive'), summary: ReceiveSummary }),
  z.object({ kind: z.literal('ledger.import'), outcome: ImportOutcome }),
  z.object({ kind: z.literal('ledger.export'), ...LedgerExportResult.shape }),
]);
export type JobResult = z.infer<typeof JobResult>;
export type JobKind = JobResult['kind'];
export const jobKinds = JobResult.options.map((option) => option.shape.kind.value);

/** A long-running piece of work (copying a large file, writing a report) and how far it got. */
export const Job = z.object({
  id: JobId,
  kind: z.enum(jobKinds as [JobKind, ...JobKind[]]),
  state: JobState,
  /** Units done so far (bytes for file copies) out of `total`; total is 0 when unknown. */
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  /** Running tallies a job keeps besides done/total (a receive batch: accepted, duplicates, refused); null when it keeps none. */
  counts: z.record(z.string(), z.number().int().nonnegative()).nullable(),
  error: ApiErrorSchema.nullable(),
  result: JobResult.nullable(),
});
export type Job = z.infer<typeof Job>;

export const jobsCalls = {
  'jobs.get': call(z.object({ id: JobId }).strict(), Job),
  /** Asks a running job to stop; it ends as `cancelled` once it has cleaned up (or `done` if it had already finished). */
  'jobs.cancel': call(z.object({ id: JobId }).strict(), Job),
};
