import { z } from 'zod';
import type { CellStatus, Matrix, MatrixCell, MatrixGranularity, MatrixPeriod } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import { daysBetween, localDate } from '../../../shared/dates';
import { planSchema, type PlanMeasure } from '../../../shared/plan';
import { parsePeriod } from '../../../shared/report/period';
import type { Db } from '../../db/database';
import { findPlanIdentity, readPlanContent } from '../../db/repos/plans';
import { listTrustedSigners } from '../../db/repos/reports';
import { listPlanSubmissionCells, type SubmissionCellRow } from '../../db/repos/submissions';
import type { ServiceContext } from '../context';
import { activePlanId } from '../plan/active';
import { signerTrust } from './submissions';

/**
 * The completeness matrix: the active plan's departments × periods, each cell received,
 * received late, untrusted, missing or missing and overdue.
 *
 * Rules (kept simple so a coordinator can predict them):
 * - Only packages made for the active plan count (their manifest's plan.sha256 is the plan's
 *   source hash, as the report builder writes it).
 * - A package fills the cell in which its period ENDS, provided it starts at or before the
 *   cell's start: an exact 2016-Q3 report fills 2016-Q3; the seed's custom period
 *   2016-07-07..2017-01-31 fills the month 2017-01, 2017-Q1, 2017-H1 and 2017 (it reports on
 *   all of them up to its end); a January report fills 2017-Q1, a February one does not (it
 *   starts after the quarter does). When several periods fill one cell, the exact one wins,
 *   else the one generated last.
 * - The cell's deadline is the first plan-level reporting deadline (one no measure sets) on or
 *   after the period's end; none → no deadline, never overdue or late.
 * - Late: the FIRST version for the cell was generated after the deadline day ended, on the
 *   calendar of the offset it was signed in. Generation, not arrival: mail and USB sticks
 *   take days, and a department that signed on time did report on time. A correction sent
 *   later does not make a punctual report late.
 * - Untrusted: the current version's signer is not registered for that department.
 */

/** The widest range the matrix shows (ten years of months). */
export const maxMatrixMonths = 120;

export interface OfficePlan {
  id: number;
  sha256: string;
  title: string;
  /** A short name for file names: the document number when there is one, else the title. */
  shortName: string;
  issuedOn: string | null;
  /** The departments the plan names, in the plan's order (collective names such as 各市 left out). */
  departments: string[];
  /** Plan-level reporting deadlines, sorted. */
  deadlines: string[];
}

// Only the parts the office needs, each read on its own: a plan stored by an older version still shows.
const PlanParts = z.object({
  departments: planSchema.shape.departments.catch([]),
  deadlines: planSchema.shape.deadlines.catch([]),
});
const PlanMeasures = z.object({ measures: z.array(z.unknown()).catch([]) });

/** The active plan as the office needs it; refuses when there is none or it names no department. */
export function activeOfficePlan(db: Db): OfficePlan {
  const id = activePlanId(db);
  if (id === null) throw new AppError('plan.none');
  const identity = findPlanIdentity(db, id);
  if (!identity) throw new AppError('plan.none');
  const parts = PlanParts.parse(readPlanContent(db, id) ?? {});
  const departments = parts.departments.filter((department) => department.collective !== true).map((department) => department.name);
  if (departments.length === 0) throw new AppError('office.no_plan_departments');
  return {
    id,
    sha256: identity.sha256,
    title: identity.title,
    shortName: identity.docNumber ?? identity.title,
    issuedOn: identity.issuedOn,
    departments,
    deadlines: parts.deadlines
      .filter((deadline) => deadline.measure === null)
      .map((deadline) => deadline.date)
      .sort(),
  };
}

/** One measure of a stored plan as the plan JSON has it, or undefined. */
export function planMeasure(db: Db, planId: number, code: string): PlanMeasure | undefined {
  const { measures } = PlanMeasures.parse(readPlanContent(db, planId) ?? {});
  const found = measures.find((measure) => (measure as { code?: unknown } | null)?.code === code);
  const parsed = planSchema.shape.measures.element.safeParse(found);
  return parsed.success ? parsed.data : undefined;
}

// ---- periods ----------------------------------------------------------------------------

type Month = { year: number; month: number };

