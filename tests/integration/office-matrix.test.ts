import { describe, expect, it } from 'vitest';
import type { Matrix, MatrixCell } from '../../shared/api/calls/office';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { insertSubmission } from '../../electron/db/repos/submissions';
import { officeStatus } from '../../electron/services/office/matrix';
import { seedDepartmentNames } from '../support/seed';
import { expectApiError, useBackends, type TestBackend } from '../support/backend';
import { hexFor, signerOf, submissionRow } from '../support/submissions';
import { fixtureText } from '../unit/plan/helpers';

const open = useBackends();
const now = new Date('2017-03-15T04:00:00Z');

/**
 * The office's data for the seed plan (its one plan-level deadline: 2017-01-31):
 * - 质监: the seed's custom period 2016-07-07..2017-01-31, signed on the deadline day.
 * - 财政: 2017-01, first signed 2017-02-01 00:30 in +08:00 (still 31 January in UTC: the
 *   signer's own calendar decides), corrected on 2017-02-10: late by one day, two versions.
 * - 商务: 2017-01 on time, signer not registered.
 * - 发展改革: 2016-H2 exactly, signed by a key registered for 财政 (mismatch).
 * - 某市: not named by the plan. Another plan's package for 质监 is ignored.
 */
async function officeWithSubmissions(): Promise<TestBackend> {
  const backend = await open({ now: () => now });
  const db = backend.ctx.db;
  insertSubmission(db, submissionRow('质监', '2016-07-07..2017-01-31', '2017-01-31T17:00:00+08:00'));
  insertSubmission(db, submissionRow('财政', '2017-01', '2017-02-01T00:30:00+08:00'));
  insertSubmission(
    db,
    submissionRow('财政', '2017-01', '2017-02-10T09:00:00+08:00', { summary: JSON.stringify({ tasks: 4, tasksDone: 3 }) }),
  );
  insertSubmission(db, submissionRow('商务', '2017-01', '2017-01-20T09:00:00+08:00'));
  insertSubmission(db, submissionRow('发展改革', '2016-H2', '2017-01-05T09:00:00+08:00', { signer: '财政' }));
  insertSubmission(db, submissionRow('某市', '2017-01', '2017-01-10T09:00:00+08:00'));
  insertSubmission(db, submissionRow('质监', '2016-12', '2016-12-30T09:00:00+08:00', { planSha256: hexFor('another plan') }));
  for (const department of ['质监', '财政']) setTrustedSigner(db, signerOf(department), department, now.toISOString());
  return backend;
}

function cell(matrix: Matrix, department: string, key: string): MatrixCell {
  const column = matrix.periods.findIndex((period) => period.key === key);
  const found = matrix.rows.find((row) => row.department === department)?.cells[column];
  if (!found) throw new Error(`no cell ${department} ${key}`);
  return found;
}

