/**
 * Dates and deadlines: 2016年7月7日, 二〇一六年七月七日, 2017年1月底前, 12月底前 (year from the
 * sentence or the plan's issue year), 2018年底, 上半年, 第三季度, and reporting deadlines
 * (…于2017年1月底前将工作开展情况报…(省质监局)).
 *
 * Every regular expression here is built from bounded pieces; none can backtrack badly.
 */
import { daysInMonth } from '../dates';
import { parseChineseDigits, parseChineseInt, toAsciiDigits } from './numerals';
import { splitSentences, stripEndPunctuation, trailingParenStart } from './sentences';

const ABSOLUTE_YEAR = '([0-9]{4}|[〇零○Ｏ一二三四五六七八九]{4})';
/** 今年/本年/当年 is the context year, 明年/次年 the one after. */
const YEAR = '([0-9]{4}|[〇零○Ｏ一二三四五六七八九]{4}|[今明本当次])';
const MONTH = '([0-9]{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY = '([0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const PERIOD = `${MONTH}月份?(?:${DAY}[日号]|([底末]))?|(上半年|年中|下半年|年底|年末)|第?([一二三四1-4])季度末?`;

/**
 * Groups: 1 year; with a year 2 month, 3 day, 4 month end, 5 half year, 6 quarter, 7 year end;
 * without a year 8 month, 9 day, 10 month end, 11 half year, 12 quarter.
 */
const DATE_RE = new RegExp(`(?<![0-9])(?:${YEAR}年度?(?:${PERIOD}|([底末]))?|(?:${PERIOD}))`, 'gu');

/**
 * Dotted dates: 2016.9.30, 2016．9．30, 2016/9/30, 2017.6 (the month's end), 2017.6底. Groups:
 * 1 year, 2 month, 3 day, 4 底/末. Only where a date ends (before 前, 起, 至, —, 、, 。, the end…),
 * so that 2016.5万元 is an amount; never inside a longer number (12016.7) or a standard's
 * number (GB/T 1999.1-2000).
 */
const DOTTED_DATE_RE =
  /(?<![0-9A-Za-z.．/／-]\s?)((?:19|20)[0-9]{2})[.．/](1[0-2]|0?[1-9])(?:[.．/](3[01]|[12][0-9]|0?[1-9])|([底末]))?(?=$|[前底末起至止到日号以之,，。;；、:：)）\s—–~～])/gu;
const DOTTED_HINT_RE = /[0-9]{4}[.．/][0-9]/u;

const FULL_DATE_AT_END_RE = new RegExp(`(?<![0-9])${ABSOLUTE_YEAR}\\s{0,2}年\\s{0,2}${MONTH}\\s{0,2}月\\s{0,2}${DAY}\\s{0,2}[日号]$`, 'u');

const ONGOING_RE = /长期|持续|常态|经常性|长效/u;
const RECURRING_RE = /每(?:年|季度|季|半年|月)/u;
const REPORT_VERB_RE = /报送|上报|报告|呈报|报请|提交|汇报|反馈/gu;

/** 'YYYY-MM-DD' for a real calendar date in 1900–2199, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function endOfMonth(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? isoDate(year, month, daysInMonth(year, month)) : null;
}

function smallNumber(token: string): number | null {
  return /^[0-9]+$/u.test(token) ? Number(token) : parseChineseInt(token);
}

function absoluteYear(token: string): number | null {
  return /^[0-9]{4}$/u.test(token) ? Number(token) : parseChineseDigits(token);
}

function resolveYear(token: string, contextYear: number | null): number | null {
  if ('今本当'.includes(token)) return contextYear;
  if ('明次'.includes(token)) return contextYear === null ? null : contextYear + 1;
  return absoluteYear(token);
}

/** A calendar date at the very end of text ('山东省人民政府办公厅2016年7月7日'): the date and what precedes it. */
export function splitTrailingDate(text: string): { before: string; date: string } | null {
  const ascii = toAsciiDigits(text);
  const m = FULL_DATE_AT_END_RE.exec(ascii);
  if (!m) return null;
  const year = absoluteYear(m[1] ?? '');
  const month = smallNumber(m[2] ?? '');
  const day = smallNumber(m[3] ?? '');
  const date = year === null || month === null || day === null ? null : isoDate(year, month, day);
  return date === null ? null : { before: text.slice(0, m.index).trim(), date };
}

/** A paragraph that is nothing but a date: '2016年7月7日', '二〇一六年七月七日'. */
export function parseDateLine(text: string): string | null {
  const found = splitTrailingDate(text);
  return found && found.before === '' ? found.date : null;
}

export interface DatePhrase {
  start: number;
  end: number;
  /** The last day the phrase allows, or null: no year known, recurring (每年…), impossible date. */
  date: string | null;
  /** Followed by 前/之前/以前. */
  before: boolean;
  /** 底, 末, 上半年, 年中, 季度: the end of a period. */
  periodEnd: boolean;
  /** Directly after 于 (于2017年3月15日将…). */
  afterYu: boolean;
  /** A year and nothing else (2020年). */
  yearOnly: boolean;
}

/**
 * Every date phrase in text, in order. A phrase without a year takes the last year written
 * before it in the same text, else contextYear (the plan's issue year).
 */
export function findDatePhrases(text: string, contextYear: number | null): DatePhrase[] {
  const phrases: DatePhrase[] = [];
  const ascii = toAsciiDigits(text);
  const written = /[年月季]/u.test(text); // every written-out date phrase has one of these
  const dotted = DOTTED_HINT_RE.test(ascii) ? [...ascii.matchAll(DOTTED_DATE_RE)] : [];
  if (!written && dotted.length === 0) return phrases;
  let lastYear: number | null = null;
  let nextDotted = 0;
  const addDotted = (before: number) => {
    for (let m = dotted[nextDotted]; m !== undefined && m.index < before; m = dotted[++nextDotted]) {
      const phrase = dottedPhrase(ascii, m);
      if (phrase.year !== null) lastYear = phrase.year;
      phrases.push(phrase.phrase);
    }
  };
  for (const m of written ? ascii.matchAll(DATE_RE) : []) {
    addDotted(m.index);
    const start = m.index;
    const end = start + m[0].length;
    const yearToken = m[1];
    const month = m[2] ?? m[8];
    const day = m[3] ?? m[9];
    const monthEnd = m[4] ?? m[10];
    const half = m[5] ?? m[11];
    const quarter = m[6] ?? m[12];
    const yearEnd = m[7];

    let year: number | null;
    if (yearToken !== undefined) {
      year = resolveYear(yearToken, contextYear);
      if (year !== null) lastYear = year;
    } else {
      const recurring = /每年度?$/u.test(ascii.slice(Math.max(0, start - 3), start));
      year = recurring ? null : (lastYear ?? contextYear);
    }

    let date: string | null = null;
    if (year !== null) {
      if (month !== undefined) {
        const monthNumber = smallNumber(month);
        const dayNumber = day === undefined ? null : smallNumber(day);
        if (monthNumber !== null) {
          date = dayNumber === null ? endOfMonth(year, monthNumber) : isoDate(year, monthNumber, dayNumber);
        }
      } else if (half !== undefined) {
        date = half === '上半年' || half === '年中' ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
      } else if (quarter !== undefined) {
        const q = smallNumber(quarter);
        date = q === null ? null : endOfMonth(year, q * 3);
      } else {
        date = isoDate(year, 12, 31);
      }
    }

    const after = ascii.slice(end, end + 2);
    phrases.push({
      start,
      end,
      date,
      before: after.startsWith('前') || after === '之前' || after === '以前',
      periodEnd: monthEnd !== undefined || half !== undefined || quarter !== undefined || yearEnd !== undefined,
      afterYu: ascii[start - 1] === '于',
      yearOnly: yearToken !== undefined && month === undefined && half === undefined && quarter === undefined && yearEnd === undefined,
    });
  }
  addDotted(Infinity);
  return phrases;
}

/** 2016.9.30 → that day; 2017.6 and 2017.6底 → the month's last day. */
function dottedPhrase(ascii: string, m: RegExpMatchArray): { year: number | null; phrase: DatePhrase } {
  const start = m.index ?? 0;
  const end = start + m[0].length;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const date = m[3] === undefined ? endOfMonth(year, month) : isoDate(year, month, Number(m[3]));
  const after = ascii.slice(end, end + 2);
  return {
    year: date === null ? null : year,
    phrase: {
      start,
      end,
      date,
      before: after.startsWith('前') || after === '之前' || after === '以前',
      periodEnd: m[3] === undefined,
      afterYu: ascii[start - 1] === '于',
      yearOnly: false,
    },
  };
}

/** The later of two ISO dates, either may be missing. */
export function latestDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** A deadline that comes back (每季度末) or never ends (长期坚持, …并持续落实). */
export type Recurrence = 'ongoing' | 'yearly' | 'half_yearly' | 'quarterly' | 'monthly';

const RECURRENCE_RES: ReadonlyArray<readonly [Recurrence, RegExp]> = [
  ['half_yearly', /每半年|每个半年/u],
  ['quarterly', /每个?季/u],
  ['monthly', /每个?月/u],
  ['yearly', /每年/u],
  ['ongoing', ONGOING_RE],
];

/** The recurrence a deadline's wording names: 每季度末 → quarterly, 长期坚持 → ongoing; else null. */
export function readRecurrence(value: string): Recurrence | null {
  for (const [recurrence, re] of RECURRENCE_RES) if (re.test(value)) return recurrence;
  return null;
}

export interface DueResolution {
  date: string | null;
  /** A date was asked for but none could be worked out (and the text names no recurrence). */
  unresolved: boolean;
  /** 每季度末, 长期坚持, 2018年底前完成并持续落实: the recurrence, besides any date. */
  recurrence?: Recurrence;
}

/**
 * The value of a 完成时限 field ('2018年底', '2017年6月底前', '2016年7月至12月', '每季度末',
 * '长期坚持'): its latest date and the recurrence it names.
 */
export function resolveDueValue(value: string, contextYear: number | null): DueResolution {
  let date: string | null = null;
  for (const phrase of findDatePhrases(value, contextYear)) date = latestDate(date, phrase.date);
  const recurrence = readRecurrence(value);
  return recurrence === null ? { date, unresolved: date === null } : { date, unresolved: false, recurrence };
}

/** The latest deadline (…前) written in free text, e.g. '2017年6月底前完成', read sentence by sentence. */
export function dueFromText(text: string, contextYear: number | null): DueResolution {
  let date: string | null = null;
  let unresolved = false;
  for (const sentence of splitSentences(text)) {
    for (const phrase of findDatePhrases(sentence.text, contextYear)) {
      if (!phrase.before) continue;
      if (phrase.date === null) unresolved = true;
      date = latestDate(date, phrase.date);
    }
  }
  return { date, unresolved: unresolved && date === null };
}

export interface ReportDeadline {
  date: string;
  /** The sentence, without its final punctuation. */
  text: string;
  recipient: string | null;
}

export interface ReportDeadlines {
  deadlines: ReportDeadline[];
  /** Sentences that set a reporting deadline whose date cannot be worked out. */
  unresolved: string[];
}

interface Verb {
  index: number;
  length: number;
}

/** The verb of reporting after `from`: 报 in 将…报…, else 报送/上报/报告/提交… */
function findReportVerb(sentence: string, from: number): Verb | null {
  const jiang = sentence.indexOf('将', from);
  if (jiang !== -1) {
    const bao = sentence.indexOf('报', jiang + 1);
    if (bao !== -1) {
      const two = sentence.slice(bao, bao + 2);
      return { index: bao, length: two === '报送' || two === '报告' ? 2 : 1 };
    }
  }
  REPORT_VERB_RE.lastIndex = from;
  const m = REPORT_VERB_RE.exec(sentence);
  return m ? { index: m.index, length: m[0].length } : null;
}

/** 向X报送 → X; …报X(短名) → 短名; …报X,… → X. */
function findRecipient(sentence: string, from: number, verb: Verb): string | null {
  let candidate: string;
  const xiang = sentence.lastIndexOf('向', verb.index);
  const between = xiang >= from ? sentence.slice(xiang + 1, verb.index) : '';
  if (between !== '' && between.length <= 30 && !/[将，,；;]/u.test(between)) {
    candidate = between;
  } else {
    candidate = sentence.slice(verb.index + verb.length).replace(/^(?:至|给|到)/u, '');
    candidate = splitSentences(candidate, '，,')[0]?.text ?? '';
    candidate = candidate.replace(/(?:备案|审核|审定|审批|汇总|批准)$/u, '');
  }
  candidate = stripEndPunctuation(candidate);
  const paren = trailingParenStart(candidate);
  if (paren > 0) {
    const inner = candidate.slice(paren + 1, -1).trim();
    if (inner !== '') candidate = inner;
  }
  return candidate === '' ? null : candidate;
}

/**
 * Reporting deadlines in a paragraph: sentences with a deadline date (…前, 于…, or the end of
 * a period) followed by a verb of reporting. Several dates in one sentence give several deadlines.
 */
export function findReportDeadlines(text: string, contextYear: number | null): ReportDeadlines {
  const deadlines: ReportDeadline[] = [];
  const unresolved: string[] = [];
  if (!/报|提交|反馈/u.test(text)) return { deadlines, unresolved }; // no verb of reporting
  for (const sentence of splitSentences(text)) {
    const s = sentence.text;
    const phrases = findDatePhrases(s, contextYear);
    const explicit = phrases.filter((p) => p.before || (p.afterYu && !p.yearOnly));
    const chosen = explicit.length > 0 ? explicit : phrases.filter((p) => p.periodEnd);
    if (chosen.length === 0 && !RECURRING_RE.test(s)) continue;
    const from = chosen.length > 0 ? (chosen[chosen.length - 1]?.end ?? 0) : 0;
    const verb = findReportVerb(s, from);
    if (verb === null) continue;
    const clean = stripEndPunctuation(s);
    if (chosen.some((p) => p.date === null) || chosen.length === 0) unresolved.push(clean);
    const recipient = findRecipient(s, from, verb);
    for (const phrase of chosen) {
      if (phrase.date !== null) deadlines.push({ date: phrase.date, text: clean, recipient });
    }
  }
  return { deadlines, unresolved };
}
