import type { PlanSummary } from '../../../shared/api/calls/plan';
import { findLatestPlanId, findPlanSummary, planExists } from '../../db/repos/plans';
import { readAllSettings } from '../../db/repos/settings';
import type { Db } from '../../db/database';

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
