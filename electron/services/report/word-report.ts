import { AppError } from '../../../shared/api/errors';
import type { Download } from '../../../shared/api/calls/files';
import { reportDocxFileName } from '../../../shared/report/file-names';
import type { ServiceContext } from '../context';
import { activeScope, type Scope } from '../workspace/scope';
import { buildReport } from './build';
import { renderReportDocx } from './docx';
import { requirePeriod } from './export';

/**
 * The period's report as a Word document on its own, unsigned: for the office to edit and
 * fold into its summary. The same report.docx the signed package carries for that moment.
 * A period that is not one, or a department that carries no measure, is refused as the
 * package export refuses it.
 */
export async function reportDocx(ctx: ServiceContext, scope: Scope, periodKey: string): Promise<{ bytes: Buffer; fileName: string }> {
  const period = requirePeriod(periodKey);
  const built = buildReport(ctx, scope, period);
  if (built.data.measures.length === 0) throw new AppError('report.nothing_to_report', { department: scope.department });
  return { bytes: await renderReportDocx(built.data), fileName: reportDocxFileName(scope.department, period) };
}

/** The active department's report.docx, to the file the user chose or (targetId null) a browser download. */
export async function saveActiveReportDocx(
  ctx: ServiceContext,
  request: { period: string; targetId: string | null },
): Promise<{ download: Download | null; fileName: string }> {
  const { bytes, fileName } = await reportDocx(ctx, activeScope(ctx.db), request.period);
  return { ...ctx.files.saveOrDownload(request.targetId, fileName, bytes), fileName };
}
