import { percentDone } from '../workspace/progress';
import type { ReportData, ReportMeasure } from './data';
import { bookTitle, chineseDate, cleanText, unitNameOf } from './text';

/**
 * Sentences and labels the report's documents share (report.html, report.docx), as plain
 * text: each renderer escapes or wraps them as its format needs, so both say exactly the same.
 */

/**
 * The document's own wording with Chinese punctuation: in the literal parts of the template,
 * `,` `;` `:` `(` `)` become full-width ，；：（）, as in any official paper; interpolated values
 * (data) are left exactly as they are.
 */
export function zh(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let out = '';
  strings.forEach((literal, index) => {
    out += literal.replace(/[,;:()]/gu, (char) => fullWidth[char] as string);
    if (index < values.length) out += String(values[index]);
  });
  return out;
}

const fullWidth: Record<string, string> = { ',': '\uFF0C', ';': '\uFF1B', ':': '\uFF1A', '(': '\uFF08', ')': '\uFF09' };

/** What stands where the coordinator wrote nothing. */
export const notFilled = zh`(未填写)`;

/** What stands in an empty table cell. */
export const dash = '—';

/** A coordinator's text as its non-empty lines, trimmed: one paragraph per line typed. */
export function textLines(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `2016年下半年(2016年7月1日至2016年12月31日)`. */
export function periodText(data: Pick<ReportData, 'period'>): string {
  return zh`${data.period.label}(${chineseDate(data.period.from)}至${chineseDate(data.period.to)})`;
}

/** The plan's issuer and date: `山东省人民政府办公厅 2016年7月7日印发`, or '' when neither is known. */
export function planIssuedText(plan: ReportData['plan']): string {
  return [plan.issuer, plan.issuedOn ? `${chineseDate(plan.issuedOn)}印发` : null].filter((part) => part !== null).join(' ');
}

/** The plan file as lines: 《title》, its document number, its issuer and date (those known). */
export function planLines(plan: ReportData['plan']): string[] {
  const issued = planIssuedText(plan);
  return [bookTitle(plan.title), ...(plan.docNumber ? [plan.docNumber] : []), ...(issued ? [issued] : [])];
}

function notStartedCount(summary: ReportData['summary']): number {
  return Math.max(0, summary.tasks - summary.tasksDone - summary.tasksInProgress - summary.tasksBlocked);
}

/** 一、总体情况's sentence: measures carried, tasks by status, completion rate, overdue, evidence and changes. */
export function overviewSentence(data: ReportData): string {
  const s = data.summary;
  const unit = unitNameOf(data);
  if (s.tasks === 0) return zh`本期,${unit}承担措施${s.measures}条,尚未分解工作任务。`;
  return (
    zh`本期,${unit}承担措施${s.measures}条,分解工作任务${s.tasks}项,` +
    zh`其中已完成${s.tasksDone}项、进行中${s.tasksInProgress}项、受阻${s.tasksBlocked}项、未开始${notStartedCount(s)}项,` +
    zh`任务完成率${percentDone(s.tasksDone, s.tasks)}%${s.tasksOverdue > 0 ? zh`;逾期未完成${s.tasksOverdue}项` : ''}。` +
    zh`报送证明材料${s.attachments}份,本期记录工作变更${s.changes}条。`
  );
}

/** The counts table under the overview: label and value. */
export function overviewCounts(data: ReportData): [string, string][] {
  const s = data.summary;
  return [
    ['承担措施', `${s.measures}条`],
    ['工作任务', `${s.tasks}项`],
    ['已完成', `${s.tasksDone}项`],
    ['进行中', `${s.tasksInProgress}项`],
    ['受阻', `${s.tasksBlocked}项`],
    ['未开始', `${notStartedCount(s)}项`],
    ['逾期未完成', `${s.tasksOverdue}项`],
    ['证明材料', `${s.attachments}份`],
  ];
}

/** `(一)加强质量基础建设…`: the group's ordinal is the start of its measures' labels, e.g. (一)1. */
export function groupHeading(measure: ReportMeasure): string {
  const ordinal = /^[(\uFF08][一二三四五六七八九十百零〇]+[)\uFF09](?=.)/u.exec(measure.label)?.[0];
  const group = measure.group ?? '';
  return ordinal && !group.startsWith(ordinal) ? `${ordinal}${group}` : group;
}

/** A measure's progress in words: `已完成2/3项(67%)`, or that it has no tasks yet. */
export function measureProgressText(measure: ReportMeasure): string {
  return measure.total === 0 ? '尚未分解任务' : zh`已完成${measure.done}/${measure.total}项(${measure.percent}%)`;
}

/** The contact line under the sign-off: `(联系人:李明;联系电话:0531-…)`. */
export function contactLine(data: Pick<ReportData, 'contact'>): string {
  const person = cleanText(data.contact.person).trim() || notFilled;
  const phone = cleanText(data.contact.phone).trim() || notFilled;
  return zh`(联系人:${person};联系电话:${phone})`;
}

/** The closing note on how the report was made and what it agrees with. */
export function generatorLine(data: Pick<ReportData, 'generator'>): string {
  return zh`本报告由 ${data.generator.name} ${data.generator.version} 生成,与同一报告包中的 report.json、report.csv、report.docx 内容一致;证明材料见报告包 attachments 文件夹,报告包经数字签名(manifest.sig)。`;
}
