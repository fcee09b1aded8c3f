import type { ReportData, ReportMeasure, ReportTask } from './data';
import { cleanText, roleWord, statusWord } from './text';

/**
 * report.csv: one row per task for spreadsheets (a measure without tasks gets one row with
 * the task columns empty). UTF-8 with a BOM so that Excel reads it as UTF-8, CRLF line
 * ends and RFC 4180 quoting. Cells that a spreadsheet would take for a formula start with
 * an apostrophe, so that a hostile task text cannot run anything on the receiver's PC.
 *
 * Evidence attached to a measure rather than to a task is listed on the row of a measure
 * without tasks; for a measure with tasks it is in report.html and report.json only.
 */
export const reportCsvHeader = [
  '措施编号',
  '措施',
  '本部门角色',
  '任务',
  '状态',
  '进度(%)',
  '责任人',
  '完成时限',
  '备注',
  '证明材料',
  '工作开展情况',
] as const;

export function renderReportCsv(data: ReportData): string {
  const rows: string[][] = [[...reportCsvHeader]];
  for (const measure of data.measures) {
    if (measure.tasks.length === 0) rows.push(row(measure, null));
    for (const task of measure.tasks) rows.push(row(measure, task));
  }
  return `\uFEFF${rows.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function row(measure: ReportMeasure, task: ReportTask | null): string[] {
  const measureCells = [measure.label, measure.title, roleWord(measure.role)];
  const workDone = measure.workDone;
  if (task === null) return [...measureCells, '', '', '', '', '', '', names(measure.attachments), workDone];
  return [
    ...measureCells,
    task.text,
    statusWord(task.status),
    String(task.progress),
    task.owner,
    task.due ?? '',
    task.notes,
    names(task.attachments),
    workDone,
  ];
}

function names(files: { name: string }[]): string {
  return files.map((file) => file.name).join('; ');
}

/**
 * One field: line ends as CRLF inside quotes, a leading `'` before what a spreadsheet reads
 * as a formula (= + - @, TAB, CR), quoted when it holds a comma, quote or line break.
 */
export function csvField(value: string): string {
  let text = cleanText(value).replace(/\n/gu, '\r\n');
  if (/^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
