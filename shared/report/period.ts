import type { TFunction } from 'i18next';
import { daysInMonth } from '../dates';
import zhReporting from '../i18n/zh-CN/reporting';
import { chineseDate } from './text';

/**
 * Reporting periods: a year, a half-year, a quarter, a month or custom dates, written the
 * way the CLI takes them (`2016`, `2016-H2`, `2016-Q3`, `2016-07`, `2016-07-01..2017-01-31`)
 * and labelled the way a circular would (`2016年下半年`).
 */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** The CLI spelling, also used in file names. */
  key: string;
  from: string;
  to: string;
  /** Chinese label for the report and the file name. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const { halves, quarters } = zhReporting.period;

/** Reads a period; null when the text is not one of the accepted forms or names an impossible date. */
export function parsePeriod(text: string): Period | null {
  const value = text.trim();
  let match = /^(\d{4})$/u.exec(value);
  if (match) {
    const year = Number(match[1]);
    return { kind: 'year', key: value, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
  }
  match = /^(\d{4})-H([12])$/iu.exec(value);
  if (match) {
    const year = Number(match[1]);
    const half = Number(match[2]);
    const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
    const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
    return { kind: 'half', key: `${year}-H${half}`, from, to, label: `${year}年${halves[String(half) as keyof typeof halves]}` };
  }
  match = /^(\d{4})-Q([1-4])$/iu.exec(value);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    const endMonth = quarter * 3;
    return {
      kind: 'quarter',
      key: `${year}-Q${quarter}`,
      from: `${year}-${pad(endMonth - 2)}-01`,
      to: `${year}-${pad(endMonth)}-${pad(daysInMonth(year, endMonth))}`,
      label: `${year}年${quarters[String(quarter) as keyof typeof quarters]}`,
    };
  }
  match = /^(\d{4})-(\d{2})$/u.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return {
      kind: 'month',
      key: value,
      from: `${year}-${pad(month)}-01`,
      to: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`,
      label: `${year}年${month}月`,
    };
  }
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/u.exec(value);
  if (match) {
    const [from, to] = [match[1] as string, match[2] as string];
    if (!validDate(from) || !validDate(to) || from > to) return null;
    const label = `${chineseDate(from)}至${chineseDate(to)}`;
    return { kind: 'custom', key: `${from}..${to}`, from, to, label };
  }
  return null;
}

/** The period in the reader's language, for the screen (report files carry `period.label`, in Chinese). */
export function periodLabel(period: Period, t: TFunction): string {
  const translate = (key: string, params: Record<string, string | number>) => String(t(key as never, params as never));
  const date = (iso: string) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return translate('reporting.period.date', { year, month, day });
  };
  const [year = '', part = ''] = period.key.split(/-[HQ]?/iu);
  const params = {
    year,
    half: period.kind === 'half' ? translate(`reporting.period.halves.${part}`, {}) : '',
    quarter: period.kind === 'quarter' ? translate(`reporting.period.quarters.${part}`, {}) : '',
    month: Number(part),
    from: date(period.from),
    to: date(period.to),
  };
  return translate(`reporting.period.labels.${period.kind}`, params);
}
