/**
 * The Plan JSON: what the parser produces from a circular, what the app stores, exports and
 * imports. `format` and `version` identify the file; everything is in document order.
 */
import { z } from 'zod';

export const PLAN_FORMAT = 'planledger-plan';
export const PLAN_VERSION = 1;

const isoDate = z.iso.date();

export const departmentRoleSchema = z.enum(['lead', 'support', 'responsible']);

export const chapterSchema = z.object({
  /** Arabic ordinal of the chapter: '2' for 二、. */
  code: z.string().min(1),
  title: z.string(),
  /** The chapter's paragraphs that are neither measures nor requirements, joined by '\n'. */
  text: z.string(),
});

export const groupSchema = z.object({
  /** chapter.group, e.g. '2.1' for 二、(一); just '1' when the document has no chapters. */
  code: z.string().min(1),
  /** Title of the enclosing chapter, null when there are no chapters. */
  chapter: z.string().nullable(),
  /** The heading's first sentence, without the (一) and the trailing 。 */
  title: z.string(),
  /** Any further text of the heading and unnumbered paragraphs before the group's first measure. */
  text: z.string(),
});

export const deadlineSchema = z.object({
  date: isoDate,
  /** The sentence that sets the deadline, without its final punctuation. */
  text: z.string(),
  /** Who receives the report: the short name in final parentheses when given, else the body after 报. */
  recipient: z.string().nullable(),
  /** Code of the measure whose text sets the deadline; null for plan-level deadlines. */
  measure: z.string().nullable(),
});

export const planDepartmentSchema = z.object({
  /** Canonical name (after the alias table and prefix rules). */
  name: z.string().min(1),
  /** Other spellings of the same body found in the text, in order of appearance. */
  aliases: z.array(z.string()),
  /**
   * True for a name that stands for many bodies (各区政府, 市政府各部门, 各县(市、区)政府);
   * absent otherwise. Optional, so plan JSON v1 written before it still reads.
   */
  collective: z.boolean().optional(),
});

export const requirementSchema = z.object({
  code: z.string().min(1),
  title: z.string(),
  /** The requirement's text after its title sentence. */
  text: z.string(),
});

export const recurrenceSchema = z.enum(['ongoing', 'yearly', 'half_yearly', 'quarterly', 'monthly']);

export const measureDepartmentSchema = z.object({
  name: z.string().min(1),
  role: departmentRoleSchema,
});

export const measureSchema = z.object({
  /** Dotted arabic ordinals of the numbering levels present (chapter.group.measure), unique in the plan. */
  code: z.string().min(1),
  /** The measure's number as printed, for display: '(一)1', '(二)', '3'. */
  label: z.string(),
  chapter: z.string().nullable(),
  group: z.string().nullable(),
  /** First sentence of the measure, without number, responsibility clause and final 。 */
  title: z.string(),
  /** The full official text after the number, responsibility clause included; paragraphs joined by '\n'. */
  text: z.string(),
  due: isoDate.nullable(),
  /**
   * A deadline that recurs or never ends, from the measure's 完成时限 (每季度末 → quarterly,
   * 长期坚持 → ongoing); absent when there is none. Optional: plan JSON v1 without it still reads.
   */
  recurrence: recurrenceSchema.optional(),
  departments: z.array(measureDepartmentSchema),
  /** Candidate tasks: the sentences after the title, without responsibility and deadline lines. */
  tasks: z.array(z.string()),
});

export const planSchema = z
  .object({
    format: z.literal(PLAN_FORMAT),
    version: z.literal(PLAN_VERSION),
    title: z.string().nullable(),
    /** Title of the covering notice (…关于印发…的通知), when the plan came wrapped in one. */
    noticeTitle: z.string().nullable(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: isoDate.nullable(),
    /** The covering notice's addressees and body, paragraphs joined by '\n'. */
    noticeText: z.string(),
    /** Paragraphs between the plan title and the first numbered heading. */
    preamble: z.string(),
    chapters: z.array(chapterSchema),
    groups: z.array(groupSchema),
    deadlines: z.array(deadlineSchema),
    departments: z.array(planDepartmentSchema),
    requirements: z.array(requirementSchema),
    measures: z.array(measureSchema),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.measures.forEach((measure, index) => {
      if (seen.has(measure.code)) {
        ctx.addIssue({ code: 'custom', message: `duplicate measure code ${measure.code}`, path: ['measures', index, 'code'] });
      }
      seen.add(measure.code);
    });
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanChapter = z.infer<typeof chapterSchema>;
export type PlanGroup = z.infer<typeof groupSchema>;
export type PlanDeadline = z.infer<typeof deadlineSchema>;
export type PlanDepartment = z.infer<typeof planDepartmentSchema>;
export type PlanRequirement = z.infer<typeof requirementSchema>;
export type PlanMeasure = z.infer<typeof measureSchema>;
export type MeasureDepartment = z.infer<typeof measureDepartmentSchema>;
export type DepartmentRole = z.infer<typeof departmentRoleSchema>;
export type PlanRecurrence = z.infer<typeof recurrenceSchema>;

/** What the parser could not place or resolve; the plan is still produced. */
export const PLAN_WARNING_CODES = [
  /** A paragraph after a finished measure that belongs nowhere. */
  'plan.unplaced_paragraph',
  /** A responsibility or 完成时限 line with no measure before it. */
  'plan.orphan_clause',
  /** A measure whose text names no responsible department. */
  'plan.measure_no_department',
  /** A measure's 完成时限 or deadline phrase whose date could not be worked out. */
  'plan.due_unresolved',
  /** A reporting deadline whose date could not be worked out (no year, 每年…). */
  'plan.deadline_unresolved',
  /** Two items with the same number at the same place; the later one's code gets a suffix. */
  'plan.duplicate_number',
  /** Numbered headings but not one measure or requirement. */
  'plan.no_measures',
  /** No plan title was found. */
  'plan.title_missing',
] as const;

export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

export const planWarningSchema = z.object({
  code: z.enum(PLAN_WARNING_CODES),
  /** 1-based line of the paragraph in the source text. */
  line: z.number().int().min(1),
  /** The paragraph concerned, cut to about 200 characters. */
  text: z.string(),
});

export type PlanWarning = z.infer<typeof planWarningSchema>;

/** The i18n key of a warning inside the planParser messages: 'plan.orphan_clause' → 'warnings.plan_orphan_clause'. */
export function planWarningMessageKey(code: PlanWarningCode): string {
  return `warnings.${code.replace('.', '_')}`;
}
