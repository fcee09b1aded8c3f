import type { HandlerGroup } from '../handler';
import { listAliases } from '../../db/repos/departments';
import { listPlanSummaries } from '../../db/repos/plans';
import type { ServiceContext } from '../context';
import { activatePlan, activePlanId, activePlanSummary } from './active';
import { planDepartments, planMeasures, setDepartmentAlias } from './departments';
import { exportPlan } from './export';
import { previewPastedPlan, previewPlanImport, storePlan, type PreviewCache } from './import';

type PlanCalls =
  | 'plans.active'
  | 'plans.list'
  | 'plans.activate'
  | 'plans.preview'
  | 'plans.previewText'
  | 'plans.import'
  | 'plans.departments'
  | 'plans.measures'
  | 'plans.export'
  | 'aliases.list'
  | 'aliases.set';

export function planHandlers(ctx: ServiceContext, previews: PreviewCache): HandlerGroup<PlanCalls> {
  return {
    'plans.active': () => activePlanSummary(ctx.db),
    'plans.list': () => ({ plans: listPlanSummaries(ctx.db), activeId: activePlanId(ctx.db) }),
    'plans.activate': ({ planId }) => activatePlan(ctx, planId),
    'plans.preview': ({ fileId }) => previewPlanImport(ctx, previews, fileId),
    'plans.previewText': ({ text, name }) => previewPastedPlan(ctx, previews, text, name),
    'plans.import': ({ previewId }) => storePlan(ctx, previews.take(previewId)),
    'plans.departments': () => planDepartments(ctx),
    'plans.measures': () => planMeasures(ctx),
    'plans.export': ({ planId, targetId }) => exportPlan(ctx, planId, targetId),
    'aliases.list': () => listAliases(ctx.db),
    'aliases.set': ({ alias, canonical }) => setDepartmentAlias(ctx.db, alias, canonical),
  };
}
