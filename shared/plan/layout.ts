/**
 * The source text as logical paragraphs, whatever its layout:
 *   - one paragraph per line (Word, HTML, the seed): kept as it is;
 *   - hard-wrapped (text copied out of a PDF or OFD: a break every ~25 characters, page numbers
 *     and running heads between the lines): page furniture is dropped and reported, and the
 *     wrapped lines are joined back (without spaces: the text is Chinese);
 *   - run together (no line breaks at all): cut at the outline numbers (一、 (一) 1.) that come
 *     next in sequence, at the document number, the signature, the 印发 line, 抄送 and
 *     (此件公开发布).
 * Numbers are only read as outline numbers where a person would: next in sequence, after a
 * sentence end or a heading, never inside 1.5亿元, 2016.7, 第1.2条 or 2017.1.31.
 *
 * Pure and linear in the length of the text (every regular expression is bounded).
 */
import { findReportDeadlines, parseDateLine } from './deadlines';
import { FIELD_LABELS_SOURCE, FIELD_LINE_RE, extractClause } from './departments';
import { titleFromNoticeTitle } from './header';
import { toAsciiDigits } from './numerals';
import { splitSentences } from './sentences';
import { isIssuerName, isTitleLike, readMarker, readPrintedLine, type Marker } from './paragraphs';

/**
 * page_number, running_head: the margins of a printed page. masthead: the 版头 of an official
 * document (山东省人民政府办公厅文件, its 份号/密级/紧急程度 lines and the red rule under it).
 * rule: any other line that is only a rule (the separators of the 版记 around 抄送 and 印发).
 */
export const FURNITURE_KINDS = ['page_number', 'running_head', 'masthead', 'rule'] as const;
export type FurnitureKind = (typeof FURNITURE_KINDS)[number];

/** A line recognised as page furniture and left out of the text. */
export interface Furniture {
  /** 1-based line in the source. */
  line: number;
  text: string;
  kind: FurnitureKind;
}

export const LAYOUTS = ['lines', 'wrapped', 'run_together'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface SourceLine {
  /** 1-based line in the source where the paragraph starts. */
  line: number;
  text: string;
}

export interface Reflowed {
  lines: SourceLine[];
  furniture: Furniture[];
  layout: Layout;
}

/** CRLF, LF, CR, vertical tab, Unicode line separators, and the form feed of a page break. */
const LINE_BREAK_RE = /\r\n|[\n\r\v\f\u2028\u2029]/u;

const PAGE_NUMBER_RES: readonly RegExp[] = [
  /^[-—–－~～]{1,2}\s{0,3}[0-9]{1,4}\s{0,3}[-—–－~～]{1,2}$/u, // — 3 —, - 3 -
  /^第\s{0,2}[0-9]{1,4}\s{0,2}页(?:\s{0,3}[,，/／]?\s{0,3}共\s{0,2}[0-9]{1,4}\s{0,2}页)?$/u, // 第 3 页, 第3页 共15页
  /^[0-9]{1,3}$/u, // a bare page number
  /^page\s{0,2}[0-9]{1,4}(?:\s{0,2}(?:of|\/)\s{0,2}[0-9]{1,4})?$/iu,
];
const PAGE_OF_RE = /^([0-9]{1,4})\s{0,2}[/／]\s{0,2}([0-9]{1,4})$/u; // 3/15

/** A page number as printed in a page's margin: — 3 —, - 3 -, 第 3 页, 3/15. */
export function isPageNumber(text: string): boolean {
  if (text.length > 24) return false;
  const ascii = toAsciiDigits(text.trim());
  const of = PAGE_OF_RE.exec(ascii);
  if (of) return Number(of[1]) >= 1 && Number(of[1]) <= Number(of[2]);
  return PAGE_NUMBER_RES.some((re) => re.test(ascii));
}

/** Width on the page: a Chinese character or full-width sign 1, a Latin letter or digit ½. */
export function visualWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x1100 ? 0.5 : 1;
  return width;
}

interface RawLine {
  line: number;
  text: string;
  /** Begins with an indent (two spaces, a full-width space, a tab). */
  indented: boolean;
  /**
   * Width of the first-line indent on the page, at most two characters (首行缩进两字): an indented
   * first line is full with two characters fewer. A deeper indent (a centred title) is not counted.
   */
  indentWidth: number;
  /** A blank line (not next to page furniture) or a page break comes before it. */
  breakBefore: boolean;
  furniture: FurnitureKind | null;
}

const MAX_HEAD_LENGTH = 40;

