import { randomUUID } from 'node:crypto';
import type { PlanPreview, PlanSummary } from '../../../shared/api/calls/plan';
import { AppError } from '../../../shared/api/errors';
import {
  DEFAULT_DEPARTMENT_ALIASES,
  parsePlanJson,
  parsePlanText,
  planSchema,
  type Layout,
  type Plan,
  type PlanWarning,
} from '../../../shared/plan';
import { droppedText, type DroppedText, type PlanReader } from '../../../shared/plan/source';
import { sha256Hex } from '../../lib/hash';
import type { Db } from '../../db/database';
import { ensureDepartment, listAliases } from '../../db/repos/departments';
import {
  findPlanByContent,
  findPlanBySha,
  findPlanSummary,
  insertMeasure,
  insertMeasureDepartment,
  insertPlan,
  type NewPlan,
} from '../../db/repos/plans';
import { writeSetting } from '../../db/repos/settings';
import type { ServiceContext } from '../context';
import { readPastedText, readPlanSource, readPlanSourceFile, type ReadSource } from './source';

export interface ParsedSource {
  sourceName: string;
  /** The reader that turned the source into text. */
  reader: PlanReader;
  /** How the text was laid out before it was reflowed into paragraphs. */
  layout: Layout;
  /** Page furniture and web-page chrome left out of the plan, by the reader and by the parser, in document order. */
  dropped: DroppedText[];
  sha256: string;
  text: string;
  plan: Plan;
  /** The plan in its one canonical form (see canonicalPlanContent): what is stored and compared. */
  content: string;
  warnings: PlanWarning[];
  omittedWarnings: number;
}

/**
 * A plan as stored: the schema's own field order and nothing else, the same for a plan
 * parsed from text and one read from JSON, so that a plan exported and imported again is
 * recognised as the plan it came from.
 */
function canonicalPlanContent(plan: Plan): string {
  return JSON.stringify(planSchema.parse(plan));
}

/**
 * The stored plan this source is: the same source file (same SHA-256), or the same plan
 * content (its exported JSON, the same text re-saved). Every row is stored canonically.
 */
function findSamePlan(db: Db, parsed: Pick<ParsedSource, 'sha256' | 'content'>): { id: number; title: string } | undefined {
  return findPlanBySha(db, parsed.sha256) ?? findPlanByContent(db, parsed.content);
}

/** The built-in spellings plus the user's own (theirs win). */
export function aliasTable(db: Db): Record<string, string> {
  const table: Record<string, string> = { ...DEFAULT_DEPARTMENT_ALIASES };
  for (const { alias, canonical } of listAliases(db)) table[alias] = canonical;
  return table;
}

/** Reads a plan source (any format readPlanSource knows) into a plan, naming departments by `aliases` (see aliasTable); refuses junk with a clear error. */
export async function parseSource(aliases: Record<string, string>, bytes: Uint8Array, sourceName: string): Promise<ParsedSource> {
  return parseRead(aliases, await readPlanSource(bytes, sourceName), sourceName, sha256Hex(bytes));
}

/** Pasted text, parsed like a file; its SHA-256 is that of its UTF-8 bytes. */
export function parsePastedText(aliases: Record<string, string>, text: string, sourceName: string): ParsedSource {
  return parseRead(aliases, readPastedText(text), sourceName, sha256Hex(new TextEncoder().encode(text)));
}

function parseRead(aliases: Record<string, string>, read: ReadSource, sourceName: string, sha256: string): ParsedSource {
  if (read.reader === 'json') {
    const plan = parsePlanJson(read.text);
    return {
      sourceName,
      reader: 'json',
      layout: 'lines',
      dropped: [],
      sha256,
      text: read.text,
      plan,
      content: canonicalPlanContent(plan),
      warnings: [],
      omittedWarnings: 0,
    };
  }
  const { plan, warnings, omittedWarnings, furniture, layout } = parsePlanText(read.text, { aliases });
  const dropped = [...read.dropped, ...furniture.map((item) => droppedText(item.kind, item.text, null, item.line))];
  return {
    sourceName,
    reader: read.reader,
    layout,
    dropped,
    sha256,
    text: read.text,
    plan,
    content: canonicalPlanContent(plan),
    warnings,
    omittedWarnings,
  };
}

const maxPreviews = 8;

/** Parsed files waiting for the user's confirmation, so the renderer never sends a plan back. */
export class PreviewCache {
  private readonly previews = new Map<string, ParsedSource>();

