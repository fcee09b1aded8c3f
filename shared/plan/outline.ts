/**
 * The numbered body as a tree: chapters (一、), groups ((一) followed by 1. items), items
 * ((一) or 1. with their paragraphs) and unnumbered text, in document order.
 *
 * Where an unnumbered paragraph goes:
 *   - before a chapter's or group's first item: the chapter's or group's text;
 *   - after an item of a measures chapter that has no responsibility clause yet: the item
 *     continues (a measure ends with its clause);
 *   - a responsibility / 牵头单位 / 完成时限 paragraph: the item before it;
 *   - (1) ① 一是 points: the item before them;
 *   - a reporting-deadline paragraph (各市、各部门于…前将…报…): the chapter's or group's text;
 *   - after a requirement (no clause): the requirement continues;
 *   - anything else after a finished measure: unplaced (a warning).
 */
import { findReportDeadlines } from './deadlines';
import { extractClause } from './departments';
import { isSubItem, type Paragraph } from './paragraphs';
import { splitSentences, stripEndPunctuation } from './sentences';
import { type ItemParagraph } from './tasks';

/** general: 总体要求-like, text only; requirements: 工作要求-like; measures: everything else. */
export type ChapterKind = 'general' | 'measures' | 'requirements';

export interface OutlineItem {
  level: 'paren' | 'arabic';
  n: number;
  line: number;
  /** The item's first paragraph including its number. */
  source: string;
  /** paragraphs[0] is the first paragraph after the number. */
  paragraphs: ItemParagraph[];
  /** Its responsibility clause has been seen. */
  closed: boolean;
}

export interface OutlineText {
  line: number;
  text: string;
}

export interface OutlineGroup {
  n: number;
  line: number;
  heading: string;
  content: OutlineNode[];
}

export interface OutlineChapter {
  /** null for the implicit chapter of a document whose numbering starts below chapters. */
  n: number | null;
  line: number;
  heading: string;
  kind: ChapterKind;
  content: OutlineNode[];
}

export type OutlineNode =
  { type: 'text'; paragraph: OutlineText } | { type: 'item'; item: OutlineItem } | { type: 'group'; group: OutlineGroup };

export interface OutlineProblem {
  code: 'plan.orphan_clause' | 'plan.unplaced_paragraph';
  line: number;
  text: string;
}

export interface Outline {
  chapters: OutlineChapter[];
  problems: OutlineProblem[];
}

const GENERAL_CHAPTER_RE =
  /总体要求|指导思想|基本原则|总体思路|总体目标|工作目标|主要目标|发展目标|目标要求|工作原则|实施步骤|工作步骤|方法步骤|进度安排|时间安排|实施阶段/u;
const REQUIREMENT_CHAPTER_RE = /要求|保障|组织实施|组织领导/u;

/** What a chapter holds, from its title: 总体要求 → general, 工作要求/保障措施/组织实施 → requirements. */
export function chapterKind(title: string): ChapterKind {
  if (GENERAL_CHAPTER_RE.test(title)) return 'general';
  if (REQUIREMENT_CHAPTER_RE.test(title)) return 'requirements';
  return 'measures';
}

/** A heading's first sentence is its title ('总体要求'), the rest is text. */
export function splitHeading(heading: string): { title: string; rest: string } {
  const first = splitSentences(heading, '。')[0];
  if (!first) return { title: '', rest: '' };
  return { title: stripEndPunctuation(first.text), rest: heading.slice(first.end).trim() };
}

/** The text ends with a responsibility clause (so a measure is complete). */
function endsWithClause(text: string): boolean {
  const sentences = splitSentences(text);
  const last = sentences[sentences.length - 1];
  return last !== undefined && (extractClause(last.text)?.clause.assignsResponsibility ?? false);
}

/**
 * Builds the outline from the body's paragraphs (the first one is numbered). contextYear
 * helps recognise reporting-deadline paragraphs.
 */
export function buildOutline(paragraphs: readonly Paragraph[], contextYear: number | null): Outline {
  const chapters: OutlineChapter[] = [];
  const problems: OutlineProblem[] = [];
  let chapter: OutlineChapter | null = null;
  let group: OutlineGroup | null = null;
  let item: OutlineItem | null = null;

  // A (一) item is a group heading when the next numbered paragraph is a 1. item.
  const opensGroup = new Array<boolean>(paragraphs.length).fill(false);
  let nextLevel: string | null = null;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const marker = paragraphs[i]?.marker;
    if (!marker) continue;
    opensGroup[i] = marker.level === 'paren' && nextLevel === 'arabic';
    nextLevel = marker.level;
  }

  const currentChapter = (line: number): OutlineChapter => {
    if (chapter === null) {
      chapter = { n: null, line, heading: '', kind: 'measures', content: [] };
      chapters.push(chapter);
    }
    return chapter;
  };
  const addText = (paragraph: Paragraph) => {
    (group ?? currentChapter(paragraph.line)).content.push({ type: 'text', paragraph: { line: paragraph.line, text: paragraph.text } });
  };
  const isReport = (text: string) => {
    const found = findReportDeadlines(text, contextYear);
    return found.deadlines.length > 0 || found.unresolved.length > 0;
  };

  paragraphs.forEach((paragraph, index) => {
    const { marker, line, text } = paragraph;
    if (marker) {
      item = null;
      if (marker.level === 'chapter') {
        group = null;
        chapter = { n: marker.n, line, heading: marker.rest, kind: chapterKind(splitHeading(marker.rest).title), content: [] };
        chapters.push(chapter);
      } else if (opensGroup[index]) {
        group = { n: marker.n, line, heading: marker.rest, content: [] };
        currentChapter(line).content.push({ type: 'group', group });
      } else {
        if (marker.level === 'paren') group = null;
        item = {
          level: marker.level,
          n: marker.n,
          line,
          source: text,
          paragraphs: [{ line, text: marker.rest, kind: 'body' }],
          closed: endsWithClause(marker.rest),
        };
        (group ?? currentChapter(line)).content.push({ type: 'item', item });
      }
      return;
    }

    const open: OutlineItem | null = item;
    if (paragraph.kind === 'clause') {
      if (open === null) problems.push({ code: 'plan.orphan_clause', line, text });
      else {
        open.paragraphs.push({ line, text, kind: 'clause' });
        open.closed = true;
      }
      return;
    }
    if (paragraph.kind !== 'text') return; // boilerplate, signature, …印发

    if (open === null) {
      addText(paragraph);
    } else if (!open.closed && currentChapter(line).kind === 'measures') {
      open.paragraphs.push({ line, text, kind: 'body' });
      open.closed = endsWithClause(text);
    } else if (isSubItem(text)) {
      open.paragraphs.push({ line, text, kind: 'body' });
    } else if (isReport(text)) {
      item = null;
      addText(paragraph);
    } else if (!open.closed) {
      open.paragraphs.push({ line, text, kind: 'body' });
    } else {
      problems.push({ code: 'plan.unplaced_paragraph', line, text });
    }
  });

  return { chapters, problems };
}