describe('office.matrix', () => {
  it('lists every department of the plan by month, from its issue to today, with each cell in its state', async () => {
    const backend = await officeWithSubmissions();
    const matrix = await backend.call('office.matrix', { granularity: 'month' });

    expect(matrix.rows.map((row) => row.department)).toEqual(seedDepartmentNames);
    expect(matrix.periods.map((period) => period.key)).toEqual([
      '2016-07',
      '2016-08',
      '2016-09',
      '2016-10',
      '2016-11',
      '2016-12',
      '2017-01',
      '2017-02',
      '2017-03',
    ]);
    expect(matrix.periods[0]).toEqual({ key: '2016-07', label: '2016年7月', from: '2016-07-01', to: '2016-07-31', deadline: '2017-01-31' });
    expect(matrix.periods.at(-1)?.deadline).toBeNull();

    expect(cell(matrix, '质监', '2017-01')).toMatchObject({
      status: 'received',
      daysLate: null,
      versions: 1,
      tasks: { total: 5, done: 2 },
    });
    // The custom period fills only the month it ends in; earlier months are still due.
    expect(cell(matrix, '质监', '2016-12')).toMatchObject({ status: 'missing_overdue', daysLate: 43, submissionId: null });
    expect(cell(matrix, '财政', '2017-01')).toMatchObject({
      status: 'received_late',
      daysLate: 1,
      versions: 2,
      generatedAt: '2017-02-10T09:00:00+08:00',
      tasks: { total: 4, done: 3 },
    });
    expect(cell(matrix, '商务', '2017-01')).toMatchObject({ status: 'untrusted', versions: 1 });
    expect(cell(matrix, '发展改革', '2016-12')).toMatchObject({ status: 'untrusted' });
    // No deadline after January: missing, never overdue.
    expect(cell(matrix, '质监', '2017-02')).toMatchObject({ status: 'missing', daysLate: null });
    expect(matrix.otherDepartments).toEqual(['某市']);
  });

  it('turns untrusted cells into received once the signer is registered for that department', async () => {
    const backend = await officeWithSubmissions();
    setTrustedSigner(backend.ctx.db, signerOf('商务'), '商务', now.toISOString());
    setTrustedSigner(backend.ctx.db, signerOf('财政'), '发展改革', now.toISOString());
    const matrix = await backend.call('office.matrix', { granularity: 'month' });
    expect(cell(matrix, '商务', '2017-01').status).toBe('received');
    expect(cell(matrix, '发展改革', '2016-12').status).toBe('received');
    // The key moved to 发展改革, so 财政's own package is now signed by another department's key.
    expect(cell(matrix, '财政', '2017-01').status).toBe('untrusted');
  });

  it('fills quarters, halves and years with the reports that end in them', async () => {
    const backend = await officeWithSubmissions();
    const quarters = await backend.call('office.matrix', { granularity: 'quarter' });
    expect(quarters.periods.map((period) => [period.key, period.label, period.deadline])).toEqual([
      ['2016-Q3', '2016年第三季度', '2017-01-31'],
      ['2016-Q4', '2016年第四季度', '2017-01-31'],
      ['2017-Q1', '2017年第一季度', null],
    ]);
    expect(cell(quarters, '质监', '2017-Q1').status).toBe('received');
    // A report counts where it ends if it starts at or before the cell: January stands for
    // Q1 (no deadline for Q1, so not late there), February does not; the half-year report ending in Q4 does.
    expect(cell(quarters, '财政', '2017-Q1')).toMatchObject({ status: 'received', daysLate: null, versions: 2 });
    insertSubmission(backend.ctx.db, submissionRow('教育', '2017-02', '2017-03-01T09:00:00+08:00', { signer: '质监' }));
    expect(cell(await backend.call('office.matrix', { granularity: 'quarter' }), '教育', '2017-Q1').status).toBe('missing');
    expect(cell(quarters, '发展改革', '2016-Q4')).toMatchObject({ status: 'untrusted', versions: 1 });
    expect(cell(quarters, '质监', '2016-Q4')).toMatchObject({ status: 'missing_overdue' });

    const halves = await backend.call('office.matrix', { granularity: 'half' });
    expect(halves.periods.map((period) => period.key)).toEqual(['2016-H2', '2017-H1']);
    expect(cell(halves, '质监', '2017-H1').status).toBe('received');
    expect(cell(halves, '发展改革', '2016-H2').status).toBe('untrusted');

    const years = await backend.call('office.matrix', { granularity: 'year' });
    expect(years.periods.map((period) => [period.key, period.from, period.to])).toEqual([
      ['2016', '2016-01-01', '2016-12-31'],
      ['2017', '2017-01-01', '2017-12-31'],
    ]);
    expect(cell(years, '质监', '2017').status).toBe('received');
    expect(cell(years, '发展改革', '2016').status).toBe('missing_overdue');
  });

  it('prefers the exact period when several end in the same cell', async () => {
    const backend = await officeWithSubmissions();
    const exact = insertSubmission(backend.ctx.db, submissionRow('质监', '2017-01', '2017-01-25T09:00:00+08:00'));
    const matrix = await backend.call('office.matrix', { granularity: 'month' });
    expect(cell(matrix, '质监', '2017-01')).toMatchObject({ submissionId: exact, versions: 1 });
  });

  it('shows the months asked for, and refuses a range that is backwards or wider than ten years in words', async () => {
    const backend = await officeWithSubmissions();
    const chosen = await backend.call('office.matrix', { granularity: 'month', from: '2017-01', to: '2017-02' });
    expect(chosen.periods.map((period) => period.key)).toEqual(['2017-01', '2017-02']);
    const oneQuarter = await backend.call('office.matrix', { granularity: 'quarter', from: '2017-02', to: '2017-02' });
    expect(oneQuarter.periods.map((period) => period.key)).toEqual(['2017-Q1']);

    await expectApiError(backend.call('office.matrix', { granularity: 'month', from: '2017-02', to: '2017-01' }), 'office.range_invalid');
    await expectApiError(backend.call('office.matrix', { granularity: 'year', from: '2010-01', to: '2020-01' }), 'office.range_invalid');
    await expectApiError(backend.call('office.matrix', { granularity: 'month', from: '2017-13' } as never), 'request.invalid');
  });

  it('keeps the default to the plan’s first ten years when today is far later', async () => {
    const backend = await open({ now: () => new Date('2031-05-01T04:00:00Z') });
    const matrix = await backend.call('office.matrix', { granularity: 'month' });
    expect(matrix.periods).toHaveLength(120);
    expect(matrix.periods[0]?.key).toBe('2016-07');
    expect(matrix.periods.at(-1)?.key).toBe('2026-06');
  });
});

