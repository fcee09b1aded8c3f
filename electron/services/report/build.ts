import { version } from '../../../package.json';
import {
  reportDataFormat,
  reportDataVersion,
  type ReportAttachment,
  type ReportData,
  type ReportMeasure,
} from '../../../shared/report/data';
import type { Period } from '../../../shared/report/period';
import { addDays, isoWithOffset, localDate, localDayRange } from '../../../shared/dates';
import { groupBy } from '../../../shared/group-by';
import { describeHistoryEntry } from '../../../shared/workspace/history-text';
import { dueSoonDays } from '../../../shared/workspace/progress';
import { createTranslator } from '../../lib/i18n';
import { listPlanAttachments } from '../../db/repos/attachments';
import { listEntriesBetween } from '../../db/repos/entries';
import { measureProgress } from '../../db/repos/measures';
import { findPlanIdentity } from '../../db/repos/plans';
import { checklistTasks } from '../../db/repos/print';
import { findDraft, lastContact, measureTexts } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { blobPath } from '../evidence/store';
import { unitNameSetting } from '../settings/settings';
import type { Scope } from '../workspace/scope';
import { toMeasureProgress } from '../workspace/measure-progress';
import { AttachmentPaths } from './attachment-paths';
import type { ReportEntry } from './package/write';

export interface BuiltReport {
  data: ReportData;
  /** Evidence to pack: the path in the package, the stored file it comes from, and what that file must hash to. */
  files: Extract<ReportEntry, { file: string }>[];
  updatedAt: string | null;
}

// The receiving office reads Chinese, whatever the coordinator's UI language.
const officeT = createTranslator('zh-CN');

/**
 * Drafts the report for a period from the data: every measure the department carries,
 * its tasks with their evidence, the changes recorded in the period, and whatever the
 * coordinator wrote (work done per measure, problems, next steps, contact).
 */
export function buildReport(ctx: ServiceContext, scope: Scope, period: Period): BuiltReport {
  const now = ctx.now();
  const today = localDate(now);
  const plan = findPlanIdentity(ctx.db, scope.planId);
  if (!plan) throw new Error(`plan ${scope.planId} vanished`);
  const key = { planId: scope.planId, departmentId: scope.departmentId, periodKey: period.key };
  const draft = findDraft(ctx.db, key);
  const contact = draft ?? lastContact(ctx.db, scope.departmentId);
  const texts = measureTexts(ctx.db, key);
  const { start, end } = localDayRange(period.from, period.to);
  const entries = listEntriesBetween(ctx.db, scope.departmentId, scope.planId, start, end);
  const attachmentsOf = groupBy(listPlanAttachments(ctx.db, scope.departmentId, scope.planId), (attachment) => attachment.measureId);
  const tasksOf = groupBy(
    checklistTasks(ctx.db, { planId: scope.planId, departmentId: scope.departmentId, measureId: null }),
    (task) => task.measureId,
  );
  const changesOf = groupBy(entries, (entry) => entry.measureCode);
  const paths = new AttachmentPaths();
  const files: BuiltReport['files'] = [];
  let overdue = 0;

  const measures = measureProgress(ctx.db, { ...scope, today, soon: addDays(today, dueSoonDays) }).map((row): ReportMeasure => {
    const progress = toMeasureProgress(row);
    overdue += row.overdue;
    const evidence = new Map<number | null, ReportAttachment[]>();
    for (const attachment of attachmentsOf.get(row.id) ?? []) {
      const path = paths.pathFor(row.code, attachment.name, attachment.sha256);
      files.push({
        path,
        file: blobPath(ctx.layout, attachment.sha256),
        evidence: { sha256: attachment.sha256, name: attachment.name, measure: row.code },
      });
      const list = evidence.get(attachment.taskId) ?? [];
      list.push({ name: attachment.name, path, size: attachment.size, sha256: attachment.sha256 });
      evidence.set(attachment.taskId, list);
    }
    return {
      code: row.code,
      label: row.label,
      chapter: row.chapter,
      group: row.group,
      title: row.title,
      role: row.role,
      due: row.due,
      status: progress.status,
      total: progress.total,
      done: progress.done,
      percent: progress.percent,
      workDone: texts.get(row.id) ?? '',
      tasks: (tasksOf.get(row.id) ?? []).map((task) => ({
        text: task.text,
        status: task.status,
        progress: task.progress,
        owner: task.owner,
        due: task.due,
        notes: task.notes,
        attachments: evidence.get(task.id) ?? [],
      })),
      attachments: evidence.get(null) ?? [],
      changes: (changesOf.get(row.code) ?? []).map((entry) => ({
        at: entry.at,
        actor: entry.actor,
        description: describeHistoryEntry(entry, officeT),
      })),
    };
  });

  const tasks = measures.flatMap((measure) => measure.tasks);
  // The plan's short name stays the department (the manifest's key); the full name signs the report.
  const unitName = unitNameSetting(ctx.db, scope.department);
  const data: ReportData = {
    format: reportDataFormat,
    version: reportDataVersion,
    plan,
    department: scope.department,
    ...(unitName ? { unitName } : {}),
    period: { from: period.from, to: period.to, label: period.label },
    generatedAt: isoWithOffset(now),
    generator: { name: 'PlanLedger', version },
    problems: draft?.problems ?? '',
    nextSteps: draft?.nextSteps ?? '',
    contact: { person: contact?.contactPerson ?? '', phone: contact?.contactPhone ?? '' },
    measures,
    summary: {
      measures: measures.length,
      tasks: tasks.length,
      tasksDone: tasks.filter((task) => task.status === 'done').length,
      tasksInProgress: tasks.filter((task) => task.status === 'in_progress').length,
      tasksBlocked: tasks.filter((task) => task.status === 'blocked').length,
      tasksOverdue: overdue,
      attachments: files.length,
      changes: entries.length,
    },
  };
  return { data, files, updatedAt: draft?.updatedAt ?? null };
}
