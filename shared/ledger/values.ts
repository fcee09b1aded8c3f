import type { TaskStatus } from '../api/calls/workspace';
import { isoDate, resolveDueValue } from '../plan/deadlines';
import { cellText, isBlankCell, type LedgerCell } from './cell';
import { compactText, foldText } from './text';

/** What a value cell says: nothing (leave the field as it is), a value, or something unreadable. */
export type CellReading<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'invalid'; text: string };

const empty = { kind: 'empty' } as const;
const invalid = (cell: LedgerCell): CellReading<never> => ({ kind: 'invalid', text: cellText(cell).trim() });

/**
 * Status words and their near variants. Decisions: 未完成 is a task under way (ledgers
 * write it at a reporting date for what is not yet finished; a task nobody has started
 * is said so: 未开始/未启动); 滞后 (behind schedule) is 受阻, the one status that flags a
 * task for attention in the report. The English words are the app's own labels.
 */
const statusWords: Record<TaskStatus, readonly string[]> = {
  not_started: ['未开始', '未启动', '尚未开始', '尚未启动', '待启动', '待开始', '未开展', '尚未开展', '未实施', 'not started'],
  in_progress: [
    '进行中',
    '推进中',
    '正在推进',
    '实施中',
    '正在实施',
    '进行',
    '正在进行',
    '在办',
    '办理中',
    '正在办理',
    '持续推进',
    '已启动',
    '已开展',
    '未完成',
    '部分完成',
    'in progress',
  ],
  done: ['已完成', '完成', '已办结', '办结', '已落实', '落实', '全部完成', '已结束', '√', '✓', '✔', 'done', 'completed'],
  blocked: ['受阻', '阻塞', '暂停', '已暂停', '停滞', '滞后', '进度滞后', '搁置', '已搁置', 'blocked'],
};

const statusByWord = new Map<string, TaskStatus>();
for (const [status, words] of Object.entries(statusWords) as [TaskStatus, readonly string[]][]) {
  for (const word of words) statusByWord.set(compactText(word).toLowerCase(), status);
}

/** A status cell: the word, widths folded, spaces and a final full stop ignored. */
export function readStatus(cell: LedgerCell | null | undefined): CellReading<TaskStatus> {
  if (!cell || isBlankCell(cell)) return empty;
  if (cell.kind === 'formula_without_value') return empty;
  const key = compactText(cellText(cell))
    .replace(/[。.!！]+$/u, '')
    .toLowerCase();
  const status = statusByWord.get(key);
  return status === undefined ? invalid(cell) : { kind: 'value', value: status };
}

/**
 * A progress cell as a whole percent: a percentage-formatted number is a fraction (0.4 shown
 * as 40%); other numbers between 0 and 1 (exclusive) are fractions, 0–100 are percents;
 * text reads the same, with or without a (full-width) % sign. Halves round up.
 */
export function readProgress(cell: LedgerCell | null | undefined): CellReading<number> {
  if (!cell || isBlankCell(cell) || cell.kind === 'formula_without_value') return empty;
  if (cell.kind === 'number') return percentOf(cell.percent ? cell.value * 100 : asPercent(cell.value), cell);
  if (cell.kind !== 'text') return invalid(cell);
  const match = /^([+]?\d+(?:\.\d+)?)(%?)$/u.exec(compactText(cell.text).replace(/^["'“”]+|["'“”]+$/gu, ''));
  if (!match) return invalid(cell);
  const number = Number(match[1]);
  return percentOf(match[2] === '%' ? number : asPercent(number), cell);
}

function asPercent(value: number): number {
  return value > 0 && value < 1 ? value * 100 : value;
}

function percentOf(value: number, cell: LedgerCell): CellReading<number> {
  // Float noise from fractions (0.29 * 100 = 28.999…) must not decide the rounding.
  const rounded = Math.round(Math.round(value * 1e6) / 1e6);
  return Number.isFinite(value) && rounded >= 0 && rounded <= 100 ? { kind: 'value', value: rounded } : invalid(cell);
}

/** What a due cell says: a date, or a recurrence or open end (长期坚持, 每季度) that sets no date. */
export type DueReading = CellReading<string> | { kind: 'no_date' };

const isoDay = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u;

/**
 * A due cell: a date cell; an ISO day (2016-09-30, with a time of day as CSV exports add);
 * or the wordings plans use (2016/9/30, 2016.9.30, 2016年9月30日, 2016年9月底前, 2016年底前),
 * read with the plan's year for a year left out.
 */
export function readDue(cell: LedgerCell | null | undefined, planYear: number | null): DueReading {
  if (!cell || isBlankCell(cell) || cell.kind === 'formula_without_value') return empty;
  if (cell.kind === 'date') return { kind: 'value', value: cell.date };
  if (cell.kind !== 'text') return invalid(cell);
  const iso = isoDay.exec(foldText(cell.text));
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date === null ? invalid(cell) : { kind: 'value', value: date };
  }
  const resolved = resolveDueValue(compactText(cell.text), planYear);
  if (resolved.date !== null) return { kind: 'value', value: resolved.date };
  return resolved.unresolved ? invalid(cell) : { kind: 'no_date' };
}
