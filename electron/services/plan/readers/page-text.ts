/**
 * Fixed-layout pages (PDF, OFD) back into text with one paragraph a line. A reader gives the
 * runs of text it found on each page with their positions; this rebuilds lines from the runs
 * (by baseline), sets page furniture apart (page numbers and running heads in the top and
 * bottom margins), and joins lines into paragraphs the way a person reads the page: a new
 * paragraph where a line is indented, where the line before it stopped short of the right
 * margin, after a wider gap than the line spacing, at a change of type size, or where an outline
 * number or a field label (牵头单位:) follows the end of a sentence. A paragraph that runs on
 * over a page break is joined across it.
 *
 * Pure; linear in the number of runs after sorting.
 */
import { FIELD_LINE_RE } from '../../../../shared/plan/departments';
import { isPageNumber, visualWidth } from '../../../../shared/plan/layout';
import { readMarker } from '../../../../shared/plan/paragraphs';
import { droppedText, type DroppedText } from '../../../../shared/plan/source';
import { normalizeCjkRadicals } from './cjk-radicals';

/** A run of text as a reader found it. Units are the page's own (points, millimetres): only ratios matter. */
export interface TextRun {
  text: string;
  /** Left edge of the run, from the page's left edge. */
  x: number;
  /** Baseline, from the page's top edge (downwards). */
  y: number;
  /** Advance width of the whole run. */
  width: number;
  /** Font size (the em height), in the same units. */
  size: number;
}

export interface PositionedPage {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface PageText {
  /** One paragraph a line. */
  text: string;
  dropped: DroppedText[];
  /** Characters of text found (furniture included): 0 for a scan with no text layer. */
  characters: number;
}

interface Line {
  page: number;
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** Page numbers and running heads live in the outer part of the page. */
const MARGIN_SHARE = 0.14;
const ASCII_WORD_END_RE = /[A-Za-z0-9]$/u;
const ASCII_WORD_START_RE = /^[A-Za-z0-9]/u;
const SENTENCE_END_RE = /[。；;:：！!？?]$/u;
/** A short label and its colon opening a line: 抄送:, 附件:, 主送: (GB/T 9704 wraps their text under the first character after the colon). */
const LABEL_RE = /^[^\s:：，,。]{1,8}[:：]/u;

function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const run of runs) {
    const gap = run.x - end;
    // Latin words get their space back; Chinese text has none. A wide gap (a tab stop, a
    // date set flush right on the 印发 line) becomes one space.
    const latin = ASCII_WORD_END_RE.test(text) && ASCII_WORD_START_RE.test(run.text);
    if (text !== '' && ((latin && gap > run.size * 0.15) || gap > run.size * 2)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+/gu, ' ').trim();
}

/** Runs on one baseline make a line; superscripts and slightly uneven baselines stay on it. */
function linesOfPage(page: PositionedPage, pageNumber: number): Line[] {
  // A run of spaces is kept: between two runs on its line it is the space the document has there.
  const runs = page.runs.filter((run) => run.text !== '' && Number.isFinite(run.x) && Number.isFinite(run.y) && run.size > 0);
  runs.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of runs) {
    const current = groups.at(-1);
    const first = current?.[0];
    if (current && first && Math.abs(run.y - first.y) <= Math.max(first.size, run.size) * 0.4) current.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    // Text layers often spell 山 as the radical ⼭ (same glyph): back to the characters typed.
    const text = normalizeCjkRadicals(joinRuns(group));
    // Where the line's ink is: spaces before the text (an indent typed as spaces) do not move its left edge.
    const visible = group.filter((run) => run.text.trim() !== '');
    if (text === '' || visible.length === 0) continue;
    lines.push({
      page: pageNumber,
      text,
      left: Math.min(...visible.map((run) => run.x)),
      right: Math.max(...visible.map((run) => run.x + run.width)),
      y: visible[0]?.y ?? 0,
      size: Math.max(...visible.map((run) => run.size)),
    });
  }
  return lines;
}

