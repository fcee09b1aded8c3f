import { scaleBytes } from '../file-size';
import zhWorkspace from '../i18n/zh-CN/workspace';
import { isTaskOverdue } from '../workspace/progress';
import type { ReportData, ReportMeasure, ReportTask } from './data';

/**
 * Wording shared by the package's human-readable files (report.html, report.docx, report.csv). They are
 * always in Chinese, for the receiving office, whatever the coordinator's UI language; the
 * status and role words are the UI's own zh-CN words, so the report says what the screen says.
 */

export function statusWord(status: ReportTask['status']): string {
  return zhWorkspace.status[status];
}

export function roleWord(role: ReportMeasure['role']): string {
  return zhWorkspace.role[role];
}

/**
 * Text as it may be written into a document: line ends as LF, control characters other
 * than TAB and LF dropped, unpaired surrogates (which UTF-8 cannot carry) replaced by U+FFFD.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .replace(/(?![\t\n])\p{Cc}/gu, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '\uFFFD');
}

/** `2016-07-01` → `2016年7月1日`; anything else unchanged. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

/** The date part of an ISO 8601 timestamp that carries its local offset (generatedAt). */
export function localDateOf(timestamp: string): string | null {
  return /^(\d{4}-\d{2}-\d{2})T/u.exec(timestamp)?.[1] ?? null;
}

/** `2017-01-20T10:32:05+08:00` → `2017年1月20日 10:32`, read as written (no time-zone conversion). */
export function chineseDateTime(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/u.exec(timestamp);
  return match ? `${chineseDate(match[1] as string)} ${match[2]}:${match[3]}` : timestamp;
}

/** The offset in minutes of an ISO 8601 timestamp (`Z` is 0), or null when it has none. */
export function offsetMinutesOf(timestamp: string): number | null {
  if (/Z$/iu.test(timestamp)) return 0;
  const match = /([+-])(\d{2}):?(\d{2})$/u.exec(timestamp);
  if (!match) return null;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * A recorded instant (ISO 8601, usually UTC) as `YYYY-MM-DD HH:mm` at a fixed offset, the
 * report's own (that of generatedAt), so the same report reads the same on every machine.
 * Text that is not a timestamp is returned as it is.
 */
export function timeAtOffset(at: string, offsetMinutes: number): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/u.exec(at);
  if (!match) return at;
  // Without an offset the time is read as written: parsing it would mean this machine's zone.
  const ms = offsetMinutesOf(at) === null ? Number.NaN : Date.parse(at);
  if (Number.isNaN(ms)) return `${match[1]} ${match[2]}`;
  const local = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** `1288490` → `1.2 MB`: binary units, one decimal below 100, as file managers show sizes. */
export function fileSize(bytes: number): string {
  const { value, unit } = scaleBytes(bytes);
  const text = unit === 'B' || value >= 100 ? String(Math.round(value)) : value.toFixed(1);
  return `${text} ${unit}`;
}

/** Whether a task counts as overdue in the report: not done, and due before the day it was generated. */
export function isOverdue(task: Pick<ReportTask, 'status' | 'due'>, data: Pick<ReportData, 'generatedAt'>): boolean {
  const today = localDateOf(data.generatedAt);
  return today !== null && isTaskOverdue(task, today);
}

/** 《title》, without doubling brackets the title already has. */
export function bookTitle(title: string): string {
  const bare = title.trim().replace(/^《(.*)》$/u, '$1');
  return `《${bare}》`;
}

/** The name the report is signed off with: the unit's full name (单位全称) when set, else the plan's department name. */
export function unitNameOf(data: Pick<ReportData, 'department' | 'unitName'>): string {
  return data.unitName?.trim() || data.department;
}

/** The report's title as a circular would word it: 山东省经济和信息化委员会关于《…》贯彻落实情况的报告. */
export function reportTitle(data: Pick<ReportData, 'department' | 'unitName' | 'plan'>): string {
  return `${unitNameOf(data)}关于${bookTitle(data.plan.title)}贯彻落实情况的报告`;
}
