import { z } from 'zod';
import { LAYOUTS } from '../../plan/layout';
import { planSchema, planWarningSchema } from '../../plan/schema';
import { DROPPED_KINDS, PLAN_READERS } from '../../plan/source';
import { call } from '../define';
import { Empty, IsoDate } from './common';
import { Download, FileId, SaveTargetId } from './files';

/** A pasted plan: a circular is tens of thousands of characters; this leaves room for the longest. */
export const MAX_PASTED_CHARS = 5_000_000;

export const PlanId = z.number().int().positive();

export const PlanSummary = z.object({
  id: PlanId,
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  measureCount: z.number().int(),
  departmentCount: z.number().int(),
  importedAt: z.string(),
  sourceName: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

/** What an import would bring in, shown before the user confirms. */
export const PlanPreview = z.object({
  previewId: z.string(),
  sourceName: z.string(),
  sha256: z.string(),
  plan: planSchema,
  warnings: z.array(planWarningSchema),
  /** Warnings beyond the ones listed. */
  omittedWarnings: z.number().int(),
  /** Which reader read the file (PDF, OFD, Word, web page, pasted text…). */
  reader: z.enum(PLAN_READERS),
  /** How its text was laid out: a paragraph a line, hard-wrapped, or run together. */
  layout: z.enum(LAYOUTS),
  /** What was left out as page furniture or web-page chrome, so a person can see nothing of substance was lost. */
  dropped: z.array(
    z.object({
      kind: z.enum(DROPPED_KINDS),
      text: z.string(),
      page: z.number().int().positive().nullable(),
      line: z.number().int().positive().nullable(),
    }),
  ),
  /** Dropped lines beyond the ones listed. */
  omittedDropped: z.number().int(),
  /** The same file (same SHA-256) is already imported as this plan: importing again adds nothing. */
  existing: z.object({ id: PlanId, title: z.string() }).nullable(),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

export const PlanDepartmentSummary = z.object({
  name: z.string(),
  /** Other spellings of the name in the plan's text. */
  aliases: z.array(z.string()),
  measureCount: z.number().int(),
});
export type PlanDepartmentSummary = z.infer<typeof PlanDepartmentSummary>;

/** A measure of the plan as a picker lists it (the office's roll-up chooses one). */
export const PlanMeasureSummary = z.object({
  code: z.string(),
  label: z.string(),
  title: z.string(),
  departmentCount: z.number().int(),
});
export type PlanMeasureSummary = z.infer<typeof PlanMeasureSummary>;

export const DepartmentAlias = z.object({
  alias: z.string().trim().min(1).max(100),
  canonical: z.string().trim().min(1).max(100),
});
export type DepartmentAlias = z.infer<typeof DepartmentAlias>;

export const planCalls = {
  'plans.active': call(Empty, PlanSummary.nullable()),
  'plans.list': call(Empty, z.object({ plans: z.array(PlanSummary), activeId: PlanId.nullable() })),
  'plans.activate': call(z.object({ planId: PlanId }).strict(), PlanSummary),
  'plans.preview': call(z.object({ fileId: FileId }).strict(), PlanPreview),
  /** Text pasted into the import screen, previewed like a file; `name` is what the plan list shows as its source. */
  'plans.previewText': call(
    z.object({ text: z.string().min(1).max(MAX_PASTED_CHARS), name: z.string().trim().min(1).max(200) }).strict(),
    PlanPreview,
  ),
  'plans.import': call(z.object({ previewId: z.string().min(1).max(64) }).strict(), z.object({ plan: PlanSummary, created: z.boolean() })),
  'plans.departments': call(Empty, z.array(PlanDepartmentSummary)),
  /** Every measure of the active plan, in the plan's order. */
  'plans.measures': call(Empty, z.array(PlanMeasureSummary)),
  /** Writes the plan JSON to the chosen target (desktop) or prepares a download (browser). */
  'plans.export': call(
    z.object({ planId: PlanId, targetId: SaveTargetId.nullable() }).strict(),
    z.object({ download: Download.nullable() }),
  ),
  'aliases.list': call(Empty, z.array(DepartmentAlias)),
  'aliases.set': call(
    z.object({ alias: DepartmentAlias.shape.alias, canonical: DepartmentAlias.shape.canonical.nullable() }).strict(),
    z.array(DepartmentAlias),
  ),
};