/**
 * Page numbers, and running heads: a short line printed next to the page number on at least a
 * third of the pages (odd and even pages may carry different heads) and twice, every such occurrence. A line of text that merely recurs (职责分工负责)
 * is not next to a page number often enough to count.
 */
function markFurniture(lines: RawLine[]): void {
  let pages = 0;
  for (const line of lines) {
    if (line.furniture === null && isPageNumber(line.text)) {
      line.furniture = 'page_number';
      pages++;
    }
  }
  if (pages === 0) return;
  const nearPage = (i: number) => lines[i - 1]?.furniture === 'page_number' || lines[i + 1]?.furniture === 'page_number';
  const candidate = (line: RawLine, i: number) =>
    line.furniture === null &&
    line.text.length <= MAX_HEAD_LENGTH &&
    nearPage(i) &&
    readMarker(line.text) === null &&
    !FIELD_LINE_RE.test(line.text) &&
    !/[。；;]$/u.test(line.text);
  const counts = new Map<string, number>();
  lines.forEach((line, i) => {
    if (candidate(line, i)) counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  });
  lines.forEach((line, i) => {
    if (candidate(line, i) && (counts.get(line.text) ?? 0) >= Math.max(2, Math.floor(pages / 3))) line.furniture = 'running_head';
  });
}

/** Characters a printed rule is drawn with: the red line under a masthead, the 版记's lines. */
const RULE_CHARS = '—━─－-_＿=＝═~～–';

/**
 * A line that is only a rule: ————, ━━━━, or ————★———— with the star of a Party document.
 * `minimum` rule characters: 3, or 1 for the rest of a rule wrapped onto the next line.
 */
export function isRuleLine(text: string, minimum = 3): boolean {
  if (text.length > 400) return false;
  let rule = 0;
  let stars = 0;
  for (const ch of text) {
    if (RULE_CHARS.includes(ch)) rule++;
    else if (ch === '★' || ch === '☆') stars++;
    else if (ch.trim() !== '') return false;
  }
  return rule >= minimum && stars <= 1;
}

/** 份号 (000123), 密级 (秘密★1年) and 紧急程度 (特急): printed above the issuer's name. */
const MASTHEAD_PRELUDE_RE = /^(?:份号[:：]?)?[0-9０-９]{6}$|^(?:绝密|机密|秘密)(?:★[^★]{0,12})?$|^(?:特急|加急|特提|平急)$/u;

const SIGNED_BY_RE = /^签\s{0,2}发\s{0,2}人\s{0,2}[:：]/u;

/** Without white space: mastheads are often set in spaced-out characters (山 东 省 … 文 件). */
function compact(text: string): string {
  return text.replace(/\s/gu, '');
}

/** 山东省人民政府办公厅文件: an office's name and 文件, the 发文机关标志. */
function isMastheadName(text: string): boolean {
  return text.length <= 44 && text.endsWith('文件') && isIssuerName(text.slice(0, -2));
}

/**
 * The masthead at the top of an official document: its 份号/密级/紧急程度 lines, the issuer's
 * name with 文件 (a joint masthead has up to three names over it, and 文件 may stand alone on the
 * last line), and the red rule under it, after the document number. The document number stays:
 * the header reads it.
 */
function markMasthead(lines: RawLine[]): void {
  let start = 0;
  while (start < 3 && MASTHEAD_PRELUDE_RE.test(compact(lines[start]?.text ?? ''))) start++;
  let end = -1;
  for (let i = start; i < Math.min(lines.length, start + 4); i++) {
    const text = compact(lines[i]?.text ?? '');
    if (isMastheadName(text) || (text === '文件' && i > start)) {
      end = i;
      break;
    }
    if (!isIssuerName(text)) return;
  }
  if (end === -1) return;
  for (let i = 0; i <= end; i++) (lines[i] as RawLine).furniture = 'masthead';
  for (let i = end + 1; i < Math.min(lines.length, end + 4); i++) {
    // 签发人 (of a report to a higher office) stands between the number and the rule.
    if (SIGNED_BY_RE.test(lines[i]?.text ?? '')) (lines[i] as RawLine).furniture = 'masthead';
    if (isRuleLine(lines[i]?.text ?? '')) {
      for (let j = i; j < lines.length && isRuleLine(lines[j]?.text ?? '', j === i ? 3 : 1); j++)
        (lines[j] as RawLine).furniture = 'masthead';
      return;
    }
  }
}

