import type { TaskStatus } from '../../../shared/api/calls/workspace';
import type { Db } from '../database';

export interface SearchRow {
  kind: 'measure' | 'task' | 'attachment';
  measureCode: string;
  measureLabel: string;
  measureTitle: string;
  group: string | null;
  taskId: number | null;
  taskText: string | null;
  status: TaskStatus | null;
  owner: string | null;
  due: string | null;
  attachmentName: string | null;
  /** The indexed text the snippet is cut from. */
  body: string;
}

export interface SearchFilter {
  planId: number;
  departmentId: number;
  today: string;
  /** An FTS5 phrase for queries of three characters or more (the trigram minimum), else null. */
  match: string | null;
  /** A LIKE pattern for shorter queries, else null. Both null: filters only. */
  like: string | null;
  statuses: readonly TaskStatus[];
  overdue: boolean;
  owner: string | null;
  group: string | null;
  limit: number;
}

/**
 * Measures, tasks and evidence of one department in one plan that match. Long queries go
 * through the trigram index (rowid = id * 4 + kind); one- and two-character queries, which
 * trigrams cannot index, scan only this department's rows with LIKE.
 */
export function search(db: Db, filter: SearchFilter): SearchRow[] {
  const taskOnly = filter.statuses.length > 0 || filter.overdue || filter.owner !== null;
  const byIndex = filter.match !== null;
  // With the index, the hits drive the query (one primary-key lookup each); without, this
  // plan's measures do, so a short LIKE only scans this department's rows.
  const source = (kind: number, table: string, alias: string) =>
    byIndex ? `hit JOIN ${table} ${alias} ON ${alias}.id = hit.r / 4 AND hit.r % 4 = ${kind}` : `${table} ${alias}`;
  const like = (body: string) => (filter.like !== null ? `${body} LIKE @like ESCAPE '\\'` : '1');
  const statusList = filter.statuses.map((status) => `'${status}'`).join(', ');

  const measureBody = 'm.title || char(10) || m.text';
  const taskBody = 't.text || char(10) || t.owner || char(10) || t.notes';
  const measures = `
    SELECT 'measure' AS kind, m.code AS measureCode, m.label AS measureLabel, m.title AS measureTitle, m.group_title AS "group",
           NULL AS taskId, NULL AS taskText, NULL AS status, NULL AS owner, m.due AS due, NULL AS attachmentName,
           ${measureBody} AS body, m.ordinal AS ordinal, 0 AS sub
      FROM ${source(0, 'measure', 'm')}
      JOIN measure_department md ON md.measure_id = m.id AND md.department_id = @departmentId
     WHERE m.plan_id = @planId AND (@group IS NULL OR m.group_title = @group) AND ${like(measureBody)}`;
  const tasks = `
    SELECT 'task' AS kind, m.code AS measureCode, m.label AS measureLabel, m.title AS measureTitle, m.group_title AS "group",
           t.id AS taskId, t.text AS taskText, t.status AS status, t.owner AS owner, t.due AS due, NULL AS attachmentName,
           ${taskBody} AS body, m.ordinal AS ordinal, 1 + t.position AS sub
      FROM ${byIndex ? `${source(1, 'task', 't')} JOIN measure m ON m.id = t.measure_id` : 'measure m JOIN task t ON t.measure_id = m.id AND t.department_id = @departmentId'}
     WHERE t.department_id = @departmentId AND t.deleted_at IS NULL AND m.plan_id = @planId
       AND (@group IS NULL OR m.group_title = @group)
       AND ${filter.statuses.length > 0 ? `t.status IN (${statusList})` : '1'}
       AND ${filter.overdue ? "t.status <> 'done' AND t.due < @today" : '1'}
       AND (@owner IS NULL OR t.owner = @owner)
       AND ${like(taskBody)}`;
  const attachments = `
    SELECT 'attachment' AS kind, m.code AS measureCode, m.label AS measureLabel, m.title AS measureTitle, m.group_title AS "group",
           a.task_id AS taskId, NULL AS taskText, NULL AS status, NULL AS owner, NULL AS due, a.name AS attachmentName,
           a.name AS body, m.ordinal AS ordinal, 100000 + a.id AS sub
      FROM ${byIndex ? `${source(2, 'attachment', 'a')} JOIN measure m ON m.id = a.measure_id` : 'measure m JOIN attachment a ON a.measure_id = m.id AND a.department_id = @departmentId'}
     WHERE a.department_id = @departmentId AND a.removed_at IS NULL AND m.plan_id = @planId
       AND (@group IS NULL OR m.group_title = @group) AND ${like('a.name')}`;

  const parts = taskOnly ? [tasks] : [measures, tasks, attachments];
  const hits = byIndex ? 'WITH hit AS MATERIALIZED (SELECT rowid AS r FROM search_text WHERE search_text MATCH @match)\n' : '';
  const sql = `${hits}${parts.join('\nUNION ALL\n')}\nORDER BY ordinal, sub LIMIT @limit`;
  return db.prepare(sql).all({
    planId: filter.planId,
    departmentId: filter.departmentId,
    today: filter.today,
    group: filter.group,
    owner: filter.owner,
    limit: filter.limit,
    ...(filter.match !== null ? { match: filter.match } : {}),
    ...(filter.like !== null ? { like: filter.like } : {}),
  }) as SearchRow[];
}

export function planGroups(db: Db, planId: number, departmentId: number): string[] {
  return (
    db
      .prepare(
        `SELECT m.group_title AS grp FROM measure m JOIN measure_department md ON md.measure_id = m.id AND md.department_id = ?
          WHERE m.plan_id = ? AND m.group_title IS NOT NULL GROUP BY m.group_title ORDER BY min(m.ordinal)`,
      )
      .all(departmentId, planId) as { grp: string }[]
  ).map((row) => row.grp);
}
