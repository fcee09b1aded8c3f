import { z } from 'zod';
import type { Dashboard, Deadline } from '../../../shared/api/calls/workspace';
import { addDays, daysBetween, localDate } from '../../../shared/dates';
import { dueSoonDays } from '../../../shared/workspace/progress';
import { listRecentActivity } from '../../db/repos/entries';
import { measureProgress } from '../../db/repos/measures';
import { findPlanSummary, readPlanContent } from '../../db/repos/plans';
import type { ServiceContext } from '../context';
import { activeScope } from './scope';
import { toMeasureProgress } from './measure-progress';

const recentActivityLimit = 12;

const PlanDeadlines = z.object({
  deadlines: z.array(z.object({ date: z.string(), text: z.string(), recipient: z.string().nullable() })).default([]),
});

export function buildDashboard(ctx: ServiceContext): Dashboard {
  const scope = activeScope(ctx.db);
  const today = localDate(ctx.now());
  const rows = measureProgress(ctx.db, { ...scope, today, soon: addDays(today, dueSoonDays) });
  const measures = rows.map(toMeasureProgress);
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const plan = findPlanSummary(ctx.db, scope.planId);
  if (!plan) throw new Error(`active plan ${scope.planId} vanished`);

  return {
    plan,
    department: scope.department,
    today,
    measures,
    totals: {
      measures: rows.length,
      tasks: sum((row) => row.total),
      done: sum((row) => row.done),
      overdue: sum((row) => row.overdue),
      dueSoon: sum((row) => row.dueSoon),
      blocked: sum((row) => row.blocked),
    },
    nextDeadline: nextDeadline(readPlanContent(ctx.db, scope.planId), today),
    recentActivity: listRecentActivity(ctx.db, scope.departmentId, scope.planId, recentActivityLimit),
  };
}

/** The first reporting deadline from today on; once all have passed, the last one (days left negative). */
export function nextDeadline(content: unknown, today: string): Deadline | null {
  const parsed = PlanDeadlines.safeParse(content);
  if (!parsed.success) return null;
  const sorted = [...parsed.data.deadlines].sort((a, b) => a.date.localeCompare(b.date));
  const next = sorted.find((deadline) => deadline.date >= today) ?? sorted.at(-1);
  return next ? { date: next.date, daysLeft: daysBetween(today, next.date), text: next.text, recipient: next.recipient } : null;
}
