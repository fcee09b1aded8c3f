import { z } from 'zod';

/**
 * The structured report (report.json in the package): what one department did for a plan
 * in a period, drafted from its tasks and history and completed by the coordinator. The
 * package's report.html and report.csv are rendered from exactly this.
 */
export const reportDataFormat = 'planledger-report-data';
export const reportDataVersion = 1;

// Frozen copies for format version 1, not the contract's: report.json must keep meaning
// what it meant when it was signed, whatever the app's own types become.
const IsoDate = z.iso.date();
const TaskStatus = z.enum(['not_started', 'in_progress', 'done', 'blocked']);
const Role = z.enum(['lead', 'support', 'responsible']);

export const ReportAttachment = z.object({
  name: z.string(),
  /** Where the file sits in the package, e.g. attachments/2.1.1/会议纪要.pdf. */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type ReportAttachment = z.infer<typeof ReportAttachment>;

export const ReportTask = z.object({
  text: z.string(),
  status: TaskStatus,
  progress: z.number().int().min(0).max(100),
  owner: z.string(),
  due: IsoDate.nullable(),
  notes: z.string(),
  attachments: z.array(ReportAttachment),
});
export type ReportTask = z.infer<typeof ReportTask>;

export const ReportChange = z.object({
  at: z.string(),
  actor: z.string(),
  /** The change in words, in Chinese, e.g. 任务“…”:状态 未开始 → 进行中. */
  description: z.string(),
});
export type ReportChange = z.infer<typeof ReportChange>;

export const ReportMeasure = z.object({
  code: z.string(),
  label: z.string(),
  chapter: z.string().nullable(),
  group: z.string().nullable(),
  title: z.string(),
  /** This department's role in the measure. */
  role: Role,
  due: IsoDate.nullable(),
  status: TaskStatus,
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  percent: z.number().int().min(0).max(100),
  /** 工作开展情况: the coordinator's account of the work in the period. */
  workDone: z.string(),
  tasks: z.array(ReportTask),
  /** Evidence attached to the measure itself rather than to a task. */
  attachments: z.array(ReportAttachment),
  /** Changes recorded in the period, oldest first. */
  changes: z.array(ReportChange),
});
export type ReportMeasure = z.infer<typeof ReportMeasure>;

export const ReportData = z.object({
  format: z.literal(reportDataFormat),
  version: z.literal(reportDataVersion),
  plan: z.object({
    title: z.string(),
    docNumber: z.string().nullable(),
    issuer: z.string().nullable(),
    issuedOn: IsoDate.nullable(),
    sha256: z.string(),
  }),
  department: z.string(),
  /**
   * The unit's full official name (单位全称) the report is signed off with, when the
   * coordinator set one; absent in reports made before it existed (then: department).
   */
  unitName: z.string().optional(),
  period: z.object({ from: IsoDate, to: IsoDate, label: z.string() }),
  /** ISO 8601 with the local time-zone offset. */
  generatedAt: z.string(),
  generator: z.object({ name: z.string(), version: z.string() }),
  /** 存在问题 */
  problems: z.string(),
  /** 下步打算 */
  nextSteps: z.string(),
  contact: z.object({ person: z.string(), phone: z.string() }),
  measures: z.array(ReportMeasure),
  summary: z.object({
    measures: z.number().int().nonnegative(),
    tasks: z.number().int().nonnegative(),
    tasksDone: z.number().int().nonnegative(),
    tasksInProgress: z.number().int().nonnegative(),
    tasksBlocked: z.number().int().nonnegative(),
    tasksOverdue: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
    changes: z.number().int().nonnegative(),
  }),
});
export type ReportData = z.infer<typeof ReportData>;
