import type { TaskStatus } from '../../../shared/api/calls/workspace';
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

export type TaskField = 'text' | 'status' | 'progress' | 'owner' | 'due' | 'notes';

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

export function insertTask(db: Db, task: { measureId: number; departmentId: number; position: number; text: string; now: string }): number {
  const result = db
    .prepare(
      `INSERT INTO task (measure_id, department_id, position, text, created_at, updated_at)
       VALUES (@measureId, @departmentId, @position, @text, @now, @now)`,
    )
    .run(task);
  return Number(result.lastInsertRowid);
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
