import { z } from 'zod';
import { planSchema, planWarningSchema } from '../../plan/schema';
import { call } from '../define';
import { Empty, IsoDate } from './common';
import { Download, FileId, SaveTargetId } from './files';

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
  'plans.import': call(z.object({ previewId: z.string().min(1).max(64) }).strict(), z.object({ plan: PlanSummary, created: z.boolean() })),
  'plans.departments': call(Empty, z.array(PlanDepartmentSummary)),
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