const monthIndex = ({ year, month }: Month) => year * 12 + (month - 1);
const monthOf = (text: string): Month => ({ year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) });
const monthText = (index: number) => `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The period key (as parsePeriod spells it) of the `granularity` period containing a month. */
function periodKey(index: number, granularity: MatrixGranularity): string {
  const year = String(Math.floor(index / 12));
  const month = (index % 12) + 1;
  switch (granularity) {
    case 'month':
      return monthText(index);
    case 'quarter':
      return `${year}-Q${String(Math.ceil(month / 3))}`;
    case 'half':
      return `${year}-H${month <= 6 ? '1' : '2'}`;
    case 'year':
      return year;
  }
}

/** The first deadline on or after `periodEnd`, or null. */
export function deadlineFor(deadlines: readonly string[], periodEnd: string): string | null {
  return deadlines.find((date) => date >= periodEnd) ?? null;
}

/** Periods of a granularity covering the months from…to (YYYY-MM), each with its deadline. */
export function matrixPeriods(granularity: MatrixGranularity, from: string, to: string, deadlines: readonly string[]): MatrixPeriod[] {
  const periods: MatrixPeriod[] = [];
  for (let index = monthIndex(monthOf(from)); index <= monthIndex(monthOf(to)); index += 1) {
    const key = periodKey(index, granularity);
    if (periods.at(-1)?.key === key) continue;
    const period = parsePeriod(key);
    if (!period) throw new Error(`unreadable period key ${key}`);
    periods.push({ key, label: period.label, from: period.from, to: period.to, deadline: deadlineFor(deadlines, period.to) });
  }
  return periods;
}

/**
 * The months shown: those asked for, else from the plan's issue to the month of its last
 * deadline or today, whichever is later (at most the plan's first ten years: its own months
 * matter more than a decade of empty ones).
 */
export function matrixRange(
  plan: Pick<OfficePlan, 'issuedOn' | 'deadlines'>,
  today: string,
  request: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } {
  const lastDeadline = plan.deadlines.at(-1) ?? today;
  const defaultTo = (lastDeadline > today ? lastDeadline : today).slice(0, 7);
  const defaultFrom = (plan.issuedOn ?? today).slice(0, 7);
  const from = request.from ?? (request.to !== undefined && request.to < defaultFrom ? request.to : defaultFrom);
  let to = request.to ?? defaultTo;
  if (request.to === undefined) {
    const capped = monthText(monthIndex(monthOf(from)) + maxMatrixMonths - 1);
    if (to > capped) to = capped;
    if (to < from) to = from;
  }
  const months = monthIndex(monthOf(to)) - monthIndex(monthOf(from)) + 1;
  if (months < 1 || months > maxMatrixMonths) throw new AppError('office.range_invalid', { from, to, max: maxMatrixMonths });
  return { from, to };
}

// ---- cells ------------------------------------------------------------------------------

/** The versions of one department's report for one period, the current one first. */
interface Slot {
  periodFrom: string;
  periodTo: string;
  versions: SubmissionCellRow[];
}

/** Groups one plan's submissions by department and period, each slot's current version first. */
export function groupSlots(rows: readonly SubmissionCellRow[]): Map<string, Slot[]> {
  const byDepartment = new Map<string, Map<string, Slot>>();
  for (const row of rows) {
    let slots = byDepartment.get(row.department);
    if (!slots) byDepartment.set(row.department, (slots = new Map()));
    const key = `${row.periodFrom}..${row.periodTo}`;
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { periodFrom: row.periodFrom, periodTo: row.periodTo, versions: [] }));
    slot.versions.push(row);
  }
  const result = new Map<string, Slot[]>();
  for (const [department, slots] of byDepartment) {
    const list = [...slots.values()];
    // The same order as the repository's current version: latest generated, then latest stored.
    for (const slot of list) slot.versions.sort((a, b) => b.generatedMs - a.generatedMs || b.id - a.id);
    result.set(department, list);
  }
  return result;
}

/** The slot that fills a cell: it ends inside the cell and starts at or before its start; exact first, else the latest generated. */
function slotForCell(slots: readonly Slot[] | undefined, cell: { from: string; to: string }): Slot | null {
  let best: Slot | null = null;
  for (const slot of slots ?? []) {
    if (slot.periodTo < cell.from || slot.periodTo > cell.to || slot.periodFrom > cell.from) continue;
    if (slot.periodFrom === cell.from && slot.periodTo === cell.to) return slot;
    if (!best || (slot.versions[0]?.generatedMs ?? 0) > (best.versions[0]?.generatedMs ?? 0)) best = slot;
  }
  return best;
}

const counter = (summary: Record<string, unknown>, key: string) => {
  const value = summary[key];
  return typeof value === 'number' && Number.isInteger(value) ? value : 0;
};

function tasksOf(row: SubmissionCellRow): MatrixCell['tasks'] {
  try {
    const summary = JSON.parse(row.summary) as Record<string, unknown>;
    return { total: counter(summary, 'tasks'), done: counter(summary, 'tasksDone') };
  } catch {
    return null;
  }
}

/** One cell: what came for a department in a period, judged against the period's deadline on `today`. */
export function matrixCell(
  slots: readonly Slot[] | undefined,
  period: Pick<MatrixPeriod, 'from' | 'to' | 'deadline'>,
  today: string,
  registrations: ReadonlyMap<string, string>,
): MatrixCell {
  const slot = slotForCell(slots, period);
  const current = slot?.versions[0];
  if (!slot || !current) {
    const overdue = period.deadline !== null && today > period.deadline;
    return {
      status: overdue ? 'missing_overdue' : 'missing',
      submissionId: null,
      packageSha256: null,
      generatedAt: null,
      receivedAt: null,
      daysLate: overdue && period.deadline !== null ? daysBetween(period.deadline, today) : null,
      versions: 0,
      tasks: null,
    };
  }
  // The first version by generation: the date part of generatedAt is the signer's own calendar day.
  const first = slot.versions.at(-1) ?? current;
  const signedOn = first.generatedAt.slice(0, 10);
  const late = period.deadline !== null && signedOn > period.deadline;
  let status: CellStatus = late ? 'received_late' : 'received';
  if (signerTrust(current.department, registrations.get(current.signerFingerprint) ?? null) !== 'trusted') status = 'untrusted';
  return {
    status,
    submissionId: current.id,
    packageSha256: current.packageSha256,
    generatedAt: current.generatedAt,
    receivedAt: current.receivedAt,
    daysLate: late && period.deadline !== null ? daysBetween(period.deadline, signedOn) : null,
    versions: slot.versions.length,
    tasks: tasksOf(current),
  };
}

/** The matrix from its parts, without the database (the bench and the CLI share it). */
export function buildMatrix(input: {
  departments: readonly string[];
  periods: MatrixPeriod[];
  granularity: MatrixGranularity;
  submissions: readonly SubmissionCellRow[];
  /** Registered signers: fingerprint → the department it is registered for. */
  registrations: ReadonlyMap<string, string>;
  today: string;
}): Matrix {
  const slots = groupSlots(input.submissions);
  const named = new Set(input.departments);
  return {
    granularity: input.granularity,
    periods: input.periods,
    rows: input.departments.map((department) => {
      const own = slots.get(department);
      return { department, cells: input.periods.map((period) => matrixCell(own, period, input.today, input.registrations)) };
    }),
    otherDepartments: [...slots.keys()].filter((department) => !named.has(department)).sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}

/** Every submission (re-submissions included) made for the plan, in one query, and who the signers are registered for. */
export function planSubmissions(
  db: Db,
  plan: Pick<OfficePlan, 'sha256'>,
): { submissions: SubmissionCellRow[]; registrations: Map<string, string> } {
  return {
    submissions: listPlanSubmissionCells(db, plan.sha256),
    registrations: new Map(listTrustedSigners(db).map((signer) => [signer.fingerprint, signer.department])),
  };
}

/** office.matrix */
export function officeMatrix(
  ctx: Pick<ServiceContext, 'db' | 'now'>,
  request: { granularity: MatrixGranularity; from?: string | undefined; to?: string | undefined },
): Matrix {
  const plan = activeOfficePlan(ctx.db);
  const today = localDate(ctx.now());
  const range = matrixRange(plan, today, request);
  return buildMatrix({
    departments: plan.departments,
    periods: matrixPeriods(request.granularity, range.from, range.to, plan.deadlines),
    granularity: request.granularity,
    ...planSubmissions(ctx.db, plan),
    today,
  });
}

/** What `planledger office-status` prints for one period (any form parsePeriod reads). */
export interface OfficeStatus {
  period: string;
  label: string;
  deadline?: string;
  departments: {
    department: string;
    status: 'received' | 'untrusted' | 'missing';
    late?: boolean;
    packageSha256?: string;
    receivedAt?: string;
    tasks?: { total: number; done: number };
  }[];
}

/** Every department of the active plan for one period, by the matrix's rules. */
export function officeStatus(ctx: Pick<ServiceContext, 'db' | 'now'>, periodText: string): OfficeStatus {
  const period = parsePeriod(periodText);
  if (!period) throw new AppError('report.period_invalid', { period: periodText });
  const plan = activeOfficePlan(ctx.db);
  const today = localDate(ctx.now());
  const column: MatrixPeriod = {
    key: period.key,
    label: period.label,
    from: period.from,
    to: period.to,
    deadline: deadlineFor(plan.deadlines, period.to),
  };
  const matrix = buildMatrix({
    departments: plan.departments,
    periods: [column],
    granularity: 'month',
    ...planSubmissions(ctx.db, plan),
    today,
  });
  return {
    period: period.key,
    label: period.label,
    ...(column.deadline === null ? {} : { deadline: column.deadline }),
    departments: matrix.rows.map(({ department, cells: [cell] }) => {
      if (!cell) throw new Error('one period, one cell');
      const status = cell.status === 'untrusted' ? 'untrusted' : cell.status.startsWith('received') ? 'received' : 'missing';
      return {
        department,
        status,
        // Late whatever the trust: daysLate is set for a late first version and an overdue gap.
        ...(column.deadline === null ? {} : { late: cell.daysLate !== null }),
        ...(cell.packageSha256 === null ? {} : { packageSha256: cell.packageSha256 }),
        ...(cell.receivedAt === null ? {} : { receivedAt: cell.receivedAt }),
        ...(cell.tasks === null ? {} : { tasks: cell.tasks }),
      };
    }),
  };
}