/** Rule lines anywhere else (and what of a rule was wrapped onto the next line): they separate, and never are text. */
function markRules(lines: RawLine[]): void {
  lines.forEach((line, i) => {
    if (line.furniture !== null) return;
    const previous = lines[i - 1];
    const continues =
      previous !== undefined && (previous.furniture === 'rule' || previous.furniture === 'masthead') && isRuleLine(previous.text);
    if (isRuleLine(line.text, continues ? 1 : 3)) line.furniture = 'rule';
  });
}

const MASTHEAD_FOLLOWER_RE = /^(?:关于|\p{Script=Han}{1,10}\s{0,2}[〔[［【]\s{0,2}(?:19|20)[0-9０-９]{2})/u;

/**
 * The masthead at the start of a text that has lost its line breaks: 山东省人民政府办公厅文件
 * followed by the issuer again, 关于…, or the document number (so that a title that merely
 * contains 文件 is left alone); a rule right after it goes too.
 */
function cutRunTogetherMasthead(first: SourceLine): { furniture: Furniture[]; rest: SourceLine } | null {
  const at = first.text.slice(0, 44).indexOf('文件');
  if (at < 2) return null;
  const name = first.text.slice(0, at + 2);
  if (!isMastheadName(compact(name))) return null;
  const furniture: Furniture[] = [{ line: first.line, text: name.trim(), kind: 'masthead' }];
  let rest = first.text.slice(at + 2).trimStart();
  let rule = 0;
  while (rule < rest.length && rule < 400 && RULE_CHARS.includes(rest[rule] ?? '')) rule++;
  if (rule >= 3) {
    furniture.push({ line: first.line, text: rest.slice(0, rule), kind: 'masthead' });
    rest = rest.slice(rule).trimStart();
  }
  const issuer = compact(name).slice(0, -2);
  if (!rest.startsWith(issuer) && !MASTHEAD_FOLLOWER_RE.test(rest)) return null;
  return { furniture, rest: { line: first.line, text: rest } };
}

interface WrapWidth {
  measure: (text: string) => number;
  width: number;
}

/**
 * The width the text is wrapped at, if it is hard-wrapped: many lines (at least 40% of those
 * longer than ten characters that do not end a sentence, and five) end within a character of
 * the same width. Measured both
 * on the page (Latin ½) and in characters, whichever fits more lines.
 */
function wrapWidth(lines: readonly RawLine[]): WrapWidth | null {
  let best: (WrapWidth & { count: number }) | null = null;
  for (const measure of [visualWidth, (text: string) => text.length]) {
    const histogram = new Map<number, number>();
    let considered = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as RawLine;
      // A wrapped line ends anywhere; a paragraph on its line ends with its sentence.
      if (/[。；;！!？?]$/u.test(line.text)) continue;
      // Short paragraphs of similar length are not wrapping: field lines (牵头单位:…) before a
      // number or the next field, an office's name above a date.
      if (endsShortParagraph(line.text, lines[i + 1]?.text)) continue;
      const width = Math.round(measure(line.text) + line.indentWidth);
      if (width < 10) continue;
      considered++;
      histogram.set(width, (histogram.get(width) ?? 0) + 1);
    }
    for (const width of histogram.keys()) {
      const count = (histogram.get(width - 1) ?? 0) + (histogram.get(width) ?? 0) + (histogram.get(width + 1) ?? 0);
      if (
        count >= 5 &&
        count >= considered * 0.4 &&
        (best === null || count > best.count || (count === best.count && width > best.width))
      ) {
        best = { measure, width, count };
      }
    }
  }
  return best;
}

const SENTENCE_END = '。；;！!？?：:)）”’」』';

/** The line ends a sentence or a clause, so that a number on the next line may start an item. */
function endsSentence(text: string): boolean {
  return SENTENCE_END.includes(text[text.length - 1] ?? '');
}

/** A field line before a number or the next field, or a line above a date or an …印发 line. */
function endsShortParagraph(text: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  if (parseDateLine(next) !== null || readPrintedLine(next) !== null) return true;
  return FIELD_LINE_RE.test(text) && startsBlock(next);
}

/** What starts a paragraph of its own: a number, a 牵头单位: field, 抄送:. */
function startsBlock(text: string): boolean {
  return readMarker(text) !== null || FIELD_LINE_RE.test(text) || /^(?:抄送|抄报|分送)\s{0,2}[:：]/u.test(text);
}

/** An office's name on a line of its own with the date on the next: a signature. */
function isSignatureName(text: string, next: RawLine | undefined): boolean {
  return next !== undefined && isIssuerName(text) && parseDateLine(next.text) !== null;
}

/** Round brackets still open after text, starting from `depth` open before it. */
function bracketDepth(text: string, depth = 0): number {
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth;
}

