import { z } from 'zod';
import { call } from '../define';
import { DepartmentName, Empty, IsoDate } from './common';
import { departmentRoleSchema, recurrenceSchema } from '../../plan/schema';
import { PlanSummary } from './plan';

export const taskStatuses = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export const TaskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** As the plan schema defines it. */
export const DepartmentRole = departmentRoleSchema;
export type DepartmentRole = z.infer<typeof DepartmentRole>;

export const MeasureCode = z.string().min(1).max(40);
export const TaskId = z.number().int().positive();
/** What one task can hold; a merge that would exceed these is refused (`task.merge_too_long`). */
export const maxTaskTextLength = 2000;
export const maxTaskNotesLength = 20_000;
const TaskText = z.string().trim().min(1).max(maxTaskTextLength);
export const maxTaskOwnerLength = 100;
const Owner = z.string().trim().max(maxTaskOwnerLength);
const Notes = z.string().max(maxTaskNotesLength);

export const Task = z.object({
  id: TaskId,
  measureCode: MeasureCode,
  position: z.number().int(),
  text: z.string(),
  status: TaskStatus,
  progress: z.number().int().min(0).max(100),
  owner: z.string(),
  due: IsoDate.nullable(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;

/** How far one department is with one measure, derived from its tasks. */
export const MeasureProgress = z.object({
  code: MeasureCode,
  label: z.string(),
  title: z.string(),
  chapter: z.string().nullable(),
  group: z.string().nullable(),
  due: IsoDate.nullable(),
  role: DepartmentRole,
  total: z.number().int(),
  done: z.number().int(),
  percent: z.number().int().min(0).max(100),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  blocked: z.number().int(),
  status: TaskStatus,
  attachments: z.number().int(),
});
export type MeasureProgress = z.infer<typeof MeasureProgress>;

export const HistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  measureCode: MeasureCode,
  measureLabel: z.string(),
  measureTitle: z.string(),
  taskId: z.number().int().nullable(),
  taskText: z.string().nullable(),
  attachmentName: z.string().nullable(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Deadline = z.object({
  date: IsoDate,
  daysLeft: z.number().int(),
  text: z.string(),
  recipient: z.string().nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

export const Dashboard = z.object({
  plan: PlanSummary,
  department: DepartmentName,
  today: IsoDate,
  measures: z.array(MeasureProgress),
  totals: z.object({
    measures: z.number().int(),
    tasks: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    blocked: z.number().int(),
  }),
  nextDeadline: Deadline.nullable(),
  recentActivity: z.array(HistoryEntry),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const Attachment = z.object({
  id: z.number().int(),
  /** The task it was attached to; null for the measure itself (or when that task was deleted). */
  taskId: z.number().int().nullable(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Guessed from the name's extension, for icons; application/octet-stream when unknown. */
  mediaType: z.string(),
  addedAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const MeasureDetail = z.object({
  department: DepartmentName,
  measure: z.object({
    code: MeasureCode,
    label: z.string(),
    title: z.string(),
    text: z.string(),
    chapter: z.string().nullable(),
    group: z.string().nullable(),
    due: IsoDate.nullable(),
    /** A deadline that recurs or never ends (每季度末, 长期坚持), beside or instead of `due`; from the stored plan. */
    recurrence: recurrenceSchema.nullable(),
    departments: z.array(z.object({ name: z.string(), role: DepartmentRole, writtenAs: z.string() })),
  }),
  progress: MeasureProgress,
  tasks: z.array(Task),
  /** Sentences of the official text not yet taken on as tasks. */
  candidates: z.array(z.string()),
  attachments: z.array(Attachment),
  history: z.array(HistoryEntry),
  /** Owners used anywhere in this department, for suggestions. */
  owners: z.array(z.string()),
});
export type MeasureDetail = z.infer<typeof MeasureDetail>;

export const TaskPatch = z
  .object({
    text: TaskText,
    status: TaskStatus,
    progress: z.number().int().min(0).max(100),
    owner: Owner,
    due: IsoDate.nullable(),
    notes: Notes,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'empty patch');
export type TaskPatch = z.infer<typeof TaskPatch>;

export const workspaceCalls = {
  'workspace.dashboard': call(Empty, Dashboard),
  'workspace.measure': call(z.object({ code: MeasureCode }).strict(), MeasureDetail),
  'tasks.create': call(z.object({ measureCode: MeasureCode, texts: z.array(TaskText).min(1).max(200) }).strict(), z.array(Task)),
  'tasks.update': call(z.object({ id: TaskId, patch: TaskPatch }).strict(), Task),
  'tasks.move': call(z.object({ id: TaskId, toIndex: z.number().int().min(0) }).strict(), z.array(Task)),
  'tasks.merge': call(z.object({ id: TaskId, intoId: TaskId }).strict(), Task),
  'tasks.delete': call(z.object({ id: TaskId }).strict(), z.object({ id: TaskId })),
  'tasks.restore': call(z.object({ id: TaskId }).strict(), Task),
};