  put(parsed: ParsedSource): string {
    const id = randomUUID();
    this.previews.set(id, parsed);
    while (this.previews.size > maxPreviews) this.previews.delete(this.previews.keys().next().value as string);
    return id;
  }

  take(id: string): ParsedSource {
    const parsed = this.previews.get(id);
    if (!parsed) throw new AppError('plan.preview_expired');
    this.previews.delete(id);
    return parsed;
  }
}

export async function previewPlanImport(ctx: ServiceContext, previews: PreviewCache, fileId: string): Promise<PlanPreview> {
  const file = ctx.files.get(fileId);
  let bytes: Buffer;
  try {
    bytes = await readPlanSourceFile(file.path, file.name);
  } finally {
    ctx.files.release(fileId);
  }
  return previewOf(ctx, previews, await parseSource(aliasTable(ctx.db), bytes, file.name));
}

export function previewPastedPlan(ctx: ServiceContext, previews: PreviewCache, text: string, sourceName: string): PlanPreview {
  return previewOf(ctx, previews, parsePastedText(aliasTable(ctx.db), text, sourceName));
}

/** The preview lists at most this many dropped lines (a 300-page PDF has 300 page numbers); the rest are counted. */
const MAX_PREVIEW_DROPPED = 200;

function previewOf(ctx: ServiceContext, previews: PreviewCache, parsed: ParsedSource): PlanPreview {
  return {
    previewId: previews.put(parsed),
    sourceName: parsed.sourceName,
    sha256: parsed.sha256,
    plan: parsed.plan,
    warnings: parsed.warnings,
    omittedWarnings: parsed.omittedWarnings,
    reader: parsed.reader,
    layout: parsed.layout,
    dropped: parsed.dropped.slice(0, MAX_PREVIEW_DROPPED),
    omittedDropped: Math.max(0, parsed.dropped.length - MAX_PREVIEW_DROPPED),
    existing: findSamePlan(ctx.db, parsed) ?? null,
  };
}

/**
 * Stores a parsed plan in one transaction and makes it the active plan. The same source
 * (same SHA-256) or the same plan content (its own exported JSON) is never stored twice:
 * importing it again just switches to it.
 */
export function storePlan(ctx: ServiceContext, parsed: ParsedSource): { plan: PlanSummary; created: boolean } {
  return ctx.db.transaction(() => {
    const existing = findSamePlan(ctx.db, parsed);
    const planId = existing?.id ?? insertParsedPlan(ctx, parsed);
    writeSetting(ctx.db, 'activePlanId', planId);
    const summary = findPlanSummary(ctx.db, planId);
    if (!summary) throw new Error(`plan ${planId} not stored`);
    return { plan: summary, created: existing === undefined };
  })();
}

function insertParsedPlan(ctx: ServiceContext, parsed: ParsedSource): number {
  const { plan } = parsed;
  const row: NewPlan = {
    title: plan.title ?? plan.noticeTitle ?? parsed.sourceName,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    sourceName: parsed.sourceName,
    sourceKind: parsed.reader,
    sourceSha256: parsed.sha256,
    sourceText: parsed.text,
    content: parsed.content,
    importedAt: ctx.now().toISOString(),
  };
  const planId = insertPlan(ctx.db, row);
  const departmentIds = new Map(plan.departments.map((department) => [department.name, ensureDepartment(ctx.db, department.name)]));
  plan.measures.forEach((measure, ordinal) => {
    const measureId = insertMeasure(ctx.db, {
      planId,
      ordinal,
      code: measure.code,
      label: measure.label,
      chapter: measure.chapter,
      group: measure.group,
      title: measure.title,
      text: measure.text,
      due: measure.due,
      candidateTasks: JSON.stringify(measure.tasks),
    });
    measure.departments.forEach((department, index) => {
      const departmentId = departmentIds.get(department.name) ?? ensureDepartment(ctx.db, department.name);
      insertMeasureDepartment(ctx.db, {
        measureId,
        departmentId,
        ordinal: index,
        role: department.role,
        writtenAs: writtenAs(plan, department.name, measure.text),
      });
    });
  });
  return planId;
}

/** The spelling the measure's own text uses for a department, so the UI can highlight it. */
function writtenAs(plan: Plan, name: string, text: string): string {
  const spellings = [name, ...(plan.departments.find((department) => department.name === name)?.aliases ?? [])];
  return spellings.find((spelling) => text.includes(spelling)) ?? name;
}