/** Positions of the round brackets of `text` still open at its end (offset added), in order. */
function unclosedBrackets(text: string, offset = 0, open: number[] = []): number[] {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') open.push(offset + i);
    else if ((ch === ')' || ch === '）') && open.length > 0) open.pop();
  }
  return open;
}

/**
 * A responsibility clause broken inside its brackets ('(省发展改革委、省财政' / '厅负责)') goes on
 * on the next line even after a short line, when its bracket opened at most this many characters
 * before: a stray bracket (a typo) cannot swallow more.
 */
const MAX_OPEN_CLAUSE = 150;
const MAX_CLAUSE_LINES = 3;

/**
 * Joins the lines of a hard-wrapped text into paragraphs. Where a full line ended a sentence
 * the paragraph may have ended too: a last sentence that sets a reporting deadline for
 * everyone (各市、各部门于…前将…报…) after such a line is a paragraph of its own, as printed.
 */
function joinWrapped(lines: readonly RawLine[], wrap: WrapWidth): SourceLine[] {
  const out: SourceLine[] = [];
  const indentIsCue = lines.some((l) => l.indented) && lines.some((l) => !l.indented);
  let current: SourceLine | null = null;
  let previous: RawLine | null = null;
  let open: number[] = [];
  let softAt = -1;
  const finish = () => {
    if (current === null || softAt <= 0) return;
    const tail = current.text.slice(softAt);
    if (splitSentences(tail, '。').length === 1 && isReportToAll(tail)) {
      out.push({ line: current.line, text: tail });
      current.text = current.text.slice(0, softAt);
    }
  };
  lines.forEach((line, i) => {
    const full = previous !== null && wrap.measure(previous.text) + previous.indentWidth >= wrap.width - 2;
    const ended = previous !== null && endsSentence(previous.text);
    const depth = open.length;
    // A short line inside a clause's brackets, and the next line closes them.
    const clauseGoesOn =
      current !== null &&
      depth > 0 &&
      current.text.length - (open[0] ?? 0) <= MAX_OPEN_CLAUSE &&
      !startsBlock(line.text) &&
      bracketDepth(line.text, depth) === 0;
    const joins =
      current !== null &&
      previous !== null &&
      (full || clauseGoesOn) &&
      !line.breakBefore &&
      !(indentIsCue && line.indented) &&
      // 各市人民政府,…各直属机构: ends the addressees; 现通知如下: ends its paragraph.
      !(depth <= 0 && /[:：]$/u.test(previous.text)) &&
      !(depth <= 0 && FIELD_LINE_RE.test(line.text)) &&
      !(ended && (startsBlock(line.text) || isSignatureName(line.text, lines[i + 1])));
    if (joins && current) {
      if (ended && depth <= 0) softAt = current.text.length;
      unclosedBrackets(line.text, current.text.length, open);
      current.text += line.text;
    } else {
      finish();
      current = { line: line.line, text: line.text };
      out.push(current);
      open = unclosedBrackets(line.text);
      softAt = -1;
    }
    previous = line;
  });
  finish();
  return out;
}

/** The text after the last sentence end (at most MAX_OPEN_CLAUSE characters), or null if longer. */
function lastClauseStart(text: string): string | null {
  const from = Math.max(...['。', '；', ';'].map((c) => text.lastIndexOf(c))) + 1;
  return text.length - from <= MAX_OPEN_CLAUSE ? text.slice(from) : null;
}

/**
 * '…省经济和信息化委、省财政' / '厅按职责分工负责。': a list of departments broken mid-name
 * without brackets is one clause when the line ends inside the list and only together with the
 * next line's first sentence does it make a clause.
 */
function continuesClause(text: string, next: string): boolean {
  if (!/[\p{Script=Han}、,，]$/u.test(text)) return false;
  const tail = lastClauseStart(text);
  // A list (A、B、C…) that the line leaves unfinished; a title or a heading is none.
  if (tail === null || !/[、,，]/u.test(tail)) return false;
  const end = next.search(/[。；;]/u);
  const head = end === -1 ? next : next.slice(0, end + 1);
  if (head.length > MAX_OPEN_CLAUSE) return false;
  const joined = extractClause(tail + head);
  return joined !== null && joined.rest === '' && joined.clause.assignsResponsibility && extractClause(tail) === null;
}

/**
 * One paragraph a line, but a responsibility clause broken over lines (a fragment wrapped too
 * short to be recognised as wrapped): inside its brackets, the lines up to the one that closes
 * the bracket, within a few lines and MAX_OPEN_CLAUSE characters; without brackets, a list of
 * names finished on the next line. Never after a blank line or before a line that starts a block.
 */
