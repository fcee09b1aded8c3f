import type { DepartmentRole } from '../../../shared/api/calls/workspace';
import type { Db } from '../database';
import type { NewMeasure } from './plans';
import type { TaskRecord } from './tasks';

/** A measure as the checklist prints it, with this department's role in it. */
export type ChecklistMeasureRow = Pick<NewMeasure, 'code' | 'label' | 'chapter' | 'group' | 'title' | 'text' | 'due'> & {
  id: number;
  role: DepartmentRole;
};

export type ChecklistTaskRow = Pick<TaskRecord, 'id' | 'measureId' | 'text' | 'status' | 'progress' | 'owner' | 'due' | 'notes'>;

/** Whether the plan names the department in any measure. */
export function planHasDepartment(db: Db, planId: number, departmentId: number): boolean {
  return (
    db
      .prepare(
        'SELECT 1 FROM measure m JOIN measure_department md ON md.measure_id = m.id WHERE m.plan_id = ? AND md.department_id = ? LIMIT 1',
      )
      .get(planId, departmentId) !== undefined
  );
}

/** The measures a department carries in a plan, in document order (or just `measureId`). */
export function checklistMeasures(
  db: Db,
  scope: { planId: number; departmentId: number; measureId: number | null },
): ChecklistMeasureRow[] {
  return db
    .prepare(
      `SELECT m.id, m.code, m.label, m.chapter, m.group_title AS "group", m.title, m.text, m.due, md.role
         FROM measure m JOIN measure_department md ON md.measure_id = m.id AND md.department_id = @departmentId
        WHERE m.plan_id = @planId AND (@measureId IS NULL OR m.id = @measureId)
        ORDER BY m.ordinal`,
    )
    .all(scope) as ChecklistMeasureRow[];
}

/** The department's live tasks for those measures, each measure's in its own order. */
export function checklistTasks(db: Db, scope: { planId: number; departmentId: number; measureId: number | null }): ChecklistTaskRow[] {
  return db
    .prepare(
      `SELECT t.id, t.measure_id AS measureId, t.text, t.status, t.progress, t.owner, t.due, t.notes
         FROM task t JOIN measure m ON m.id = t.measure_id
        WHERE m.plan_id = @planId AND t.department_id = @departmentId AND t.deleted_at IS NULL
          AND (@measureId IS NULL OR m.id = @measureId)
        ORDER BY m.ordinal, t.position, t.id`,
    )
    .all(scope) as ChecklistTaskRow[];
}
