import type { PlanSummary } from '../../../shared/api/calls/plan';
import { AppError } from '../../../shared/api/errors';
import { findLatestPlanId, findPlanSummary, planExists } from '../../db/repos/plans';
import { readAllSettings, writeSetting } from '../../db/repos/settings';
import type { Db } from '../../db/database';
import type { ServiceContext } from '../context';

/** The plan the user works in: the one they chose, else the most recently imported. */
export function activePlanId(db: Db, stored: ReadonlyMap<string, unknown> = readAllSettings(db)): number | null {
  const chosen = stored.get('activePlanId');
  if (typeof chosen === 'number' && planExists(db, chosen)) return chosen;
  return findLatestPlanId(db) ?? null;
}

export function activePlanSummary(db: Db): PlanSummary | null {
  const id = activePlanId(db);
  return id === null ? null : (findPlanSummary(db, id) ?? null);
}

/** Makes a stored plan the one the user works in. */
export function activatePlan(ctx: ServiceContext, planId: number): PlanSummary {
  return ctx.db.transaction(() => {
    const summary = findPlanSummary(ctx.db, planId);
    if (!summary) throw new AppError('plan.not_found', { planId });
    writeSetting(ctx.db, 'activePlanId', planId);
    return summary;
  })();
}