function joinBrokenClauses(lines: readonly RawLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as RawLine;
    let text = line.text;
    let next = i + 1;
    const open = unclosedBrackets(text);
    const from = open[0] ?? -1;
    const following = lines[i + 1];
    if (from >= 0 && text.length - from <= MAX_OPEN_CLAUSE) {
      let joined = text;
      let depth = open.length;
      for (let j = i + 1; j < Math.min(lines.length, i + 1 + MAX_CLAUSE_LINES); j++) {
        const candidate = lines[j] as RawLine;
        if (candidate.breakBefore || startsBlock(candidate.text) || joined.length + candidate.text.length - from > MAX_OPEN_CLAUSE) break;
        joined += candidate.text;
        depth = bracketDepth(candidate.text, depth);
        if (depth === 0) {
          text = joined;
          next = j + 1;
          break;
        }
      }
    } else if (
      from === -1 &&
      following &&
      !following.breakBefore &&
      !startsBlock(following.text) &&
      continuesClause(text, following.text)
    ) {
      text += following.text;
      next = i + 2;
    }
    out.push({ line: line.line, text });
    i = next;
  }
  return out;
}

interface OutlineState {
  chapter: number;
  paren: number;
  arabic: number;
  /**
   * The last (一) and 1. numbers of all: some circulars number their points on across chapters
   * (一、…(一)(二) 二、…(三)(四)), so after a chapter (三) may follow (二).
   */
  lastParen: number;
  lastArabic: number;
  /** A number has been seen: the header is over. */
  body: boolean;
  docNumberSeen: boolean;
  /** The addressees (各市人民政府,…:) have been cut off. */
  addresseesSeen: boolean;
  noticeTitle: string | null;
  /** The text was reflowed (wrapped or run together): paragraph ends must be found in it. */
  reflowed: boolean;
  /** No line breaks at all: every sentence end may end a paragraph. */
  runTogether: boolean;
}

const MARKER_IN_TEXT_RE =
  /([一二三四五六七八九十]{1,3})\s{0,2}、|[(（]\s{0,2}([一二三四五六七八九十]{1,3})\s{0,2}[)）]|(?<![0-9０-９.．第])([0-9０-９]{1,3})\s{0,2}[.、﹒．](?![0-9０-９])/gu;

/** Is this marker the next number in the outline? Advances the state if so. */
function advance(state: OutlineState, marker: Marker, commit: boolean): boolean {
  const next =
    marker.level === 'chapter'
      ? marker.n === state.chapter + 1
      : marker.level === 'paren'
        ? marker.n === state.paren + 1 || (state.paren === 0 && marker.n === state.lastParen + 1)
        : marker.n === state.arabic + 1 || (state.arabic === 0 && marker.n === state.lastArabic + 1);
  if (!next || !commit) return next;
  if (marker.level === 'chapter') {
    state.chapter = marker.n;
    state.paren = 0;
    state.arabic = 0;
  } else if (marker.level === 'paren') {
    state.paren = marker.n;
    state.lastParen = marker.n;
    state.arabic = 0;
  } else {
    state.arabic = marker.n;
    state.lastArabic = marker.n;
  }
  state.body = true;
  return true;
}

function lastNonSpace(text: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && (text[i] ?? '').trim() === '') i--;
  return i >= 0 ? (text[i] ?? '') : '';
}

/** The segment so far (from `start`) is a numbered heading still without a sentence end. */
function isOpenHeading(text: string, start: number, at: number): boolean {
  if (at - start > 60) return false;
  const segment = text.slice(start, at);
  return readMarker(segment) !== null && !/[。；;！!？?]/u.test(segment);
}

const FIELD_LABEL_RE = new RegExp(`(?:${FIELD_LABELS_SOURCE})\\s{0,2}[:：]`, 'u');

/**
 * The text since the last sentence end holds a 牵头单位:/完成时限: field (its value may hold
 * brackets: 配合单位:各县（市、区）人民政府完成时限:2017年6月底前3.…).
 */
function inField(text: string, start: number, at: number): boolean {
  const from = Math.max(start, at - 120);
  const tail = text.slice(from, at);
  const cut = Math.max(...['。', '；', ';'].map((c) => tail.lastIndexOf(c)));
  return FIELD_LABEL_RE.test(tail.slice(cut + 1));
}

