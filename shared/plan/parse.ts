/**
 * parsePlanText: an official circular (action plan) as text → the structured Plan and the
 * warnings for whatever could not be placed or resolved. Pure; linear in the text's length.
 */
import { dueFromText, findReportDeadlines, latestDate, parseDateLine, resolveDueValue, type Recurrence } from './deadlines';
import {
  DEFAULT_DEPARTMENT_ALIASES,
  aliasMap,
  isCollectiveName,
  prefixMerges,
  resolveDepartments,
  type ResolvedDepartment,
} from './departments';
import { PlanParseError } from './errors';
import { issuerFromNoticeTitle, readHeader, type HeaderParagraph } from './header';
import { formatChineseInt } from './numerals';
import { buildOutline, splitHeading, type OutlineChapter, type OutlineGroup, type OutlineItem, type OutlineNode } from './outline';
import { reflow, type Furniture, type Layout } from './layout';
import { classifyParagraphs, isIssuerName, readParagraphs, readPrinted, readSignatureLine, type Paragraph } from './paragraphs';
import {
  PLAN_FORMAT,
  PLAN_VERSION,
  type Plan,
  type PlanChapter,
  type PlanDeadline,
  type PlanDepartment,
  type PlanGroup,
  type PlanMeasure,
  type PlanRequirement,
  type PlanWarning,
} from './schema';
import { analyseItem } from './tasks';
import { DEFAULT_MAX_WARNINGS, WarningCollector } from './warnings';

export interface ParsePlanOptions {
  /** Department alias table (spelling → canonical); replaces DEFAULT_DEPARTMENT_ALIASES. */
  aliases?: Readonly<Record<string, string>>;
  /** At most this many warnings are returned (default 500); the rest are only counted. */
  maxWarnings?: number;
}

export interface ParsePlanResult {
  plan: Plan;
  /** Page furniture (page numbers, running heads) left out of the text, with its lines, for a preview. */
  furniture: Furniture[];
  /** How the text was laid out: a paragraph a line, hard-wrapped (PDF), or all run together. */
  layout: Layout;
  /** In line order. */
  warnings: PlanWarning[];
  /** Warnings beyond maxWarnings. */
  omittedWarnings: number;
}

interface Signature {
  issuer: string | null;
  date: string;
}

/**
 * Marks signature blocks (an office's name line followed by a date line, or both on one line)
 * so that they are not read as text, and returns the first.
 */
function readSignatures(paragraphs: Paragraph[]): Signature | null {
  let first: Signature | null = null;
  paragraphs.forEach((paragraph, i) => {
    let found: Signature | null = null;
    if (paragraph.kind === 'signature') {
      found = readSignatureLine(paragraph.text);
    } else if (paragraph.kind === 'date') {
      const date = parseDateLine(paragraph.text);
      const previous = paragraphs[i - 1];
      const issuer = previous?.kind === 'text' && isIssuerName(previous.text) ? previous.text : null;
      if (previous && issuer !== null) previous.kind = 'signature';
      paragraph.kind = 'signature';
      found = date === null ? null : { issuer, date };
    }
    first ??= found;
  });
  return first;
}

function headerParagraph(paragraph: Paragraph): HeaderParagraph {
  const kind = paragraph.kind === 'signature' ? 'signature' : paragraph.kind === 'text' || paragraph.kind === 'clause' ? 'text' : 'other';
  return { line: paragraph.line, text: paragraph.text, kind };
}

interface DraftMeasure {
  measure: PlanMeasure;
  departments: ResolvedDepartment[];
}

/** Walks the outline in document order and assembles the plan's body. */
class BodyAssembler {
  readonly chapters: PlanChapter[] = [];
  readonly groups: PlanGroup[] = [];
  readonly requirements: PlanRequirement[] = [];
  readonly measures: DraftMeasure[] = [];
  readonly deadlines: PlanDeadline[] = [];
  private readonly codeUses = new Map<string, number>();
  private readonly warnings: WarningCollector;
  private readonly aliases: ReadonlyMap<string, string>;
  private readonly contextYear: number | null;

  constructor(warnings: WarningCollector, aliases: ReadonlyMap<string, string>, contextYear: number | null) {
    this.warnings = warnings;
    this.aliases = aliases;
    this.contextYear = contextYear;
  }

  /** Reporting deadlines of a paragraph; measure is the code of the measure it belongs to. */
  scanDeadlines(line: number, text: string, measure: string | null): void {
    const found = findReportDeadlines(text, this.contextYear);
    for (const deadline of found.deadlines) this.deadlines.push({ ...deadline, measure });
    for (const sentence of found.unresolved) this.warnings.add('plan.deadline_unresolved', line, sentence);
  }

