import type { Db } from '../database';

export interface PlanSummaryRow {
  id: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  importedAt: string;
  measureCount: number;
  departmentCount: number;
}

export function findPlanSummary(db: Db, planId: number): PlanSummaryRow | undefined {
  return db
    .prepare(
      `SELECT p.id, p.title, p.doc_number AS docNumber, p.issuer, p.issued_on AS issuedOn, p.imported_at AS importedAt,
              (SELECT count(*) FROM measure m WHERE m.plan_id = p.id) AS measureCount,
              (SELECT count(DISTINCT md.department_id) FROM measure m JOIN measure_department md ON md.measure_id = m.id
                WHERE m.plan_id = p.id) AS departmentCount
         FROM plan p WHERE p.id = ?`,
    )
    .get(planId) as PlanSummaryRow | undefined;
}

export function findLatestPlanId(db: Db): number | undefined {
  const row = db.prepare('SELECT id FROM plan ORDER BY imported_at DESC, id DESC LIMIT 1').get() as { id: number } | undefined;
  return row?.id;
}
