import { describe, expect, it } from 'vitest';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { insertSubmission } from '../../electron/db/repos/submissions';
import { activeOfficePlan, planMeasure } from '../../electron/services/office/matrix';
import type { ReportData } from '../../shared/report/data';
import { reportData } from '../fixtures/report-data';
import { expectApiError, useBackends, type TestBackend } from '../support/backend';
import { seedPlanSha256, signerOf, submissionRow } from '../support/submissions';

const open = useBackends();

/** The fixture report as `department` sent it for `period`, with its narrative for 2.1.1 replaced. */
function report(department: string, period: { from: string; to: string; label: string }, workDone: string, percent = 50): ReportData {
  const data = structuredClone(reportData);
  data.department = department;
  data.period = period;
  data.plan.sha256 = seedPlanSha256;
  const measure = data.measures.find((m) => m.code === '2.1.1');
  if (!measure) throw new Error('fixture changed');
  measure.workDone = workDone;
  measure.percent = percent;
  return data;
}

const h2 = { from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' };

function receive(backend: TestBackend, department: string, period: string, generatedAt: string, data: ReportData | null): number {
  return insertSubmission(
    backend.ctx.db,
    submissionRow(department, period, generatedAt, { report: data === null ? null : JSON.stringify(data) }),
  );
}

describe('office.rollup', () => {
  it('shows every department the plan assigns to the measure, from its current report on it', async () => {
    const backend = await open();
    receive(backend, '经济和信息化', '2016-H2', '2017-01-10T09:00:00+08:00', report('经济和信息化', h2, '初稿'));
    const current = receive(backend, '经济和信息化', '2016-H2', '2017-01-20T09:00:00+08:00', report('经济和信息化', h2, '修订稿', 80));
    // A later period whose report leaves the measure out does not hide the one that has it.
    const q1 = report('经济和信息化', { from: '2017-01-01', to: '2017-03-31', label: '2017年第一季度' }, '');
    q1.measures = q1.measures.filter((m) => m.code !== '2.1.1');
    receive(backend, '经济和信息化', '2017-Q1', '2017-04-02T09:00:00+08:00', q1);
    setTrustedSigner(backend.ctx.db, signerOf('经济和信息化'), '经济和信息化', '2017-01-01T00:00:00Z');
    const fromQuality = receive(backend, '质监', '2016-H2', '2017-01-15T09:00:00+08:00', report('质监', h2, '质监局的情况'));
    // 财政 is not assigned to 2.1.1: its report on it is not shown.
    receive(backend, '财政', '2016-H2', '2017-01-15T09:00:00+08:00', report('财政', h2, '财政厅的情况'));

    const rollup = await backend.call('office.rollup', { code: '2.1.1' });
    const assigned = planMeasure(backend.ctx.db, activeOfficePlan(backend.ctx.db).id, '2.1.1')?.departments ?? [];
    expect(rollup).toMatchObject({ code: '2.1.1', label: '(一)1' });
    expect(rollup.rows.map((row) => [row.department, row.role])).toEqual(assigned.map((d) => [d.name, d.role]));
    expect(rollup.rows.find((row) => row.department === '经济和信息化')).toMatchObject({
      submissionId: current,
      period: h2,
      trust: 'trusted',
      measure: { code: '2.1.1', workDone: '修订稿', percent: 80 },
    });
    expect(rollup.rows.find((row) => row.department === '质监')).toMatchObject({
      submissionId: fromQuality,
      trust: 'unknown',
      measure: { workDone: '质监局的情况' },
    });
    expect(rollup.rows.some((row) => row.department === '财政')).toBe(false);
    const silent = rollup.rows.filter((row) => !['经济和信息化', '质监'].includes(row.department));
    expect(silent.length).toBeGreaterThan(0);
    for (const row of silent) expect(row).toMatchObject({ submissionId: null, period: null, trust: null, measure: null });

    await expectApiError(backend.call('office.rollup', { code: '9.9.9' }), 'measure.not_found');
  });
});

describe('office.diff', () => {
  it('compares two versions of the same report, and refuses two different reports', async () => {
    const backend = await open();
    const older = receive(backend, '经济和信息化', '2016-H2', '2017-01-10T09:00:00+08:00', report('经济和信息化', h2, '初稿', 40));
    const newer = receive(backend, '经济和信息化', '2016-H2', '2017-01-20T09:00:00+08:00', report('经济和信息化', h2, '修订稿', 80));
    const diff = await backend.call('office.diff', { older, newer });
    expect(diff.older).toMatchObject({ id: older, supersededBy: newer });
    expect(diff.newer).toMatchObject({ id: newer, supersededBy: null });
    expect(diff.entries).toEqual([
      { scope: 'measure', code: '2.1.1', item: null, field: 'progress', before: 40, after: 80 },
      { scope: 'measure', code: '2.1.1', item: null, field: 'workDone', before: '初稿', after: '修订稿' },
    ]);

    const otherPeriod = receive(backend, '经济和信息化', '2017-Q1', '2017-04-02T09:00:00+08:00', report('经济和信息化', h2, ''));
    const otherDepartment = receive(backend, '财政', '2016-H2', '2017-01-15T09:00:00+08:00', report('财政', h2, ''));
    const unreadable = receive(backend, '经济和信息化', '2016-H2', '2017-01-25T09:00:00+08:00', null);
    await expectApiError(backend.call('office.diff', { older, newer: otherPeriod }), 'office.not_same_report');
    await expectApiError(backend.call('office.diff', { older, newer: otherDepartment }), 'office.not_same_report');
    await expectApiError(backend.call('office.diff', { older, newer: unreadable }), 'office.report_unreadable');
    await expectApiError(backend.call('office.diff', { older, newer: 999 }), 'office.submission_not_found');
  });
});
