import type { PlanDepartmentSummary, PlanMeasureSummary } from '../../../shared/api/calls/plan';
import { AppError } from '../../../shared/api/errors';
import { planSchema } from '../../../shared/plan';
import type { Db } from '../../db/database';
import { listAliases, setAlias } from '../../db/repos/departments';
import { listPlanMeasures } from '../../db/repos/measures';
import { planDepartmentCounts, readPlanContent } from '../../db/repos/plans';
import type { ServiceContext } from '../context';
import { activePlanId } from './active';

const PlanDepartments = planSchema.shape.departments;

/** The active plan's departments in order of first mention, with their measure counts and other spellings. */
export function planDepartments(ctx: ServiceContext): PlanDepartmentSummary[] {
  const planId = activePlanId(ctx.db);
  if (planId === null) throw new AppError('plan.none');
  const seen = PlanDepartments.catch([]).parse((readPlanContent(ctx.db, planId) as { departments?: unknown } | undefined)?.departments);
  const aliases = new Map(seen.map((department) => [department.name, department.aliases]));
  return planDepartmentCounts(ctx.db, planId).map((row) => ({
    name: row.name,
    measureCount: row.measureCount,
    aliases: aliases.get(row.name) ?? [],
  }));
}

/** Records that `alias` means the department `canonical` (null, or the alias itself, removes it); returns the aliases after. */
export function setDepartmentAlias(db: Db, alias: string, canonical: string | null): { alias: string; canonical: string }[] {
  setAlias(db, alias, canonical === alias ? null : canonical);
  return listAliases(db);
}

/** The active plan's measures in order, each with how many departments carry it. */
export function planMeasures(ctx: ServiceContext): PlanMeasureSummary[] {
  const planId = activePlanId(ctx.db);
  if (planId === null) throw new AppError('plan.none');
  return listPlanMeasures(ctx.db, planId);
}
