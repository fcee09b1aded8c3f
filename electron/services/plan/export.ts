import type { Download } from '../../../shared/api/calls/files';
import { AppError } from '../../../shared/api/errors';
import { planFileName, planSchema, serializePlan } from '../../../shared/plan';
import { findPlanSummary, readPlanContent } from '../../db/repos/plans';
import type { ServiceContext } from '../context';

/** A stored plan as plan JSON, for another PC: to the file the user chose, or a browser download (targetId null). */
export function exportPlan(ctx: ServiceContext, planId: number, targetId: string | null): { download: Download | null } {
  const summary = findPlanSummary(ctx.db, planId);
  if (!summary) throw new AppError('plan.not_found', { planId });
  const json = serializePlan(planSchema.parse(readPlanContent(ctx.db, planId)));
  return ctx.files.saveOrDownload(targetId, planFileName(summary.title), json);
}
