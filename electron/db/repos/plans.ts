import type { PlanReader } from '../../../shared/plan/source';
import type { Db } from '../database';

export interface PlanSummaryRow {
  id: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  importedAt: string;
  sourceName: string;
  measureCount: number;
  departmentCount: number;
}

const summaryColumns = `p.id, p.title, p.doc_number AS docNumber, p.issuer, p.issued_on AS issuedOn,
  p.imported_at AS importedAt, p.source_name AS sourceName,
  (SELECT count(*) FROM measure m WHERE m.plan_id = p.id) AS measureCount,
  (SELECT count(DISTINCT md.department_id) FROM measure m JOIN measure_department md ON md.measure_id = m.id
    WHERE m.plan_id = p.id) AS departmentCount`;

export function findPlanSummary(db: Db, planId: number): PlanSummaryRow | undefined {
  return db.prepare(`SELECT ${summaryColumns} FROM plan p WHERE p.id = ?`).get(planId) as PlanSummaryRow | undefined;
}

export function listPlanSummaries(db: Db): PlanSummaryRow[] {
  return db.prepare(`SELECT ${summaryColumns} FROM plan p ORDER BY p.imported_at DESC, p.id DESC`).all() as PlanSummaryRow[];
}

export function planExists(db: Db, planId: number): boolean {
  return db.prepare('SELECT 1 FROM plan WHERE id = ?').get(planId) !== undefined;
}

export function findLatestPlanId(db: Db): number | undefined {
  const row = db.prepare('SELECT id FROM plan ORDER BY imported_at DESC, id DESC LIMIT 1').get() as { id: number } | undefined;
  return row?.id;
}

export function findPlanBySha(db: Db, sha256: string): { id: number; title: string } | undefined {
  return db.prepare('SELECT id, title FROM plan WHERE source_sha256 = ?').get(sha256) as { id: number; title: string } | undefined;
}

/** A plan whose stored content is exactly `content` (stored canonically, see services/plan/import.ts). */
export function findPlanByContent(db: Db, content: string): { id: number; title: string } | undefined {
  return db.prepare('SELECT id, title FROM plan WHERE content = ? ORDER BY id LIMIT 1').get(content) as
    { id: number; title: string } | undefined;
}

/** The plan's own JSON as imported (deadlines, requirements, chapters…). */
export function readPlanContent(db: Db, planId: number): unknown {
  const row = db.prepare('SELECT content FROM plan WHERE id = ?').get(planId) as { content: string } | undefined;
  return row ? (JSON.parse(row.content) as unknown) : undefined;
}

export interface NewPlan {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  sourceName: string;
  sourceKind: PlanReader;
  sourceSha256: string;
  sourceText: string;
  content: string;
  importedAt: string;
}

export function insertPlan(db: Db, plan: NewPlan): number {
  return Number(
    db
      .prepare(
        `INSERT INTO plan (title, doc_number, issuer, issued_on, source_name, source_kind, source_sha256, source_text, content, imported_at)
         VALUES (@title, @docNumber, @issuer, @issuedOn, @sourceName, @sourceKind, @sourceSha256, @sourceText, @content, @importedAt)`,
      )
      .run(plan).lastInsertRowid,
  );
}

export interface NewMeasure {
  planId: number;
  ordinal: number;
  code: string;
  label: string;
  chapter: string | null;
  group: string | null;
  title: string;
  text: string;
  due: string | null;
  candidateTasks: string;
}

export function insertMeasure(db: Db, measure: NewMeasure): number {
  return Number(
    db
      .prepare(
        `INSERT INTO measure (plan_id, ordinal, code, label, chapter, group_title, title, text, due, candidate_tasks)
         VALUES (@planId, @ordinal, @code, @label, @chapter, @group, @title, @text, @due, @candidateTasks)`,
      )
      .run(measure).lastInsertRowid,
  );
}

export function insertMeasureDepartment(
  db: Db,
  row: { measureId: number; departmentId: number; ordinal: number; role: string; writtenAs: string },
): void {
  db.prepare(
    `INSERT OR IGNORE INTO measure_department (measure_id, department_id, ordinal, role, written_as)
     VALUES (@measureId, @departmentId, @ordinal, @role, @writtenAs)`,
  ).run(row);
}

/** Departments named in a plan with how many of its measures each carries. */
export function planDepartmentCounts(db: Db, planId: number): { name: string; measureCount: number }[] {
  return db
    .prepare(
      `SELECT d.name, count(*) AS measureCount FROM measure m
         JOIN measure_department md ON md.measure_id = m.id JOIN department d ON d.id = md.department_id
        WHERE m.plan_id = ? GROUP BY d.id ORDER BY min(m.ordinal * 1000 + md.ordinal)`,
    )
    .all(planId) as { name: string; measureCount: number }[];
}

/** What a report says about its plan: the title, 文号 and the SHA-256 of the source imported. */
export function findPlanIdentity(
  db: Db,
  planId: number,
): { title: string; docNumber: string | null; issuer: string | null; issuedOn: string | null; sha256: string } | undefined {
  return db
    .prepare('SELECT title, doc_number AS docNumber, issuer, issued_on AS issuedOn, source_sha256 AS sha256 FROM plan WHERE id = ?')
    .get(planId) as { title: string; docNumber: string | null; issuer: string | null; issuedOn: string | null; sha256: string } | undefined;
}
