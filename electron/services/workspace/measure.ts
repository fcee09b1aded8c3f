import { z } from 'zod';
import type { MeasureDetail } from '../../../shared/api/calls/workspace';
import { addDays, localDate } from '../../../shared/dates';
import { recurrenceSchema, type PlanRecurrence } from '../../../shared/plan';
import { dueSoonDays } from '../../../shared/workspace/progress';
import { listMeasureHistory } from '../../db/repos/entries';
import { measureDepartments, measureProgress } from '../../db/repos/measures';
import { readPlanContent } from '../../db/repos/plans';
import { listOwners, listTasks } from '../../db/repos/tasks';
import type { ServiceContext } from '../context';
import { measureAttachments } from '../evidence/attachments';
import { activeScope, assignedMeasure } from './scope';
import { toMeasureProgress } from './measure-progress';

const historyLimit = 300;
const Candidates = z.array(z.string());
/** Just the measures' recurrences out of the stored plan JSON (plans stored before recurrences were read have none). */
const PlanRecurrences = z.object({ measures: z.array(z.object({ code: z.string(), recurrence: recurrenceSchema.optional() })) });

/**
 * A measure's recurring or open-ended deadline, read from the plan as stored (its `content`):
 * the measure table keeps only the date, and one plan JSON parse per page is cheap.
 */
function measureRecurrence(ctx: ServiceContext, planId: number, code: string): PlanRecurrence | null {
  const parsed = PlanRecurrences.safeParse(readPlanContent(ctx.db, planId));
  return (parsed.success && parsed.data.measures.find((measure) => measure.code === code)?.recurrence) || null;
}

export function measureDetail(ctx: ServiceContext, code: string): MeasureDetail {
  const scope = activeScope(ctx.db);
  const measure = assignedMeasure(ctx.db, scope, code);
  const today = localDate(ctx.now());
  const [progressRow] = measureProgress(ctx.db, { ...scope, today, soon: addDays(today, dueSoonDays), measureId: measure.id });
  if (!progressRow) throw new Error(`measure ${code} has no progress row`);
  const tasks = listTasks(ctx.db, scope.departmentId, measure.id);
  const taken = new Set(tasks.map((task) => task.text));
  const candidates = Candidates.catch([])
    .parse(JSON.parse(measure.candidateTasks))
    .filter((text) => !taken.has(text));

  return {
    department: scope.department,
    measure: {
      code: measure.code,
      label: measure.label,
      title: measure.title,
      text: measure.text,
      chapter: measure.chapter,
      group: measure.group,
      due: measure.due,
      recurrence: measureRecurrence(ctx, scope.planId, measure.code),
      departments: measureDepartments(ctx.db, measure.id),
    },
    progress: toMeasureProgress(progressRow),
    tasks,
    candidates,
    attachments: measureAttachments(ctx.db, scope.departmentId, measure.id),
    history: listMeasureHistory(ctx.db, scope.departmentId, measure.id, historyLimit),
    owners: listOwners(ctx.db, scope.departmentId),
  };
}
