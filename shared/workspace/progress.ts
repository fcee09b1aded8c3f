import type { TaskStatus } from '../api/calls/workspace';

/** Tasks due within this many days count as due soon (dashboard, measure page, report). */
export const dueSoonDays = 7;

export interface TaskCounts {
  total: number;
  done: number;
  started: number;
  blocked: number;
}

/**
 * A measure's status for one department, from its tasks: nothing to do yet is 未开始,
 * everything done is 已完成, any blocked task makes it 受阻, any movement 进行中.
 */
export function measureStatus(counts: TaskCounts): TaskStatus {
  if (counts.total === 0) return 'not_started';
  if (counts.done === counts.total) return 'done';
  if (counts.blocked > 0) return 'blocked';
  if (counts.done > 0 || counts.started > 0) return 'in_progress';
  return 'not_started';
}

export function percentDone(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

/** Not done and due before `today` (YYYY-MM-DD): on screen, on the printed list and in the report. */
export function isTaskOverdue(task: { status: TaskStatus; due: string | null }, today: string): boolean {
  return task.status !== 'done' && task.due !== null && task.due < today;
}
