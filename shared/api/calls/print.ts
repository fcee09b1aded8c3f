import { z } from 'zod';
import { call } from '../define';
import { DepartmentName, IsoDate } from './common';
import { SaveTargetId } from './files';
import { DepartmentRole, MeasureCode, Task } from './workspace';

export const pageOrientations = ['portrait', 'landscape'] as const;
export const PageOrientation = z.enum(pageOrientations);
export type PageOrientation = z.infer<typeof PageOrientation>;

/** A task as the checklist prints it. */
export const ChecklistTask = Task.pick({ id: true, text: true, status: true, progress: true, owner: true, due: true, notes: true });
export type ChecklistTask = z.infer<typeof ChecklistTask>;

export const ChecklistMeasure = z.object({
  code: MeasureCode,
  label: z.string(),
  chapter: z.string().nullable(),
  group: z.string().nullable(),
  title: z.string(),
  /** The measure's official text as the plan words it. */
  text: z.string(),
  due: IsoDate.nullable(),
  role: DepartmentRole,
  /** This department's tasks for the measure, in their order; empty when not yet broken down. */
  tasks: z.array(ChecklistTask),
});
export type ChecklistMeasure = z.infer<typeof ChecklistMeasure>;

/** Everything a printed task checklist shows, for one department of the active plan. */
export const Checklist = z.object({
  plan: z.object({ title: z.string(), docNumber: z.string().nullable(), issuer: z.string().nullable() }),
  department: DepartmentName,
  /** The local calendar date the checklist was produced. */
  printedAt: IsoDate,
  /** Assigned measures in document order (only the requested one when filtered). */
  measures: z.array(ChecklistMeasure),
});
export type Checklist = z.infer<typeof Checklist>;

export const printCalls = {
  /** Any department of the active plan may be printed, not only the coordinator's own. */
  'print.checklist': call(z.object({ department: DepartmentName, measure: MeasureCode.nullable().default(null) }).strict(), Checklist),
  /** Desktop only: the system print dialog for the window's current view (print CSS shows only the document). */
  'print.dialog': call(z.object({ orientation: PageOrientation }).strict(), z.object({ printed: z.boolean() })),
  /** Desktop only: the window's current view as an A4 PDF, written atomically to a target from files.chooseSaveTarget. */
  'print.savePdf': call(
    z.object({ targetId: SaveTargetId, orientation: PageOrientation }).strict(),
    z.object({ name: z.string(), size: z.number().int().nonnegative() }),
  ),
};
