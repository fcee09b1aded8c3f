import type { DepartmentRole, Task } from '../../../shared/api/calls/workspace';
import type { Db } from '../database';

/** A measure the department carries, with its task tallies, as the ledger's summary sheet lists it. */
export interface LedgerMeasureRow {
  id: number;
  code: string;
  label: string;
  title: string;
  due: string | null;
  role: DepartmentRole;
  tasks: number;
  done: number;
  inProgress: number;
  blocked: number;
  /** Not done and past due on `today`. */
  overdue: number;
  /** Evidence files of the measure (its tasks' and its own), removed ones left out. */
  evidence: number;
  /** Evidence attached to the measure itself rather than to one of its live tasks. */
  measureEvidence: number;
}

/** One live task as a ledger row. */
export type LedgerTaskRow = Pick<Task, 'id' | 'position' | 'text' | 'status' | 'progress' | 'owner' | 'due' | 'notes' | 'updatedAt'> & {
  evidence: number;
};

/** The department's measures in the plan's order, each with its tallies (`today` is YYYY-MM-DD, local). */
export function ledgerMeasures(db: Db, scope: { planId: number; departmentId: number; today: string }): LedgerMeasureRow[] {
  return db
    .prepare(
      `SELECT m.id, m.code, m.label, m.title, m.due, md.role,
              count(t.id) AS tasks,
              count(t.id) FILTER (WHERE t.status = 'done') AS done,
              count(t.id) FILTER (WHERE t.status = 'in_progress') AS inProgress,
              count(t.id) FILTER (WHERE t.status = 'blocked') AS blocked,
              count(t.id) FILTER (WHERE t.status <> 'done' AND t.due < @today) AS overdue,
              (SELECT count(*) FROM attachment a
                 WHERE a.department_id = md.department_id AND a.measure_id = m.id AND a.removed_at IS NULL) AS evidence,
              (SELECT count(*) FROM attachment a LEFT JOIN task at ON at.id = a.task_id
                 WHERE a.department_id = md.department_id AND a.measure_id = m.id AND a.removed_at IS NULL
                   AND (a.task_id IS NULL OR at.deleted_at IS NOT NULL)) AS measureEvidence
         FROM measure m
         JOIN measure_department md ON md.measure_id = m.id AND md.department_id = @departmentId
         LEFT JOIN task t ON t.measure_id = m.id AND t.department_id = @departmentId AND t.deleted_at IS NULL
        WHERE m.plan_id = @planId
        GROUP BY m.id
        ORDER BY m.ordinal`,
    )
    .all(scope) as LedgerMeasureRow[];
}

/**
 * The widest task text, owner and notes of the department, in display columns (a CJK character
 * counts two): UTF-8 bytes plus characters, halved, is 2 for a CJK character and 1 for ASCII.
 * One pass in SQL instead of reading every task twice to fit the columns.
 */
export function ledgerTextWidths(db: Db, scope: { planId: number; departmentId: number }): { text: number; owner: number; notes: number } {
  return db
    .prepare(
      `SELECT coalesce(max((length(CAST(t.text AS BLOB)) + length(t.text)) / 2), 0) AS text,
              coalesce(max((length(CAST(t.owner AS BLOB)) + length(t.owner)) / 2), 0) AS owner,
              coalesce(max((length(CAST(t.notes AS BLOB)) + length(t.notes)) / 2), 0) AS notes
         FROM task t JOIN measure m ON m.id = t.measure_id
        WHERE t.department_id = @departmentId AND m.plan_id = @planId AND t.deleted_at IS NULL`,
    )
    .get(scope) as { text: number; owner: number; notes: number };
}

/** How many evidence files each live task of one measure has (tasks without any are left out). */
export function ledgerTaskEvidence(db: Db, scope: { departmentId: number; measureId: number }): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT task_id AS taskId, count(*) AS evidence FROM attachment
        WHERE department_id = @departmentId AND measure_id = @measureId AND removed_at IS NULL AND task_id IS NOT NULL
        GROUP BY task_id`,
    )
    .all(scope) as { taskId: number; evidence: number }[];
  return new Map(rows.map((row) => [row.taskId, row.evidence]));
}

/**
 * A page of one measure's live tasks in their order, after `after` (the last row of the
 * previous page, or null for the first): paging keeps a 50,000-task export's memory small.
 */
export function ledgerTaskPage(
  db: Db,
  scope: { departmentId: number; measureId: number; after: { position: number; id: number } | null; limit: number },
): Omit<LedgerTaskRow, 'evidence'>[] {
  // Two spellings rather than `@after IS NULL OR …`, so that SQLite walks the task_by_scope index from the cursor on.
  const after = scope.after === null ? '' : 'AND (t.position > @afterPosition OR (t.position = @afterPosition AND t.id > @afterId))';
  return db
    .prepare(
      `SELECT t.id, t.position, t.text, t.status, t.progress, t.owner, t.due, t.notes, t.updated_at AS updatedAt
         FROM task t
        WHERE t.department_id = @departmentId AND t.measure_id = @measureId AND t.deleted_at IS NULL ${after}
        ORDER BY t.position, t.id
        LIMIT @limit`,
    )
    .all({
      departmentId: scope.departmentId,
      measureId: scope.measureId,
      ...(scope.after === null ? {} : { afterPosition: scope.after.position, afterId: scope.after.id }),
      limit: scope.limit,
    }) as Omit<LedgerTaskRow, 'evidence'>[];
}
