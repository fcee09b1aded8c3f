import type { ParsedRequest } from '../../../shared/api/contract';
import type { ReportData } from '../../../shared/report/data';
import { saveDraftField, saveMeasureText as saveMeasureTextRow, type DraftField } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { activeScope, assignedMeasure } from '../workspace/scope';
import { buildReport } from './build';
import { requirePeriod } from './export';

/** What the coordinator writes for the whole report; each field is saved as it is typed. */
type DraftFields = Omit<ParsedRequest<'reports.saveDraft'>, 'period'>;

const draftFields: [keyof DraftFields, DraftField][] = [
  ['problems', 'problems'],
  ['nextSteps', 'next_steps'],
  ['contactPerson', 'contact_person'],
  ['contactPhone', 'contact_phone'],
];

/** The active department's report for a period as it stands: drafted from the data, with what the coordinator wrote. */
export function reportDraft(ctx: ServiceContext, periodKey: string): { data: ReportData; periodKey: string; updatedAt: string | null } {
  const period = requirePeriod(periodKey);
  const built = buildReport(ctx, activeScope(ctx.db), period);
  return { data: built.data, periodKey: period.key, updatedAt: built.updatedAt };
}

/** Saves the fields given (problems, next steps, contact) of the period's draft. */
export function saveDraft(ctx: ServiceContext, periodKey: string, fields: DraftFields): { updatedAt: string } {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const key = { planId: scope.planId, departmentId: scope.departmentId, periodKey: requirePeriod(periodKey).key };
    const now = ctx.now().toISOString();
    for (const [name, column] of draftFields) {
      const value = fields[name];
      if (value !== undefined) saveDraftField(ctx.db, key, column, value, now);
    }
    return { updatedAt: now };
  })();
}

/** Saves the work done on one measure in the period's draft. */
export function saveMeasureText(ctx: ServiceContext, periodKey: string, code: string, workDone: string): { updatedAt: string } {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const measure = assignedMeasure(ctx.db, scope, code);
    const now = ctx.now().toISOString();
    saveMeasureTextRow(
      ctx.db,
      { planId: scope.planId, departmentId: scope.departmentId, periodKey: requirePeriod(periodKey).key },
      measure.id,
      workDone,
      now,
    );
    return { updatedAt: now };
  })();
}
