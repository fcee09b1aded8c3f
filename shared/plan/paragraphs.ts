/**
 * The source text as paragraphs, each recognised for what it is: a numbered heading or item,
 * a responsibility line, a signature, a document number, known boilerplate, or plain text.
 */
import { parseDateLine, splitTrailingDate } from './deadlines';
import { FIELD_LINE_RE, ORGANISATION_SUFFIX_RE, extractClause } from './departments';
import { formatChineseInt, parseOrdinal, toAsciiDigits } from './numerals';

export type MarkerLevel = 'chapter' | 'paren' | 'arabic';

export interface Marker {
  /** 一、 chapter; (一) paren; 1. arabic. */
  level: MarkerLevel;
  n: number;
  /** The paragraph after the number. */
  rest: string;
}

const MARKER_PATTERNS: ReadonlyArray<readonly [MarkerLevel, RegExp]> = [
  ['chapter', /^([一二三四五六七八九十]{1,3})\s{0,2}[、.．]/u],
  ['paren', /^[(（]\s{0,2}([一二三四五六七八九十]{1,3})\s{0,2}[)）]/u],
  // 1. 1、 1﹒ 1．, but not 2.5亿元.
  ['arabic', /^([0-9０-９]{1,3})\s{0,2}[.、﹒．](?![0-9０-９])/u],
];

/** The numbering at the start of a paragraph, if any. */
export function readMarker(text: string): Marker | null {
  for (const [level, pattern] of MARKER_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const n = parseOrdinal(m[1] ?? '');
    if (n === null || n < 1) return null;
    return { level, n, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

const BOUNDARY_BEFORE = new Set('。；;)）!！?？');

function followsSentenceEnd(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] ?? '').trim() === '') i--;
  return i >= 0 && BOUNDARY_BEFORE.has(text[i] ?? '');
}

function markerSearch(level: MarkerLevel, n: number): RegExp {
  if (level === 'arabic') {
    const fullWidth = String(n).replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    return new RegExp(`(?<![0-9０-９])(?:${String(n)}|${fullWidth})\\s{0,2}[.、﹒．](?![0-9０-９])`, 'gu');
  }
  return new RegExp(`[(（]\\s{0,2}${formatChineseInt(n)}\\s{0,2}[)）]`, 'gu');
}

/**
 * Several items numbered in one paragraph ('1.…(A负责)2.…(B负责)') become one paragraph each.
 * A split happens only at the next number in sequence, right after a sentence end. Linear:
 * each search starts where the previous one stopped.
 */
export function splitNumberedRun(text: string, first: Marker): string[] {
  if (first.level === 'chapter') return [text];
  const parts: string[] = [];
  let start = 0;
  let from = 1;
  for (let n = first.n + 1; ; n++) {
    const search = markerSearch(first.level, n);
    search.lastIndex = from;
    let at = -1;
    for (let m = search.exec(text); m !== null; m = search.exec(text)) {
      if (followsSentenceEnd(text, m.index)) {
        at = m.index;
        break;
      }
    }
    if (at === -1) break;
    parts.push(text.slice(start, at).trim());
    start = at;
    from = at + 1;
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** (1) 1) ① 一是: numbered points inside an item, not items of their own. */
export function isSubItem(text: string): boolean {
  return /^(?:[(（]\s{0,2}[0-9０-９]{1,2}\s{0,2}[)）]|[0-9０-９]{1,2}[)）]|[①-⑳]|[一二三四五六七八九十]{1,2}是)/u.test(text);
}

/** Short, and without the punctuation of a sentence: a title, a name. */
export function isTitleLike(text: string): boolean {
  return text.length <= 60 && !/[。，,；;：:！!？?]/u.test(text);
}

/** An office's name, as in a signature: 山东省人民政府办公厅. */
export function isIssuerName(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && isTitleLike(text) && ORGANISATION_SUFFIX_RE.test(text);
}

const BOILERPLATE_RES: readonly RegExp[] = [
  /^[(（]\s{0,2}此件[^()（）]{0,16}[)）]$/u, // (此件公开发布)
  /^(?:抄送|抄报|分送)\s{0,2}[:：]/u,
  /^[-—–－]{1,2}\s{0,2}[0-9０-９]{1,4}\s{0,2}[-—–－]{1,2}$/u, // — 3 — page numbers
  /^\p{Script=Han}{2,30}(?:厅|委|局|办|办公室|府|院|会|部)文件$/u, // 山东省人民政府办公厅文件 (masthead)
];

/** Known boilerplate of a circular: recognised, kept out of the plan, never warned about. */
export function isBoilerplate(text: string): boolean {
  return text.length <= 2000 && BOILERPLATE_RES.some((re) => re.test(text));
}

/** '山东省人民政府办公厅2016年7月8日印发' → the printing office and date. */
export function readPrintedLine(text: string): { org: string; date: string } | null {
  if (text.length > 80 || !text.endsWith('印发')) return null;
  const found = splitTrailingDate(text.slice(0, -2).trim());
  return found ? { org: found.before, date: found.date } : null;
}

