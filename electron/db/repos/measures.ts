import type { DepartmentRole } from '../../../shared/api/calls/workspace';
import type { Db } from '../database';

export interface MeasureRow {
  id: number;
  code: string;
  label: string;
  title: string;
  text: string;
  chapter: string | null;
  group: string | null;
  due: string | null;
  candidateTasks: string;
}

export interface MeasureProgressRow {
  id: number;
  code: string;
  label: string;
  title: string;
  chapter: string | null;
  group: string | null;
  due: string | null;
  role: DepartmentRole;
  total: number;
  done: number;
  started: number;
  overdue: number;
  dueSoon: number;
  blocked: number;
  attachments: number;
}

export function findMeasure(db: Db, planId: number, code: string): MeasureRow | undefined {
  return db
    .prepare(
      `SELECT id, code, label, title, text, chapter, group_title AS "group", due, candidate_tasks AS candidateTasks
         FROM measure WHERE plan_id = ? AND code = ?`,
    )
    .get(planId, code) as MeasureRow | undefined;
}

/** Every measure of a plan in the plan's order, with how many departments carry each. */
export function listPlanMeasures(db: Db, planId: number): { code: string; label: string; title: string; departmentCount: number }[] {
  return db
    .prepare(
      `SELECT m.code, m.label, m.title, (SELECT count(*) FROM measure_department md WHERE md.measure_id = m.id) AS departmentCount
         FROM measure m WHERE m.plan_id = ? ORDER BY m.ordinal`,
    )
    .all(planId) as { code: string; label: string; title: string; departmentCount: number }[];
}

export function measureDepartments(db: Db, measureId: number): { name: string; role: DepartmentRole; writtenAs: string }[] {
  return db
    .prepare(
      `SELECT d.name, md.role, md.written_as AS writtenAs FROM measure_department md
         JOIN department d ON d.id = md.department_id WHERE md.measure_id = ? ORDER BY md.ordinal`,
    )
    .all(measureId) as { name: string; role: DepartmentRole; writtenAs: string }[];
}

export function departmentRole(db: Db, measureId: number, departmentId: number): DepartmentRole | undefined {
  const row = db.prepare('SELECT role FROM measure_department WHERE measure_id = ? AND department_id = ?').get(measureId, departmentId) as
    { role: DepartmentRole } | undefined;
  return row?.role;
}

/**
 * Per assigned measure, this department's task counts. `today` and `soon` are YYYY-MM-DD;
 * a task is overdue when it is not done and its due date has passed.
 */
export function measureProgress(
  db: Db,
  scope: { planId: number; departmentId: number; today: string; soon: string; measureId?: number },
): MeasureProgressRow[] {
  // The measure filter is spliced in (not `@measureId IS NULL OR …`) so SQLite can use the key.
  return db
    .prepare(
      `SELECT m.id, m.code, m.label, m.title, m.chapter, m.group_title AS "group", m.due, md.role,
              count(t.id) AS total,
              count(t.id) FILTER (WHERE t.status = 'done') AS done,
              count(t.id) FILTER (WHERE t.status = 'in_progress' OR (t.status <> 'done' AND t.progress > 0)) AS started,
              count(t.id) FILTER (WHERE t.status <> 'done' AND t.due < @today) AS overdue,
              count(t.id) FILTER (WHERE t.status <> 'done' AND t.due >= @today AND t.due <= @soon) AS dueSoon,
              count(t.id) FILTER (WHERE t.status = 'blocked') AS blocked,
              (SELECT count(*) FROM attachment a
                 WHERE a.department_id = md.department_id AND a.measure_id = m.id AND a.removed_at IS NULL) AS attachments
         FROM measure m
         JOIN measure_department md ON md.measure_id = m.id AND md.department_id = @departmentId
         LEFT JOIN task t ON t.measure_id = m.id AND t.department_id = @departmentId AND t.deleted_at IS NULL
        WHERE m.plan_id = @planId ${scope.measureId === undefined ? '' : 'AND m.id = @measureId'}
        GROUP BY m.id
        ORDER BY m.ordinal`,
    )
    .all(scope) as MeasureProgressRow[];
}
