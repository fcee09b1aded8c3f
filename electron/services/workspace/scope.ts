import { AppError } from '../../../shared/api/errors';
import type { Db } from '../../db/database';
import { findDepartmentId } from '../../db/repos/departments';
import { departmentRole, findMeasure, type MeasureRow } from '../../db/repos/measures';
import { activePlanId } from '../plan/active';
import { readSettings } from '../settings';

/** Who is working on what: the active plan and the department the coordinator chose. */
export interface Scope {
  planId: number;
  departmentId: number;
  department: string;
}

export function activeScope(db: Db): Scope {
  const planId = activePlanId(db);
  if (planId === null) throw new AppError('plan.none');
  const department = readSettings(db).department;
  if (department === null) throw new AppError('department.not_chosen');
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
