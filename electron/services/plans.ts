import type { PlanSummary } from '../../shared/api/calls/plan';
import type { HandlerGroup } from '../api/handlers';
import { findLatestPlanId, findPlanSummary } from '../db/repos/plans';
import { readAllSettings } from '../db/repos/settings';
import type { Db } from '../db/database';
import type { ServiceContext } from './context';

/** The plan the user works in: the one they chose, else the most recently imported. */
export function activePlanId(db: Db): number | null {
  const chosen = readAllSettings(db).get('activePlanId');
  if (typeof chosen === 'number' && findPlanSummary(db, chosen)) return chosen;
  return findLatestPlanId(db) ?? null;
}

export function activePlanSummary(db: Db): PlanSummary | null {
  const id = activePlanId(db);
  return id === null ? null : (findPlanSummary(db, id) ?? null);
}

export function planHandlers(ctx: ServiceContext): HandlerGroup<'plan.active'> {
  return { 'plan.active': () => activePlanSummary(ctx.db) };
}