describe('office.matrix for another plan', () => {
  it('leaves out collective names (各区政府, 市政府各部门) and uses that plan’s deadline and submissions only', async () => {
    const backend = await open({ now: () => new Date('2018-01-10T04:00:00Z') });
    const preview = await backend.call('plans.previewText', { text: fixtureText('deadlines-and-collectives.txt'), name: '营商环境' });
    expect(preview.plan.departments).toContainEqual(expect.objectContaining({ name: '各区政府', collective: true }));
    await backend.call('plans.import', { previewId: preview.previewId });
    // A package made for the seed plan does not count for this one.
    insertSubmission(backend.ctx.db, submissionRow('市发展改革委', '2017-12', '2017-12-20T09:00:00+08:00'));

    const matrix = await backend.call('office.matrix', { granularity: 'quarter', from: '2017-01', to: '2017-12' });
    const departments = matrix.rows.map((row) => row.department);
    expect(departments).toContain('市发展改革委');
    expect(departments).toContain('市财政局');
    expect(departments.some((name) => name.startsWith('各') || name.includes('各部门'))).toBe(false);
    expect(matrix.periods.map((period) => [period.key, period.deadline])).toEqual([
      ['2017-Q1', '2017-12-31'],
      ['2017-Q2', '2017-12-31'],
      ['2017-Q3', '2017-12-31'],
      ['2017-Q4', '2017-12-31'],
    ]);
    expect(cell(matrix, '市发展改革委', '2017-Q4')).toMatchObject({ status: 'missing_overdue', daysLate: 10 });
    expect(matrix.otherDepartments).toEqual([]);
  });
});

describe('office-status (one period)', () => {
  it('lists all 27 departments with received, untrusted or missing, and lateness against the deadline', async () => {
    const backend = await officeWithSubmissions();
    const status = officeStatus(backend.ctx, '2017-01');
    expect(status).toMatchObject({ period: '2017-01', label: '2017年1月', deadline: '2017-01-31' });
    expect(status.departments).toHaveLength(27);
    const of = (name: string) => status.departments.find((row) => row.department === name);
    expect(of('质监')).toMatchObject({ status: 'received', late: false, tasks: { total: 5, done: 2 } });
    expect(of('财政')).toMatchObject({ status: 'received', late: true });
    expect(of('商务')).toMatchObject({ status: 'untrusted', late: false });
    expect(of('教育')).toEqual({ department: '教育', status: 'missing', late: true });
    // The custom period itself, as the department wrote it.
    expect(officeStatus(backend.ctx, '2016-07-07..2017-01-31').departments.find((row) => row.department === '质监')?.status).toBe(
      'received',
    );
    expect(() => officeStatus(backend.ctx, '2017-13')).toThrow(expect.objectContaining({ code: 'report.period_invalid' }));
  });
});
