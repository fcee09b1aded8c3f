import type { PlanDepartmentSummary } from '../../../shared/api/calls/plan';
import { AppError } from '../../../shared/api/errors';
import { planFileName, planSchema, serializePlan } from '../../../shared/plan';
import type { HandlerGroup } from '../handler';
import { listAliases, setAlias } from '../../db/repos/departments';
import { findPlanSummary, listPlanSummaries, planDepartmentCounts, readPlanContent } from '../../db/repos/plans';
import { writeSetting } from '../../db/repos/settings';
import type { ServiceContext } from '../context';
import { activePlanId, activePlanSummary } from './active';
import { PreviewCache, previewPlanImport, storePlan } from './import';

type PlanCalls =
  | 'plans.active'
  | 'plans.list'
  | 'plans.activate'
  | 'plans.preview'
  | 'plans.import'
  | 'plans.departments'
  | 'plans.export'
  | 'aliases.list'
  | 'aliases.set';

const PlanDepartments = planSchema.shape.departments;

export function planHandlers(ctx: ServiceContext): HandlerGroup<PlanCalls> {
  const previews = new PreviewCache();
  return {
    'plans.active': () => activePlanSummary(ctx.db),
    'plans.list': () => ({ plans: listPlanSummaries(ctx.db), activeId: activePlanId(ctx.db) }),
    'plans.activate': ({ planId }) => activatePlan(ctx, planId),
    'plans.preview': ({ fileId }) => previewPlanImport(ctx, previews, fileId),
    'plans.import': ({ previewId }) => storePlan(ctx, previews.take(previewId)),
    'plans.departments': () => planDepartments(ctx),
    'plans.export': ({ planId, targetId }) => exportPlan(ctx, planId, targetId),
    'aliases.list': () => listAliases(ctx.db),
    'aliases.set': ({ alias, canonical }) => {
      setAlias(ctx.db, alias, canonical === alias ? null : canonical);
      return listAliases(ctx.db);
    },
  };
}

function activatePlan(ctx: ServiceContext, planId: number) {
  return ctx.db.transaction(() => {
    const summary = findPlanSummary(ctx.db, planId);
    if (!summary) throw new AppError('plan.not_found', { planId });
    writeSetting(ctx.db, 'activePlanId', planId);
    return summary;
  })();
}

/** The active plan's departments in order of first mention, with their measure counts and other spellings. */
function planDepartments(ctx: ServiceContext): PlanDepartmentSummary[] {
  const planId = activePlanId(ctx.db);
  if (planId === null) throw new AppError('plan.none');
  const seen = PlanDepartments.catch([]).parse((readPlanContent(ctx.db, planId) as { departments?: unknown } | undefined)?.departments);
  const aliases = new Map(seen.map((department) => [department.name, department.aliases]));
  return planDepartmentCounts(ctx.db, planId)
    .map((row) => ({ name: row.name, measureCount: row.measureCount, aliases: aliases.get(row.name) ?? [] }));
}

function exportPlan(ctx: ServiceContext, planId: number, targetId: string | null) {
  const summary = findPlanSummary(ctx.db, planId);
  if (!summary) throw new AppError('plan.not_found', { planId });
  const json = serializePlan(planSchema.parse(readPlanContent(ctx.db, planId)));
  return ctx.files.saveOrDownload(targetId, planFileName(summary.title), json);
}

