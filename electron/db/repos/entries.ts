import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';

export interface NewEntry {
  at: string;
  actor: string;
  departmentId: number;
  measureId: number;
  taskId?: number | null;
  attachmentId?: number | null;
  action: string;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
}

export interface EntryRow {
  id: number;
  at: string;
  actor: string;
  measureCode: string;
  measureLabel: string;
  measureTitle: string;
  taskId: number | null;
  taskText: string | null;
  attachmentName: string | null;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** The insert, prepared once per database connection: an import appends tens of thousands of entries in one go. */
const appendStatements = new WeakMap<Db, Statement>();

export function appendEntry(db: Db, entry: NewEntry): void {
  let statement = appendStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `INSERT INTO entry (at, actor, department_id, measure_id, task_id, attachment_id, action, field, old_value, new_value)
       VALUES (@at, @actor, @departmentId, @measureId, @taskId, @attachmentId, @action, @field, @oldValue, @newValue)`,
    );
    appendStatements.set(db, statement);
  }
  statement.run({ taskId: null, attachmentId: null, field: null, oldValue: null, newValue: null, ...entry });
}

const entryColumns = `e.id, e.at, e.actor, m.code AS measureCode, m.label AS measureLabel, m.title AS measureTitle, e.task_id AS taskId,
  t.text AS taskText, a.name AS attachmentName, e.action, e.field, e.old_value AS oldValue, e.new_value AS newValue`;
const entryJoins = `JOIN measure m ON m.id = e.measure_id
  LEFT JOIN task t ON t.id = e.task_id
  LEFT JOIN attachment a ON a.id = e.attachment_id`;

export function listMeasureHistory(db: Db, departmentId: number, measureId: number, limit: number): EntryRow[] {
  return db
    .prepare(`SELECT ${entryColumns} FROM entry e ${entryJoins} WHERE e.department_id = ? AND e.measure_id = ? ORDER BY e.id DESC LIMIT ?`)
    .all(departmentId, measureId, limit) as EntryRow[];
}

export function listRecentActivity(db: Db, departmentId: number, planId: number, limit: number): EntryRow[] {
  return db
    .prepare(
      `SELECT ${entryColumns} FROM entry e ${entryJoins}
        WHERE e.department_id = ? AND m.plan_id = ? ORDER BY e.id DESC LIMIT ?`,
    )
    .all(departmentId, planId, limit) as EntryRow[];
}

/** This department's changes to one plan between two instants (ISO, inclusive), oldest first. */
export function listEntriesBetween(db: Db, departmentId: number, planId: number, from: string, to: string): EntryRow[] {
  return db
    .prepare(
      `SELECT ${entryColumns} FROM entry e ${entryJoins}
        WHERE e.department_id = ? AND m.plan_id = ? AND e.at >= ? AND e.at <= ? ORDER BY e.id`,
    )
    .all(departmentId, planId, from, to) as EntryRow[];
}