/** The value seen most often after rounding to `step` (weighted), or null for none. */
function mode(values: Iterable<[value: number, weight: number]>, step: number): number | null {
  const counts = new Map<number, number>();
  for (const [value, weight] of values) {
    const key = Math.round(value / step) * step;
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}

/** Page numbers and running heads (short lines repeated in the same margin on two or more pages, digits aside). */
function markFurniture(pages: PositionedPage[], lines: Line[][]): Map<Line, DroppedText['kind']> {
  const furniture = new Map<Line, DroppedText['kind']>();
  const inMargin = (line: Line) => {
    const height = pages[line.page - 1]?.height ?? 0;
    return line.y < height * MARGIN_SHARE || line.y > height * (1 - MARGIN_SHARE);
  };
  const headKey = (line: Line) =>
    `${line.y < (pages[line.page - 1]?.height ?? 0) / 2 ? 'top' : 'bottom'}:${line.text.replace(/[0-9]+/gu, '#')}`;
  const heads = new Map<string, Set<number>>();
  for (const line of lines.flat()) {
    if (!inMargin(line)) continue;
    if (isPageNumber(line.text)) furniture.set(line, 'page_number');
    else if (line.text.length <= 40) heads.set(headKey(line), (heads.get(headKey(line)) ?? new Set()).add(line.page));
  }
  if (pages.length > 1) {
    for (const line of lines.flat()) {
      if (inMargin(line) && !furniture.has(line) && (heads.get(headKey(line))?.size ?? 0) >= 2) furniture.set(line, 'running_head');
    }
  }
  return furniture;
}

export function textFromPages(pages: PositionedPage[]): PageText {
  const pageLines = pages.map((page, i) => linesOfPage(page, i + 1));
  const characters = pageLines.flat().reduce((sum, line) => sum + line.text.length, 0);
  const furniture = markFurniture(pages, pageLines);
  const dropped: DroppedText[] = [];
  const body: Line[] = [];
  for (const line of pageLines.flat()) {
    const kind = furniture.get(line);
    if (kind) dropped.push(droppedText(kind, line.text, line.page));
    else body.push(line);
  }

  const weighted = (value: (line: Line) => number) => body.map((line): [number, number] => [value(line), line.text.length]);
  const bodySize =
    mode(
      weighted((line) => line.size),
      0.5,
    ) ?? 12;
  const regular = body.filter((line) => Math.abs(line.size - bodySize) <= bodySize * 0.15);
  const leftMargin =
    mode(
      regular.map((line) => [line.left, 1]),
      bodySize / 4,
    ) ?? 0;
  // Justified text ends most lines at the right margin; a high percentile ignores punctuation hung outside it.
  const rights = regular.map((line) => line.right).sort((a, b) => b - a);
  const rightEdge = rights[Math.floor(rights.length * 0.1)] ?? null;
  const pitches: [number, number][] = [];
  for (let i = 1; i < regular.length; i++) {
    const [previous, line] = [regular[i - 1], regular[i]];
    if (previous && line && previous.page === line.page && line.y > previous.y) pitches.push([line.y - previous.y, 1]);
  }
  const pitch = mode(pitches, bodySize / 8) ?? bodySize * 1.8;

  // A line wrapped under a label's text, not a new paragraph indented.
  const hangsUnderLabel = (line: Line, previous: Line): boolean => {
    const label = LABEL_RE.exec(previous.text)?.[0];
    if (label === undefined || Math.abs(line.size - previous.size) > previous.size * 0.15) return false;
    return Math.abs(line.left - previous.left - visualWidth(label) * previous.size) <= previous.size * 0.6;
  };
  // A centred title wrapped over two or more lines is one paragraph.
  const centred = (line: Line) =>
    rightEdge !== null && line.left - leftMargin > line.size && Math.abs(line.left - leftMargin - (rightEdge - line.right)) <= line.size;
  const startsParagraph = (line: Line, previous: Line): boolean => {
    if (centred(line) && centred(previous) && line.page === previous.page && Math.abs(line.size - previous.size) <= line.size * 0.15) {
      return line.y - previous.y > Math.max(pitch, line.size * 1.8) * 1.5;
    }
    const indented = line.left > leftMargin + bodySize * 0.9 && !hangsUnderLabel(line, previous);
    const previousShort = rightEdge !== null && previous.right < rightEdge - bodySize * 1.5;
    const sizeChanged = Math.abs(line.size - previous.size) > Math.max(line.size, previous.size) * 0.15;
    const wideGap = line.page === previous.page && line.y - previous.y > pitch * 1.5;
    const newItem = SENTENCE_END_RE.test(previous.text) && (readMarker(line.text) !== null || FIELD_LINE_RE.test(line.text));
    return indented || previousShort || sizeChanged || wideGap || newItem;
  };

  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | null = null;
  for (const line of body) {
    if (previous === null || startsParagraph(line, previous)) {
      if (current !== '') paragraphs.push(current);
      current = line.text;
    } else {
      current += ASCII_WORD_END_RE.test(current) && ASCII_WORD_START_RE.test(line.text) ? ` ${line.text}` : line.text;
    }
    previous = line;
  }
  if (current !== '') paragraphs.push(current);
  return { text: paragraphs.join('\n'), dropped, characters };
}
