import { renderReportCsv } from '../../../shared/report/csv';
import { renderReportHtml } from '../../../shared/report/html';
import { reportFileName } from '../../../shared/report/file-names';
import { parsePeriod, type Period } from '../../../shared/report/period';
import { AppError } from '../../../shared/api/errors';
import { insertExport } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { activeScope, type Scope } from '../workspace/scope';
import { buildReport } from './build';
import { renderReportDocx } from './docx';
import { writeReportPackage, type ReportEntry } from './package/write';
import { unlockKey } from './signing';

/** The period `key` names (see parsePeriod); anything else is refused as `report.period_invalid`. */
export function requirePeriod(key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw new AppError('report.period_invalid', { period: key });
  return period;
}

export interface ExportRequest {
  periodKey: string;
  /** Where to write: a path chosen by the user (desktop, CLI) or null for a browser download. */
  outFile: string | null;
  passphrase: string | null;
}

/**
 * Starts writing the signed package as a job (progress, cancel). Before the job starts, and
 * so answered at once with nothing written: the period is parsed, the report drafted (a
 * department that carries no measure in the active plan is refused as
 * `report.nothing_to_report`; a period without changes is fine, the report then states where
 * things stand) and the key unlocked (a wrong passphrase, a key the keychain cannot open).
 * Missing or damaged evidence is found while packing and fails the job, leaving no file.
 */
export async function startExport(ctx: ServiceContext, scope: Scope, request: ExportRequest): Promise<string> {
  const period = requirePeriod(request.periodKey);
  const built = buildReport(ctx, scope, period);
  if (built.data.measures.length === 0) throw new AppError('report.nothing_to_report', { department: scope.department });
  const signer = await unlockKey(ctx, scope, request.passphrase);
  const fileName = reportFileName(scope.department, period);
  const outFile = request.outFile ?? ctx.files.outputPath();
  const entries: ReportEntry[] = [
    { path: 'report.json', data: `${JSON.stringify(built.data, null, 2)}\n` },
    { path: 'report.html', data: renderReportHtml(built.data) },
    { path: 'report.csv', data: renderReportCsv(built.data) },
  ];
  const { summary } = built.data;

  return ctx.jobs.start('report.export', async (progress, signal) => {
    // The Word document takes seconds for a report of thousands of tasks: made in the job, so the call answers at once.
    const docx = await renderReportDocx(built.data);
    signal.throwIfAborted();
    const written = await writeReportPackage({
      outFile,
      entries: [...entries, { path: 'report.docx', data: docx }, ...built.files],
      manifest: {
        plan: { title: built.data.plan.title, docNumber: built.data.plan.docNumber, sha256: built.data.plan.sha256 },
        department: scope.department,
        period: built.data.period,
        generatedAt: built.data.generatedAt,
        generator: { name: 'PlanLedger', version: built.data.generator.version },
        summary: {
          measures: summary.measures,
          tasks: summary.tasks,
          tasksDone: summary.tasksDone,
          tasksBlocked: summary.tasksBlocked,
          tasksOverdue: summary.tasksOverdue,
          attachments: summary.attachments,
        },
      },
      signer,
      onProgress: progress,
      signal,
    });
    insertExport(ctx.db, {
      planId: scope.planId,
      departmentId: scope.departmentId,
      periodKey: period.key,
      periodLabel: period.label,
      fileName,
      size: written.size,
      manifestSha256: written.manifestSha256,
      fingerprint: signer.fingerprint,
      exportedAt: ctx.now().toISOString(),
      packageSha256: written.packageSha256,
    });
    ctx.log.info('report exported', { department: scope.department, period: period.key, size: written.size });
    return {
      fileName,
      size: written.size,
      manifestSha256: written.manifestSha256,
      fingerprint: signer.fingerprint,
      download: request.outFile === null ? ctx.files.registerDownload(outFile, fileName) : null,
    };
  });
}

/** The active department's report for a period, to the file the user chose or (targetId null) a browser download; the job's id. */
export function exportActiveReport(
  ctx: ServiceContext,
  request: { period: string; targetId: string | null; passphrase: string | null },
): Promise<string> {
  return startExport(ctx, activeScope(ctx.db), {
    periodKey: request.period,
    outFile: request.targetId === null ? null : ctx.files.takeSaveTarget(request.targetId),
    passphrase: request.passphrase,
  });
}