/** Where the outline numbers of a run-together paragraph start new paragraphs. */
function markerCuts(text: string, state: OutlineState): number[] {
  const cuts: number[] = [];
  let start = 0;
  const first = readMarker(text);
  if (first) {
    // A number at the start of a paragraph is a number wherever the sequence stood.
    if (first.level === 'chapter') state.chapter = first.n - 1;
    else if (first.level === 'paren') state.paren = first.n - 1;
    else state.arabic = first.n - 1;
    advance(state, first, true);
  }
  MARKER_IN_TEXT_RE.lastIndex = 1;
  for (let m = MARKER_IN_TEXT_RE.exec(text); m !== null; m = MARKER_IN_TEXT_RE.exec(text)) {
    const marker = readMarker(text.slice(m.index, m.index + m[0].length + 1));
    if (marker === null || !advance(state, marker, false)) continue;
    const after = SENTENCE_END.includes(lastNonSpace(text, m.index));
    // The first number of all may follow the plan's title (某市行动计划一、主要任务…).
    const afterTitle = !state.body && m.index - start <= 80 && isTitleLike(text.slice(start, m.index).trim());
    if (!after && !afterTitle && !isOpenHeading(text, start, m.index) && !inField(text, start, m.index)) continue;
    // A chapter number needs a sentence end (一、二、三级 is not an outline).
    if (marker.level === 'chapter' && !after && !afterTitle && !isOpenHeading(text, start, m.index)) continue;
    advance(state, marker, true);
    cuts.push(m.index);
    start = m.index;
  }
  return cuts;
}

const DOC_NUMBER_IN_TEXT_RE =
  /(\p{Script=Han}{1,10})\s{0,2}[〔[［【]\s{0,2}(?:19|20)[0-9]{2}\s{0,2}[〕\]］】]\s{0,2}第?\s{0,2}[0-9]{1,5}\s{0,2}号/u;
const TITLE_END_RE = /(?:通知|通报|意见|决定|批复|函)/gu;
const NOTICE_TITLE_END_RE = /的(?:通知|通报)/gu;
const DATE_TEXT =
  '(?:(?:19|20)[0-9]{2}\\s{0,2}年\\s{0,2}[0-9]{1,2}\\s{0,2}月\\s{0,2}[0-9]{1,2}\\s{0,2}日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)';
const SIGNATURE_RE = new RegExp(`(?<=[。！!；;)）])(\\p{Script=Han}{2,30}?)\\s{0,2}${DATE_TEXT}(?:\\s{0,2}印发)?`, 'gu');
const PUBLICITY_RE = /[(（]\s{0,2}此件[^()（）]{0,16}[)）]/gu;
/** 抄送: after a sentence or after the clause that closes the last measure. */
const COPY_TO_RE = /(?<=[。；;)）])\s{0,2}(?:抄送|抄报|分送)\s{0,2}[:：]/gu;

/** Cuts of the header and footer in reflowed text: document number, addressees, signature, (此件公开发布), 抄送. */
function frameCuts(text: string, state: OutlineState): number[] {
  // A paragraph a line: these stand on lines of their own already.
  if (!state.reflowed) return [];
  const ascii = toAsciiDigits(text);
  const cuts: number[] = [];
  if (!state.body && !state.docNumberSeen) {
    const m = DOC_NUMBER_IN_TEXT_RE.exec(ascii);
    if (m) {
      const prefix = m[1] ?? '';
      const ends = [...prefix.matchAll(TITLE_END_RE)];
      const lastEnd = ends[ends.length - 1];
      const at = lastEnd ? m.index + lastEnd.index + lastEnd[0].length : m.index === 0 ? 0 : -1;
      if (at >= 0 && at < m.index + prefix.length && !/^[)）]/u.test(ascii.slice(m.index + m[0].length))) {
        state.docNumberSeen = true;
        if (at > 0) {
          cuts.push(at);
          const title = text.slice(0, at).trim();
          if (/(?:通知|通报)$/u.test(title)) state.noticeTitle = title.slice(Math.max(0, title.length - 300));
        }
        cuts.push(m.index + m[0].length);
      }
    }
  }
  if (state.reflowed && !state.body && state.docNumberSeen && !state.addresseesSeen) {
    // 各市人民政府,…各直属机构: the addressees end at the first colon, before any sentence end.
    const colon = ascii.search(/[:：]/u);
    if (colon > 0 && !/[。；;！!？?]/u.test(ascii.slice(0, colon))) {
      state.addresseesSeen = true;
      cuts.push(colon + 1);
      // With the document number printed first (under the masthead), the notice title runs
      // into the addressees: …的通知各市人民政府,…:
      const titleEnd = [...ascii.slice(0, colon).matchAll(NOTICE_TITLE_END_RE)].at(-1);
      if (titleEnd) cuts.push(titleEnd.index + titleEnd[0].length);
    }
  }
  for (const m of ascii.matchAll(SIGNATURE_RE)) {
    if (!isIssuerName(m[1] ?? '')) continue;
    cuts.push(m.index, m.index + m[0].length);
  }
  for (const m of ascii.matchAll(PUBLICITY_RE)) cuts.push(m.index, m.index + m[0].length);
  for (const m of ascii.matchAll(COPY_TO_RE)) cuts.push(m.index);
  return cuts;
}

