import type { DiffEntry } from '../../../shared/api/calls/office';
import type { ReportAttachment, ReportData, ReportMeasure, ReportTask } from '../../../shared/report/data';

/**
 * What changed between two versions of one department's report for one period: the report's
 * own text, each measure (status, progress, narrative), each task (matched by its text, as
 * the coordinator sees it) and the files. Pure: two report.json values in, entries out, in
 * the order a reader goes through the report.
 */
export function diffReports(older: ReportData, newer: ReportData): DiffEntry[] {
  const entries: DiffEntry[] = [];
  const push = (scope: DiffEntry['scope'], code: string | null, item: string | null, field: string, before: Value, after: Value) => {
    if (before !== after) entries.push({ scope, code, item, field, before, after });
  };

  push('report', null, null, 'problems', older.problems, newer.problems);
  push('report', null, null, 'nextSteps', older.nextSteps, newer.nextSteps);
  push('report', null, null, 'contact', contactText(older.contact), contactText(newer.contact));

  const olderMeasures = new Map(older.measures.map((measure) => [measure.code, measure]));
  const newerCodes = new Set(newer.measures.map((measure) => measure.code));
  for (const measure of newer.measures) {
    const before = olderMeasures.get(measure.code);
    if (!before) {
      push('measure', measure.code, measure.title, 'added', null, measure.title);
      continue;
    }
    diffMeasure(before, measure, push);
  }
  for (const measure of older.measures) {
    if (!newerCodes.has(measure.code)) push('measure', measure.code, measure.title, 'removed', measure.title, null);
  }

  diffFiles(filesOf(older), filesOf(newer), push);
  return entries;
}

type Value = string | number | null;
type Push = (scope: DiffEntry['scope'], code: string | null, item: string | null, field: string, before: Value, after: Value) => void;

function contactText(contact: ReportData['contact']): string {
  return [contact.person, contact.phone].filter((part) => part !== '').join(' ');
}

function diffMeasure(before: ReportMeasure, after: ReportMeasure, push: Push): void {
  const code = after.code;
  push('measure', code, null, 'status', before.status, after.status);
  push('measure', code, null, 'progress', before.percent, after.percent);
  push('measure', code, null, 'workDone', before.workDone, after.workDone);

  const olderTasks = byText(before.tasks);
  const newerTasks = byText(after.tasks);
  for (const [text, task] of newerTasks) {
    const previous = olderTasks.get(text);
    if (!previous) {
      push('task', code, text, 'added', null, text);
      continue;
    }
    push('task', code, text, 'status', previous.status, task.status);
    push('task', code, text, 'progress', previous.progress, task.progress);
    push('task', code, text, 'owner', previous.owner, task.owner);
    push('task', code, text, 'due', previous.due, task.due);
    push('task', code, text, 'notes', previous.notes, task.notes);
  }
  for (const text of olderTasks.keys()) {
    if (!newerTasks.has(text)) push('task', code, text, 'removed', text, null);
  }
}

/** Tasks by their text; a text repeated within a measure keeps its first occurrence (the builder never repeats one). */
function byText(tasks: readonly ReportTask[]): Map<string, ReportTask> {
  const map = new Map<string, ReportTask>();
  for (const task of tasks) if (!map.has(task.text)) map.set(task.text, task);
  return map;
}

/** Every file the report lists (evidence of measures and tasks), by its path in the package. */
function filesOf(data: ReportData): Map<string, ReportAttachment> {
  const files = new Map<string, ReportAttachment>();
  const add = (list: readonly ReportAttachment[]) => {
    for (const file of list) files.set(file.path, file);
  };
  for (const measure of data.measures) {
    add(measure.attachments);
    for (const task of measure.tasks) add(task.attachments);
  }
  return files;
}

function diffFiles(older: Map<string, ReportAttachment>, newer: Map<string, ReportAttachment>, push: Push): void {
  const paths = [...new Set([...older.keys(), ...newer.keys()])].sort();
  for (const path of paths) {
    const before = older.get(path);
    const after = newer.get(path);
    if (!before && after) push('file', null, path, 'added', null, after.sha256);
    else if (before && !after) push('file', null, path, 'removed', before.sha256, null);
    else if (before && after) push('file', null, path, 'content', before.sha256, after.sha256);
  }
}
