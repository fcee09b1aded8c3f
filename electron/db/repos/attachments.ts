import type { Db } from '../database';

export interface AttachmentRow {
  id: number;
  /** Null for measure-level evidence, and when the task it was attached to has been deleted. */
  taskId: number | null;
  name: string;
  size: number;
  sha256: string;
  addedAt: string;
}

export interface AttachmentRecord extends AttachmentRow {
  departmentId: number;
  measureId: number;
  planId: number;
  /** The task as stored, deleted or not. */
  storedTaskId: number | null;
  removedAt: string | null;
}

/** Records the content of a stored file once; later files with the same SHA-256 share it. */
export function insertBlobIfMissing(db: Db, blob: { sha256: string; size: number; now: string }): void {
  db.prepare('INSERT INTO blob (sha256, size, created_at) VALUES (@sha256, @size, @now) ON CONFLICT (sha256) DO NOTHING').run(blob);
}

export function insertAttachment(
  db: Db,
  attachment: { departmentId: number; measureId: number; taskId: number | null; sha256: string; name: string; size: number; now: string },
): number {
  const result = db
    .prepare(
      `INSERT INTO attachment (department_id, measure_id, task_id, sha256, name, size, added_at)
       VALUES (@departmentId, @measureId, @taskId, @sha256, @name, @size, @now)`,
    )
    .run(attachment);
  return Number(result.lastInsertRowid);
}

const rowColumns = `a.id, CASE WHEN t.deleted_at IS NULL THEN a.task_id END AS taskId, a.name, a.size, a.sha256, a.added_at AS addedAt`;

/** The evidence of one department for one measure, oldest first; removed files are left out. */
export function listAttachments(db: Db, departmentId: number, measureId: number): AttachmentRow[] {
  return db
    .prepare(
      `SELECT ${rowColumns} FROM attachment a LEFT JOIN task t ON t.id = a.task_id
        WHERE a.department_id = ? AND a.measure_id = ? AND a.removed_at IS NULL ORDER BY a.added_at, a.id`,
    )
    .all(departmentId, measureId) as AttachmentRow[];
}

/** The evidence of one department for every measure of a plan, oldest first; removed files are left out. */
export function listPlanAttachments(db: Db, departmentId: number, planId: number): (AttachmentRow & { measureId: number })[] {
  return db
    .prepare(
      `SELECT ${rowColumns}, a.measure_id AS measureId
         FROM attachment a JOIN measure m ON m.id = a.measure_id LEFT JOIN task t ON t.id = a.task_id
        WHERE a.department_id = ? AND m.plan_id = ? AND a.removed_at IS NULL ORDER BY a.added_at, a.id`,
    )
    .all(departmentId, planId) as (AttachmentRow & { measureId: number })[];
}

export function findAttachment(db: Db, id: number): AttachmentRecord | undefined {
  return db
    .prepare(
      `SELECT ${rowColumns}, a.department_id AS departmentId, a.measure_id AS measureId, m.plan_id AS planId,
              a.task_id AS storedTaskId, a.removed_at AS removedAt
         FROM attachment a JOIN measure m ON m.id = a.measure_id LEFT JOIN task t ON t.id = a.task_id
        WHERE a.id = ?`,
    )
    .get(id) as AttachmentRecord | undefined;
}

export function markAttachmentRemoved(db: Db, id: number, now: string): void {
  db.prepare('UPDATE attachment SET removed_at = ? WHERE id = ? AND removed_at IS NULL').run(now, id);
}

/** Re-attaches a task's live files to another task (a merge); answers how many moved. */
export function moveTaskAttachments(db: Db, fromTaskId: number, toTaskId: number): number {
  return db.prepare('UPDATE attachment SET task_id = ? WHERE task_id = ? AND removed_at IS NULL').run(toTaskId, fromTaskId).changes;
}