/** The plan title at the start of a header paragraph, when the notice title gave it. */
function titleCut(text: string, state: OutlineState): number | null {
  if (state.body) return null;
  if (state.reflowed) {
    // 某省推进某某工作实施方案为推进某某工作,制定本方案。: the plan title before its preamble
    // (run together, or a title line that happened to be as long as the wrapped lines).
    const plan = PLAN_TITLE_RE.exec(text);
    if (plan) return (plan[1] ?? '').length;
  }
  if (state.noticeTitle === null) return null;
  const title = titleFromNoticeTitle(state.noticeTitle);
  return title !== null && text.length > title.length && text.startsWith(title) ? title.length : null;
}

/** Words that title a chapter: 一、总体要求 run into its text is cut after them. */
const CHAPTER_TITLE_RE =
  /^[一二三四五六七八九十]{1,3}\s{0,2}、\s{0,2}(?:总体要求|指导思想|基本原则|总体思路|总体目标|工作目标|主要目标|发展目标|目标任务|主要任务|重点任务|主要措施|重点工作|工作措施|保障措施|工作要求|组织实施|实施步骤|组织保障|工作安排)(?![。，,；;：:、\s)）])/u;

/**
 * In reflowed text, a paragraph whose last sentence is a reporting deadline for everyone
 * (各市、各部门于…前将…报…) ends before it, as it is printed: the deadline is the chapter's.
 */
function reflowCuts(text: string, state: OutlineState): number[] {
  if (!state.reflowed) return [];
  const cuts: number[] = [];
  const title = CHAPTER_TITLE_RE.exec(text);
  if (title && text.length > title[0].length + 8) cuts.push(title[0].length);
  if (!state.runTogether) return cuts;
  // 牵头单位: / 完成时限: after a sentence or a clause starts a field paragraph.
  for (const m of text.matchAll(LABEL_AFTER_END_RE)) cuts.push(m.index + (m[1] ?? '').length);
  if (text.length <= 4000) {
    const sentences = splitSentences(text, '。');
    const last = sentences[sentences.length - 1];
    const before = sentences[sentences.length - 2];
    if (before && isReportToAll(last?.text ?? '')) cuts.push(before.end);
  }
  return cuts;
}

/** 各市、各部门于2017年1月底前将…报…: a reporting deadline set for everyone. */
function isReportToAll(sentence: string): boolean {
  if (!sentence.startsWith('各')) return false;
  const found = findReportDeadlines(sentence, null);
  return found.deadlines.length + found.unresolved.length > 0;
}

const PLAN_TITLE_RE =
  /^(\p{Script=Han}[^。，,；;：:]{3,58}?(?:方案|计划|意见|办法|规划|要点|措施|细则|纲要))(?=为了?|根据|按照|近年来|当前|为进一步)/u;
const LABEL_AFTER_END_RE = new RegExp(`([。)）]\\s{0,2})(?:${FIELD_LABELS_SOURCE})\\s{0,2}[:：]`, 'gu');

function cutAt(paragraph: SourceLine, cuts: number[]): SourceLine[] {
  const points = [...new Set(cuts)].filter((c) => c > 0 && c < paragraph.text.length).sort((a, b) => a - b);
  const out: SourceLine[] = [];
  let start = 0;
  for (const point of [...points, paragraph.text.length]) {
    const text = paragraph.text.slice(start, point).trim();
    if (text !== '') out.push({ line: paragraph.line, text });
    start = point;
  }
  return out;
}

/** Cuts paragraphs that hold several: the outline numbers in sequence, header and footer parts. */
function segment(paragraphs: readonly SourceLine[], reflowed: boolean, runTogether = false): SourceLine[] {
  const state: OutlineState = {
    chapter: 0,
    paren: 0,
    arabic: 0,
    lastParen: 0,
    lastArabic: 0,
    body: false,
    docNumberSeen: false,
    addresseesSeen: false,
    noticeTitle: null,
    reflowed,
    runTogether,
  };
  const out: SourceLine[] = [];
  for (const paragraph of paragraphs) {
    const framed = cutAt(paragraph, frameCuts(paragraph.text, state));
    for (const piece of framed) {
      if (!state.body && state.noticeTitle === null && /(?:通知|通报)$/u.test(piece.text)) state.noticeTitle = piece.text;
      const title = titleCut(piece.text, state);
      const parts = title === null ? [piece] : cutAt(piece, [title]);
      for (const part of parts) {
        for (const item of cutAt(part, markerCuts(part.text, state))) out.push(...cutAt(item, reflowCuts(item.text, state)));
      }
    }
  }
  return out;
}