  addChapter(chapter: OutlineChapter): void {
    const heading = splitHeading(chapter.heading);
    const parts: string[] = heading.rest === '' ? [] : [heading.rest];
    const chapterTitle = chapter.n === null ? null : heading.title;
    for (const node of chapter.content) this.addNode(node, chapter, chapterTitle, null, parts);
    if (chapter.n !== null) this.chapters.push({ code: String(chapter.n), title: heading.title, text: parts.join('\n') });
  }

  private addNode(
    node: OutlineNode,
    chapter: OutlineChapter,
    chapterTitle: string | null,
    group: { outline: OutlineGroup; title: string } | null,
    parts: string[],
  ): void {
    if (node.type === 'text') {
      this.scanDeadlines(node.paragraph.line, node.paragraph.text, null);
      // A document numbered without chapters has no chapter text to keep it in.
      if (chapter.n === null && group === null) this.warnings.add('plan.unplaced_paragraph', node.paragraph.line, node.paragraph.text);
      else parts.push(node.paragraph.text);
    } else if (node.type === 'item') {
      this.addItem(node.item, chapter, chapterTitle, group, parts);
    } else {
      const heading = splitHeading(node.group.heading);
      const groupParts: string[] = heading.rest === '' ? [] : [heading.rest];
      const record: PlanGroup = {
        code: [chapter.n, node.group.n].filter((n) => n !== null).join('.'),
        chapter: chapterTitle,
        title: heading.title,
        text: '',
      };
      this.groups.push(record);
      const inner = { outline: node.group, title: heading.title };
      for (const child of node.group.content) this.addNode(child, chapter, chapterTitle, inner, groupParts);
      record.text = groupParts.join('\n');
    }
  }

  /** chapter.group.item, made unique with a -2, -3… suffix (and a warning) when numbers repeat. */
  private uniqueCode(base: string, item: OutlineItem): string {
    const uses = (this.codeUses.get(base) ?? 0) + 1;
    this.codeUses.set(base, uses);
    if (uses === 1) return base;
    this.warnings.add('plan.duplicate_number', item.line, item.source);
    return `${base}-${String(uses)}`;
  }

  private addItem(
    item: OutlineItem,
    chapter: OutlineChapter,
    chapterTitle: string | null,
    group: { outline: OutlineGroup; title: string } | null,
    parts: string[],
  ): void {
    const analysis = analyseItem(item.paragraphs);
    const assigns = analysis.clauses.some((c) => c.assignsResponsibility);
    // The item's paragraphs as printed (the first with its number) and their lines.
    const texts = item.paragraphs.map((p, i) => ({ line: p.line, text: i === 0 ? item.source : p.text }));

    // An unnumbered point of a 总体要求-like chapter (指导思想, 基本原则…) is chapter text.
    if (!assigns && chapter.kind === 'general') {
      for (const { line, text } of texts) {
        parts.push(text);
        this.scanDeadlines(line, text, null);
      }
      return;
    }

    const base = [chapter.n, group?.outline.n ?? null, item.n].filter((n) => n !== null).join('.');
    const code = this.uniqueCode(base, item);

    if (!assigns && chapter.kind === 'requirements') {
      this.requirements.push({ code, title: analysis.title, text: analysis.afterTitle });
      for (const { line, text } of texts) this.scanDeadlines(line, text, null);
      return;
    }

    const departments = resolveDepartments(
      analysis.clauses.flatMap((c) => c.entries),
      this.aliases,
    );
    const body = item.paragraphs.map((p) => p.text).join('\n');
    const dueValues = analysis.clauses.flatMap((c) => c.due);
    let due: string | null = null;
    let dueUnresolved = false;
    let recurrence: Recurrence | null = null;
    if (dueValues.length > 0) {
      for (const value of dueValues) {
        const resolved = resolveDueValue(value, this.contextYear);
        due = latestDate(due, resolved.date);
        dueUnresolved ||= resolved.unresolved;
        recurrence ??= resolved.recurrence ?? null;
      }
      dueUnresolved &&= due === null;
    } else {
      const resolved = dueFromText(body, this.contextYear);
      due = resolved.date;
      dueUnresolved = resolved.unresolved;
    }
    if (departments.length === 0) this.warnings.add('plan.measure_no_department', item.line, item.source);
    if (dueUnresolved) this.warnings.add('plan.due_unresolved', item.line, item.source);

    const label =
      item.level === 'paren'
        ? `(${formatChineseInt(item.n)})`
        : group
          ? `(${formatChineseInt(group.outline.n)})${String(item.n)}`
          : String(item.n);
    this.measures.push({
      measure: {
        code,
        label,
        chapter: chapterTitle,
        group: group?.title ?? null,
        title: analysis.title,
        text: body,
        due,
        ...(recurrence === null ? {} : { recurrence }),
        departments: [],
        tasks: analysis.tasks,
      },
      departments,
    });
    for (const { line, text } of texts) this.scanDeadlines(line, text, code);
  }

