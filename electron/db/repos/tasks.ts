import type { TaskStatus } from '../../../shared/api/calls/workspace';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';

export interface TaskRow {
  id: number;
  measureCode: string;
  position: number;
  text: string;
  status: TaskStatus;
  progress: number;
  owner: string;
  due: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface TaskRecord extends TaskRow {
  measureId: number;
  departmentId: number;
  deletedAt: string | null;
}

export const taskFields = ['text', 'status', 'progress', 'owner', 'due', 'notes'] as const;
export type TaskField = (typeof taskFields)[number];

const columns = `t.id, m.code AS measureCode, t.position, t.text, t.status, t.progress, t.owner, t.due, t.notes,
  t.created_at AS createdAt, t.updated_at AS updatedAt`;

export function listTasks(db: Db, departmentId: number, measureId: number): TaskRow[] {
  return db
    .prepare(
      `SELECT ${columns} FROM task t JOIN measure m ON m.id = t.measure_id
        WHERE t.department_id = ? AND t.measure_id = ? AND t.deleted_at IS NULL ORDER BY t.position, t.id`,
    )
    .all(departmentId, measureId) as TaskRow[];
}

export function findTask(db: Db, id: number): TaskRecord | undefined {
  return db
    .prepare(
      `SELECT ${columns}, t.measure_id AS measureId, t.department_id AS departmentId, t.deleted_at AS deletedAt
         FROM task t JOIN measure m ON m.id = t.measure_id WHERE t.id = ?`,
    )
    .get(id) as TaskRecord | undefined;
}

export function nextPosition(db: Db, departmentId: number, measureId: number): number {
  const row = db
    .prepare('SELECT coalesce(max(position), -1) + 1 AS next FROM task WHERE department_id = ? AND measure_id = ? AND deleted_at IS NULL')
    .get(departmentId, measureId) as { next: number };
  return row.next;
}

/** The insert, prepared once per database connection: an import adds thousands of tasks in one go. */
const insertStatements = new WeakMap<Db, Statement>();

/** A new task; the fields left out take the table's defaults (not started, 0%, no owner, due or notes). */
export function insertTask(
  db: Db,
  task: { measureId: number; departmentId: number; position: number; text: string; now: string } & Partial<
    Record<TaskField, string | number | null>
  >,
): number {
  let statement = insertStatements.get(db);
  if (!statement) {
    statement = db.prepare(
      `INSERT INTO task (measure_id, department_id, position, text, status, progress, owner, due, notes, created_at, updated_at)
       VALUES (@measureId, @departmentId, @position, @text, @status, @progress, @owner, @due, @notes, @now, @now)`,
    );
    insertStatements.set(db, statement);
  }
  const result = statement.run({ status: 'not_started', progress: 0, owner: '', due: null, notes: '', ...task });
  return Number(result.lastInsertRowid);
}

/** Sets several fields at once (one row write, one search-index update), e.g. a task patch or an imported row. */
export function updateTaskFields(db: Db, id: number, values: Partial<Record<TaskField, string | number | null>>, now: string): void {
  // The keys are fixed column names (TaskField), never user input.
  const fields = (Object.keys(values) as TaskField[]).filter((field) => taskFields.includes(field));
  if (fields.length === 0) return;
  db.prepare(`UPDATE task SET ${fields.map((field) => `${field} = @${field}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
    ...Object.fromEntries(fields.map((field) => [field, values[field]])),
    now,
    id,
  });
}

export function updateTaskField(db: Db, id: number, field: TaskField, value: string | number | null, now: string): void {
  // `field` is one of six fixed column names, never user input.
  db.prepare(`UPDATE task SET ${field} = ?, updated_at = ? WHERE id = ?`).run(value, now, id);
}

export function setPositions(db: Db, orderedIds: readonly number[]): void {
  const statement = db.prepare('UPDATE task SET position = ? WHERE id = ?');
  orderedIds.forEach((id, index) => statement.run(index, id));
}

export function markTaskDeleted(db: Db, id: number, now: string): void {
  db.prepare('UPDATE task SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
}

export function restoreTask(db: Db, id: number, position: number, now: string): void {
  db.prepare('UPDATE task SET deleted_at = NULL, position = ?, updated_at = ? WHERE id = ?').run(position, now, id);
}

export function listOwners(db: Db, departmentId: number): string[] {
  return (
    db
      .prepare(
        `SELECT owner FROM task WHERE department_id = ? AND deleted_at IS NULL AND owner <> ''
          GROUP BY owner ORDER BY count(*) DESC, owner LIMIT 200`,
      )
      .all(departmentId) as { owner: string }[]
  ).map((row) => row.owner);
}
