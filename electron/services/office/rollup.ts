import type { Rollup, RollupRow } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import { ReportData } from '../../../shared/report/data';
import type { Db } from '../../db/database';
import { listSubmissions, submissionReport, type SubmissionState } from '../../db/repos/submissions';
import { activeOfficePlan, planMeasure } from './matrix';
import { signerTrust } from './submissions';

/**
 * The roll-up by measure: for one measure of the active plan, every department the plan
 * assigns to it, with what its current submission says about the measure. A department's
 * latest period among its current versions that reports on the measure is the one shown;
 * a department with nothing yet has a row with measure null.
 */
export function officeRollup(db: Db, code: string): Rollup {
  const plan = activeOfficePlan(db);
  const measure = planMeasure(db, plan.id, code);
  if (!measure) throw new AppError('measure.not_found', { code });

  const current = listSubmissions(db, { planSha256: plan.sha256 });
  const byDepartment = new Map<string, SubmissionState[]>();
  for (const row of current) byDepartment.set(row.department, [...(byDepartment.get(row.department) ?? []), row]);

  const seen = new Set<string>();
  const rows: RollupRow[] = [];
  for (const { name, role } of measure.departments) {
    if (seen.has(name)) continue;
    seen.add(name);
    rows.push(rowFor(db, name, role, code, byDepartment.get(name) ?? []));
  }
  return { code, label: measure.label, title: measure.title, rows };
}

function rowFor(db: Db, department: string, role: RollupRow['role'], code: string, candidates: SubmissionState[]): RollupRow {
  // Latest period first (by its end, then its start), then the latest generated.
  const ordered = [...candidates].sort(
    (a, b) => b.periodTo.localeCompare(a.periodTo) || b.periodFrom.localeCompare(a.periodFrom) || b.generatedMs - a.generatedMs,
  );
  for (const row of ordered) {
    const text = submissionReport(db, row.id);
    if (text === null) continue;
    const parsed = ReportData.safeParse(JSON.parse(text));
    const entry = parsed.success ? parsed.data.measures.find((candidate) => candidate.code === code) : undefined;
    if (!entry) continue;
    return {
      department,
      role,
      submissionId: row.id,
      period: { from: row.periodFrom, to: row.periodTo, label: row.periodLabel },
      trust: signerTrust(row.department, row.registeredAs),
      measure: entry,
    };
  }
  return { department, role, submissionId: null, period: null, trust: null, measure: null };
}
