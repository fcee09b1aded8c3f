import type { ExistingTask } from '../../../shared/ledger/plan-import';
import type { Db } from '../database';

/** Every measure of a plan in the plan's order, with whether `departmentId` carries it (for matching imported rows). */
export function listImportMeasures(
  db: Db,
  planId: number,
  departmentId: number,
): { id: number; code: string; label: string; title: string; assigned: boolean }[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.code, m.label, m.title,
              EXISTS (SELECT 1 FROM measure_department md WHERE md.measure_id = m.id AND md.department_id = ?) AS assigned
         FROM measure m WHERE m.plan_id = ? ORDER BY m.ordinal`,
    )
    .all(departmentId, planId) as { id: number; code: string; label: string; title: string; assigned: number }[];
  return rows.map((row) => ({ ...row, assigned: row.assigned === 1 }));
}

/** A live task as an import compares it, with the measure it belongs to. */
export type ImportTaskRow = ExistingTask & { measureId: number };

/** The department's live tasks of one plan, measure by measure in task order (one query for a whole import). */
export function listDepartmentTasks(db: Db, planId: number, departmentId: number): ImportTaskRow[] {
  return db
    .prepare(
      `SELECT t.id, t.measure_id AS measureId, t.text, t.status, t.progress, t.owner, t.due, t.notes
         FROM task t JOIN measure m ON m.id = t.measure_id
        WHERE t.department_id = ? AND m.plan_id = ? AND t.deleted_at IS NULL
        ORDER BY t.measure_id, t.position, t.id`,
    )
    .all(departmentId, planId) as ImportTaskRow[];
}

/** The year the plan was issued in, for due dates written without one (9月底前); null when unknown. */
export function planYear(db: Db, planId: number): number | null {
  const row = db.prepare('SELECT issued_on AS issuedOn FROM plan WHERE id = ?').get(planId) as { issuedOn: string | null } | undefined;
  const year = row?.issuedOn ? Number(row.issuedOn.slice(0, 4)) : Number.NaN;
  return Number.isInteger(year) ? year : null;
}
