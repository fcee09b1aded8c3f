import { z } from 'zod';
import { call } from '../define';
import { Download, FileId } from './files';
import { JobId } from './jobs';
import { MeasureCode, TaskId } from './workspace';

export const AttachmentId = z.number().int().positive();

/** Evidence files must not exceed this size (2 GiB). */
export const maxEvidenceBytes = 2 * 1024 * 1024 * 1024;
/** maxEvidenceBytes as messages show it. */
export const maxEvidenceLabel = '2 GB';

export const evidenceCalls = {
  /**
   * Stores a chosen file as evidence of a measure (taskId null) or of one of its tasks.
   * Copying runs as a job: poll `jobs.get`; the job's result is the new Attachment.
   */
  'evidence.add': call(
    z.object({ fileId: FileId, measureCode: MeasureCode, taskId: TaskId.nullable() }).strict(),
    z.object({ jobId: JobId }),
  ),
  /** Takes the file off the list; the stored content stays (others may share it) and the history keeps the record. */
  'evidence.remove': call(z.object({ id: AttachmentId }).strict(), z.object({ id: AttachmentId })),
  /**
   * Desktop: opens a read-only copy with the system app (download null) when it is a document,
   * PDF, spreadsheet, presentation, image or text file; anything else is shown selected in its
   * folder instead (shownInFolder true), never run.
   * Browser: a download of a copy.
   */
  'evidence.open': call(z.object({ id: AttachmentId }).strict(), z.object({ download: Download.nullable(), shownInFolder: z.boolean() })),
};
