import { AppError } from '../../../shared/api/errors';
import type { Db } from '../../db/database';
import { findDepartmentId } from '../../db/repos/departments';
import { departmentRole, findMeasure, type MeasureRow } from '../../db/repos/measures';
import { activePlanId } from '../plan/active';
import { readAllSettings } from '../../db/repos/settings';
import { settingsFrom } from '../settings/settings';

/** Who is working on what: the active plan and the department the coordinator chose. */
export interface Scope {
  planId: number;
  departmentId: number;
  department: string;
}

/** The active plan and the department the coordinator chose in settings (one read of the settings). */
export function activeScope(db: Db): Scope {
  const stored = readAllSettings(db);
  const planId = activePlanId(db, stored);
  if (planId === null) throw new AppError('plan.none');
  const { department } = settingsFrom(stored);
  if (department === null) throw new AppError('department.not_chosen');
  return inPlan(db, planId, department);
}

/** The active plan and a department named by the caller (the CLI's --department). */
export function scopeFor(db: Db, department: string): Scope {
  const planId = activePlanId(db);
  if (planId === null) throw new AppError('plan.none');
  return inPlan(db, planId, department);
}

function inPlan(db: Db, planId: number, department: string): Scope {
  const departmentId = findDepartmentId(db, department);
  if (departmentId === undefined) throw new AppError('department.unknown', { name: department });
  return { planId, departmentId, department };
}

/** A measure of the active plan that this department carries; anything else is refused. */
export function assignedMeasure(db: Db, scope: Scope, code: string): MeasureRow {
  const measure = findMeasure(db, scope.planId, code);
  if (!measure) throw new AppError('measure.not_found', { code });
  if (!departmentRole(db, measure.id, scope.departmentId)) {
    throw new AppError('measure.not_assigned', { code, department: scope.department });
  }
  return measure;
}