/**
 * The text's paragraphs and the page furniture left out of them. Lines keep their source line
 * numbers (a joined paragraph has the line it starts on).
 */
export function reflow(source: string): Reflowed {
  const raw: RawLine[] = [];
  let blankBefore = false;
  let line = 1;
  let start = 0;
  let previousBreak = '';
  const breaks = new RegExp(LINE_BREAK_RE.source, 'gu');
  for (let m = breaks.exec(source); ; m = breaks.exec(source)) {
    const end = m ? m.index : source.length;
    const rawText = source.slice(start, end);
    const text = rawText.trim();
    if (text === '') {
      // A page break (form feed) is not a paragraph break, nor the empty line next to it.
      if (previousBreak !== '\f' && m?.[0] !== '\f') blankBefore ||= line > 1;
    } else {
      const indent = rawText.slice(0, rawText.length - rawText.trimStart().length);
      raw.push({
        line,
        text,
        indented: /^(?:\s{2}|\u3000|\t)/u.test(rawText),
        indentWidth: indent.length > 8 ? 0 : Math.min(2, visualWidth(indent.replace(/\t/gu, '\u3000\u3000'))),
        breakBefore: blankBefore,
        furniture: null,
      });
      blankBefore = false;
    }
    if (!m) break;
    previousBreak = m[0];
    start = end + m[0].length;
    line++;
  }

  markMasthead(raw);
  markRules(raw);
  markFurniture(raw);
  const furniture: Furniture[] = [];
  const content: RawLine[] = [];
  raw.forEach((line, i) => {
    if (line.furniture !== null) {
      furniture.push({ line: line.line, text: line.text, kind: line.furniture });
      return;
    }
    const before = raw[i - 1]?.furniture;
    // A rule (and the masthead) ends a paragraph; blank lines around a page's margin do not.
    if (before === 'masthead' || before === 'rule') line.breakBefore = true;
    else if (before) line.breakBefore = false;
    content.push(line);
  });

  const wrap = wrapWidth(content);
  if (wrap !== null) {
    // Wrapped text that joins back into a run of text without paragraphs is read as run together.
    const joined = joinWrapped(content, wrap);
    const lost = joined.length <= 3 && joined.some((l) => l.text.length > 200);
    return { lines: segment(lost ? withoutMasthead(joined, furniture) : joined, true, lost), furniture, layout: 'wrapped' };
  }
  // At most three lines, one of them long: the text has lost its line breaks.
  const runTogether = content.length <= 3 && content.some((l) => l.text.length > 200);
  const paragraphs = joinBrokenClauses(content);
  const lines = segment(runTogether ? withoutMasthead(paragraphs, furniture) : paragraphs, runTogether, runTogether);
  return { lines, furniture, layout: runTogether ? 'run_together' : 'lines' };
}

/** A printed rule inside run-together text: six or more rule characters (—— alone is a dash). */
const RULE_RUN_RE = /[—━─═＿_=＝]{6,400}/gu;

/**
 * Run-together paragraphs without the masthead at their start and without printed rules (under
 * the masthead, around 抄送); what is taken out is added to `furniture`.
 */
function withoutMasthead(paragraphs: SourceLine[], furniture: Furniture[]): SourceLine[] {
  const first = paragraphs[0];
  const cut = first ? cutRunTogetherMasthead(first) : null;
  if (cut !== null) furniture.push(...cut.furniture);
  const out = (cut === null ? paragraphs : [cut.rest, ...paragraphs.slice(1)]).map((paragraph) => {
    const rules = [...paragraph.text.matchAll(RULE_RUN_RE)];
    if (rules.length === 0) return paragraph;
    const underMasthead = cut !== null && paragraph === cut.rest ? (rules[0]?.index ?? -1) : -1;
    for (const m of rules)
      furniture.push({ line: paragraph.line, text: m[0], kind: m.index === underMasthead && m.index < 60 ? 'masthead' : 'rule' });
    return { line: paragraph.line, text: paragraph.text.replace(RULE_RUN_RE, '') };
  });
  furniture.sort((a, b) => a.line - b.line);
  return out;
}
