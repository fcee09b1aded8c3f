import { AppError } from '../../../shared/api/errors';
import { ReportData } from '../../../shared/report/data';
import { submissionReport, type SubmissionState } from '../../db/repos/submissions';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { diffReports } from './diff';
import { activeOfficePlan, officeMatrix } from './matrix';
import { matrixCsv, matrixFileName, matrixXlsx } from './matrix-export';
import { officeRollup } from './rollup';
import { requireSubmission, toSubmission } from './submissions';

/** The completeness matrix, its export, the roll-up by measure and the diff between versions. */
export function matrixHandlers(
  ctx: ServiceContext,
): HandlerGroup<'office.matrix' | 'office.exportMatrix' | 'office.rollup' | 'office.diff'> {
  return {
    'office.matrix': (request) => officeMatrix(ctx, request),
    'office.exportMatrix': async ({ format, targetId, ...request }) => {
      const matrix = officeMatrix(ctx, request);
      const plan = activeOfficePlan(ctx.db);
      const fileName = matrixFileName(plan.shortName, request.granularity, format);
      const data = format === 'csv' ? matrixCsv(matrix) : await matrixXlsx(matrix, { planTitle: plan.title, generatedAt: ctx.now() });
      return ctx.files.saveOrDownload(targetId, fileName, data);
    },
    'office.rollup': ({ code }) => officeRollup(ctx.db, code),
    'office.diff': ({ older, newer }) => {
      const before = requireSubmission(ctx.db, older);
      const after = requireSubmission(ctx.db, newer);
      const sameReport =
        before.planSha256 === after.planSha256 &&
        before.department === after.department &&
        before.periodFrom === after.periodFrom &&
        before.periodTo === after.periodTo;
      if (!sameReport) throw new AppError('office.not_same_report', { older, newer });
      return {
        older: toSubmission(before),
        newer: toSubmission(after),
        entries: diffReports(reportOf(ctx, before), reportOf(ctx, after)),
      };
    },
  };
}

/** A submission's report.json; one that cannot be read as a report is refused rather than compared as empty. */
function reportOf(ctx: ServiceContext, row: SubmissionState): ReportData {
  const text = submissionReport(ctx.db, row.id);
  const parsed = text === null ? null : ReportData.safeParse(JSON.parse(text));
  if (!parsed?.success) throw new AppError('office.report_unreadable', { file: row.fileName });
  return parsed.data;
}