  /**
   * Final department names (a name without 省 is the 省 one when both occur), each measure's
   * list, and the plan's list in order of first appearance with the other spellings seen.
   */
  finishDepartments(): { measures: PlanMeasure[]; departments: PlanDepartment[] } {
    const merges = prefixMerges(this.measures.flatMap((m) => m.departments.map((d) => d.name)));
    const byName = new Map<string, PlanDepartment>();
    const measures = this.measures.map(({ measure, departments }) => {
      const seen = new Set<string>();
      for (const department of departments) {
        const name = merges.get(department.name) ?? department.name;
        let entry = byName.get(name);
        if (!entry) {
          entry = isCollectiveName(name) ? { name, aliases: [], collective: true } : { name, aliases: [] };
          byName.set(name, entry);
        }
        if (department.written !== name && !entry.aliases.includes(department.written)) entry.aliases.push(department.written);
        if (seen.has(name)) continue;
        seen.add(name);
        measure.departments.push({ name, role: department.role });
      }
      return measure;
    });
    return { measures, departments: [...byName.values()] };
  }
}

/**
 * Parses the text of a circular or action plan. Throws PlanParseError 'plan.empty' for a blank
 * text and 'plan.no_structure' when nothing in it is numbered like a plan (一、 (一) 1.).
 */
export function parsePlanText(text: string, options: ParsePlanOptions = {}): ParsePlanResult {
  const reflowed = reflow(text);
  const paragraphs = readParagraphs(reflowed.lines);
  if (paragraphs.length === 0) throw new PlanParseError('plan.empty');
  const bodyStart = paragraphs.findIndex((p) => p.marker !== null);
  if (bodyStart === -1) throw new PlanParseError('plan.no_structure');

  classifyParagraphs(paragraphs);
  const signature = readSignatures(paragraphs);
  const printedLine = readPrinted(paragraphs);
  const header = readHeader(paragraphs.slice(0, bodyStart).map(headerParagraph));

  const issuer =
    signature?.issuer ??
    (header.noticeTitle === null ? null : issuerFromNoticeTitle(header.noticeTitle)) ??
    (printedLine && printedLine.org !== '' ? printedLine.org : null);
  const issuedOn = signature?.date ?? printedLine?.date ?? null;
  const contextYear = issuedOn === null ? null : Number(issuedOn.slice(0, 4));

  const warnings = new WarningCollector(options.maxWarnings ?? DEFAULT_MAX_WARNINGS);
  const assembler = new BodyAssembler(warnings, aliasMap(options.aliases ?? DEFAULT_DEPARTMENT_ALIASES), contextYear);
  for (const p of [...header.notice, ...header.preamble]) assembler.scanDeadlines(p.line, p.text, null);

  const outline = buildOutline(paragraphs.slice(bodyStart), contextYear);
  for (const problem of outline.problems) warnings.add(problem.code, problem.line, problem.text);
  for (const chapter of outline.chapters) assembler.addChapter(chapter);
  const { measures, departments } = assembler.finishDepartments();

  if (header.title === null) warnings.add('plan.title_missing', 1, '');
  if (measures.length === 0 && assembler.requirements.length === 0) {
    const first = paragraphs[bodyStart];
    warnings.add('plan.no_measures', first?.line ?? 1, first?.text ?? '');
  }

  const plan: Plan = {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    title: header.title,
    noticeTitle: header.noticeTitle,
    docNumber: header.docNumber,
    issuer,
    issuedOn,
    noticeText: header.notice.map((p) => p.text).join('\n'),
    preamble: header.preamble.map((p) => p.text).join('\n'),
    chapters: assembler.chapters,
    groups: assembler.groups,
    deadlines: assembler.deadlines,
    departments,
    requirements: assembler.requirements,
    measures,
  };
  const result = warnings.result();
  return { plan, warnings: result.warnings, omittedWarnings: result.omitted, furniture: reflowed.furniture, layout: reflowed.layout };
}
