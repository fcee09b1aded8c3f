import { ReportData } from '../../../shared/report/data';
import { listSlotVersions, submissionReport } from '../../db/repos/submissions';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import type { VerifiedPackages } from '../report/verified-packages';
import { claimBatch, receivePackages } from './receive';
import { receivedPath, removeStaleReceivedTemps } from './store';
import { requireSubmission, submissions, toSubmission } from './submissions';

/** Receiving packages and reading what was received. */
export function receiveHandlers(
  ctx: ServiceContext,
  verified: VerifiedPackages,
): HandlerGroup<'office.receive' | 'office.submissions' | 'office.submission' | 'office.openPackage'> {
  // Copies cut short by a crash leave temp files in received/; none of this session's is running yet.
  removeStaleReceivedTemps(ctx.layout);
  return {
    'office.receive': ({ fileIds }) => {
      // Every id is checked before anything starts: an expired one fails the call, not the batch.
      const sources = fileIds.map((id) => {
        const entry = ctx.files.entry(id);
        // Desktop: the full path tells the coordinator where a refused file is; browser uploads have only their name.
        return { path: entry.path, name: entry.temporary ? entry.name : entry.path };
      });
      const release = claimBatch(ctx);
      let jobId: string;
      try {
        jobId = ctx.jobs.start('office.receive', async (progress, signal) => ({
          summary: await receivePackages(ctx, sources, { onProgress: progress, signal }),
        }));
      } catch (error) {
        release();
        throw error;
      }
      // However the job ends (even cancelled before it began): the next batch may start, and
      // uploads, copied into received/ or refused, are not kept in tmp/.
      void ctx.jobs.settled(jobId).finally(() => {
        release();
        for (const id of fileIds) ctx.files.release(id);
      });
      return { jobId };
    },
    'office.submissions': ({ department, includeSuperseded }) =>
      submissions(ctx.db, { ...(department === undefined ? {} : { department }), includeSuperseded }),
    'office.submission': ({ id }) => {
      const row = requireSubmission(ctx.db, id);
      const versions = listSlotVersions(ctx.db, row).map(toSubmission);
      return { submission: toSubmission(row), versions, report: parseReport(submissionReport(ctx.db, id)) };
    },
    'office.openPackage': ({ id }) => {
      const row = requireSubmission(ctx.db, id);
      return { jobId: verified.startStored(receivedPath(ctx.layout, row.packageSha256), row.fileName) };
    },
  };
}

/** report.json as received was checked when it came in; a row from an older build is read leniently all the same. */
function parseReport(text: string | null): ReportData | null {
  if (text === null) return null;
  try {
    const parsed = ReportData.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
