import type { Checklist } from '../../../shared/api/calls/print';
import { AppError } from '../../../shared/api/errors';
import { localDate } from '../../../shared/dates';
import { groupBy } from '../../../shared/group-by';
import { findPlanIdentity } from '../../db/repos/plans';
import { checklistMeasures, checklistTasks, planHasDepartment } from '../../db/repos/print';
import type { ServiceContext } from '../context';
import { assignedMeasure, scopeFor } from '../workspace/scope';

/**
 * What a printed checklist shows for `department` in the active plan: every measure it
 * carries (or the one asked for), each with its tasks. Read-only, one consistent snapshot.
 */
export function buildChecklist(ctx: ServiceContext, department: string, measureCode: string | null): Checklist {
  const { db } = ctx;
  return db.transaction((): Checklist => {
    const { planId, departmentId } = scopeFor(db, department);
    if (!planHasDepartment(db, planId, departmentId)) throw new AppError('department.unknown', { name: department });
    const plan = findPlanIdentity(db, planId);
    if (!plan) throw new AppError('plan.none');
    const measureId = measureCode === null ? null : assignedMeasure(db, { planId, departmentId, department }, measureCode).id;

    const scope = { planId, departmentId, measureId };
    const tasksByMeasure = groupBy(checklistTasks(db, scope), (task) => task.measureId);
    return {
      plan: { title: plan.title, docNumber: plan.docNumber, issuer: plan.issuer },
      department,
      printedAt: localDate(ctx.now()),
      measures: checklistMeasures(db, scope).map(({ id, ...measure }) => ({
        ...measure,
        tasks: (tasksByMeasure.get(id) ?? []).map(({ measureId: _measureId, ...task }) => task),
      })),
    };
  })();
}
