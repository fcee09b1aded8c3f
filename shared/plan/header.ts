/**
 * The part before the first numbered heading: covering notice (title, document number,
 * addressees, body, signature), plan title and preamble.
 *
 *   山东省人民政府办公厅关于印发…2016年行动计划的通知     ← notice title (ends with 通知)
 *   鲁政办字〔2016〕103号                               ← document number, on its own line
 *   各市人民政府,…:  /  《…》已经省政府同意,…           ← notice text
 *   山东省人民政府办公厅  /  2016年7月7日               ← signature (found by the caller)
 *   山东省贯彻实施质量发展纲要  /  2016年行动计划        ← plan title, joined across lines
 *   为贯彻落实…,制定本行动计划。                        ← preamble
 */
import { isIssuerName, isTitleLike, readDocNumber } from './paragraphs';

export interface HeaderParagraph {
  line: number;
  text: string;
  /** 'signature' and 'other' (boilerplate) paragraphs only separate the others. */
  kind: 'text' | 'signature' | 'other';
}

export interface Header {
  title: string | null;
  noticeTitle: string | null;
  docNumber: string | null;
  /** Paragraphs of the covering notice (addressees, body). */
  notice: HeaderParagraph[];
  /** Paragraphs after the plan title. */
  preamble: HeaderParagraph[];
}

/** A title is at most this many lines. */
const MAX_TITLE_LINES = 4;
const NOTICE_TITLE_RE = /(?:通知|通报)$/u;
const PUBLISHED_RE = /关于(?:印发|转发|下发)(.+)的(?:通知|通报)$/u;

interface Run {
  start: number;
  end: number;
}

/** '…关于印发《X》的通知' → 'X'. */
export function titleFromNoticeTitle(noticeTitle: string): string | null {
  if (noticeTitle.length > 300) return null;
  const m = PUBLISHED_RE.exec(noticeTitle);
  const title = (m?.[1] ?? '').replace(/[《》]/gu, '').trim();
  return title === '' ? null : title;
}

/** '山东省人民政府办公厅关于…的通知' → '山东省人民政府办公厅'. */
export function issuerFromNoticeTitle(noticeTitle: string): string | null {
  const at = noticeTitle.indexOf('关于');
  const issuer = at > 0 ? noticeTitle.slice(0, at) : '';
  return isIssuerName(issuer) ? issuer : null;
}

export function readHeader(paragraphs: readonly HeaderParagraph[]): Header {
  let docNumber: string | null = null;
  const isText = paragraphs.map((p) => {
    if (p.kind !== 'text') return false;
    if (docNumber === null) {
      docNumber = readDocNumber(p.text);
      if (docNumber !== null) return false;
    }
    return true;
  });

  // Runs of consecutive title-like paragraphs: candidates for the notice title and plan title.
  const runs: Run[] = [];
  paragraphs.forEach((p, i) => {
    if (!isText[i] || !isTitleLike(p.text)) return;
    const last = runs[runs.length - 1];
    if (last && last.end === i) last.end = i + 1;
    else runs.push({ start: i, end: i + 1 });
  });
  const titleRuns = runs.filter((run) => run.end - run.start <= MAX_TITLE_LINES);
  const joined = (run: Run) =>
    paragraphs
      .slice(run.start, run.end)
      .map((p) => p.text)
      .join('');

  const first = titleRuns[0];
  const noticeRun = first && NOTICE_TITLE_RE.test(joined(first)) ? first : null;
  const titleRun = (noticeRun ? titleRuns[1] : first) ?? null;
  const noticeTitle = noticeRun ? joined(noticeRun) : null;
  let title = titleRun ? joined(titleRun) : null;
  if (title === null && noticeTitle !== null) title = titleFromNoticeTitle(noticeTitle) ?? noticeTitle;

  // Without a plan title line, the signature divides notice from preamble.
  const signature = paragraphs.findIndex((p) => p.kind === 'signature');
  let boundary: number;
  if (titleRun) boundary = titleRun.start;
  else if (signature >= 0) boundary = signature;
  else boundary = noticeRun ? paragraphs.length : 0;

  const inRun = (i: number, run: Run | null) => run !== null && i >= run.start && i < run.end;
  const notice: HeaderParagraph[] = [];
  const preamble: HeaderParagraph[] = [];
  paragraphs.forEach((p, i) => {
    if (!isText[i] || inRun(i, noticeRun) || inRun(i, titleRun)) return;
    (i < boundary ? notice : preamble).push(p);
  });

  return { title, noticeTitle, docNumber, notice, preamble };
}