/** '山东省人民政府办公厅 2016年7月7日' on one line. */
export function readSignatureLine(text: string): { issuer: string; date: string } | null {
  if (text.length > 60) return null;
  const found = splitTrailingDate(text);
  return found && isIssuerName(found.before) ? { issuer: found.before, date: found.date } : null;
}

const DOC_NUMBER_RE =
  /^[(（]?\s{0,2}(\p{Script=Han}{1,16}\s{0,2}[〔[［(（【]\s{0,2}(?:19|20)[0-9]{2}\s{0,2}[〕\]］)）】]\s{0,2}第?\s{0,2}[0-9]{1,5}\s{0,2}号)\s{0,2}[)）]?$/u;

/** A paragraph that is only a document number: 鲁政办字〔2016〕103号, 国办发[2013]18号, (鲁政发〔2015〕26号). */
export function readDocNumber(text: string): string | null {
  if (text.length > 60) return null;
  const m = DOC_NUMBER_RE.exec(toAsciiDigits(text));
  return m ? (m[1] ?? '').replace(/\s/gu, '') : null;
}

export type ParagraphKind =
  | 'marker' // 一、 (一) 1.
  | 'clause' // responsibility or 完成时限 paragraph
  | 'boilerplate'
  | 'printed' // …印发
  | 'date' // a date alone
  | 'signature' // issuer and date on one line
  | 'text';

export interface Paragraph {
  /** 1-based line in the source. */
  line: number;
  text: string;
  kind: ParagraphKind;
  marker: Marker | null;
}

/** A whole paragraph that is a responsibility clause or a 牵头单位/完成时限 field. */
export function isClauseParagraph(text: string): boolean {
  if (text.length > 500) return false;
  const found = extractClause(text);
  if (!found || found.rest !== '') return false;
  return found.clause.assignsResponsibility || FIELD_LINE_RE.test(text);
}

function classify(text: string): ParagraphKind {
  if (isBoilerplate(text)) return 'boilerplate';
  if (readPrintedLine(text)) return 'printed';
  if (text.length <= 40 && parseDateLine(text) !== null) return 'date';
  if (readSignatureLine(text)) return 'signature';
  if (isClauseParagraph(text)) return 'clause';
  return 'text';
}

/** CRLF, LF, CR, vertical tab and form feed (Word's line and page breaks), Unicode line separators. */
const LINE_BREAK_RE = /\r\n|[\n\r\v\f\u2028\u2029]/u;

/**
 * Non-blank lines, trimmed (including full-width spaces), with their 1-based line numbers;
 * numbered runs are split. Only numbering is recognised here, so that a text without any can
 * be refused before anything else is done.
 */
export function readParagraphs(source: string | readonly { line: number; text: string }[]): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = typeof source === 'string' ? source.split(LINE_BREAK_RE).map((text, index) => ({ line: index + 1, text })) : source;
  lines.forEach(({ line, text: raw }) => {
    const text = raw.trim();
    if (text === '') return;
    const marker = readMarker(text);
    if (!marker) {
      out.push({ line, text, kind: 'text', marker: null });
      return;
    }
    for (const piece of splitNumberedRun(text, marker)) {
      out.push({ line, text: piece, kind: 'marker', marker: readMarker(piece) ?? marker });
    }
  });
  return out;
}

const COPY_TO_RE = /^(?:抄送|抄报|分送)\s{0,2}[:：]/u;

/**
 * Recognises what each unnumbered paragraph is (in place). The 版记 at the end is kept out of
 * the text: from 抄送: to the …印发 line everything is boilerplate (a 抄送 list runs over
 * several lines), and so is the printing office's name on the line above an …印发 date.
 */
export function classifyParagraphs(paragraphs: Paragraph[]): void {
  let copyTo = false;
  paragraphs.forEach((paragraph, i) => {
    if (paragraph.kind === 'marker') return;
    paragraph.kind = classify(paragraph.text);
    if (copyTo && (paragraph.kind === 'text' || paragraph.kind === 'clause')) paragraph.kind = 'boilerplate';
    if (COPY_TO_RE.test(paragraph.text)) copyTo = true;
    if (paragraph.kind !== 'printed') return;
    copyTo = false;
    const previous = paragraphs[i - 1];
    if (previous?.kind === 'text' && readPrintedLine(paragraph.text)?.org === '' && isIssuerName(previous.text))
      previous.kind = 'boilerplate';
  });
}

/** The …印发 line: printing office and date; the office may stand on the line above the date. */
export function readPrinted(paragraphs: readonly Paragraph[]): { org: string; date: string } | null {
  const at = paragraphs.findIndex((p) => p.kind === 'printed');
  const printed = at === -1 ? null : readPrintedLine(paragraphs[at]?.text ?? '');
  if (printed === null || printed.org !== '') return printed;
  const above = paragraphs[at - 1]?.text ?? '';
  return isIssuerName(above) ? { org: above, date: printed.date } : printed;
}
