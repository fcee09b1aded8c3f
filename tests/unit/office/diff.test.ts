import { describe, expect, it } from 'vitest';
import { diffReports } from '../../../electron/services/office/diff';
import type { ReportData, ReportMeasure } from '../../../shared/report/data';
import { hostileNotes, reportData } from '../../fixtures/report-data';

/** A deep copy to change freely: the fixture stays as it is for the other tests. */
const copy = (): ReportData => structuredClone(reportData);

function measureOf(data: ReportData, code: string): ReportMeasure {
  const measure = data.measures.find((candidate) => candidate.code === code);
  if (!measure) throw new Error(`no measure ${code}`);
  return measure;
}

describe('diffReports', () => {
  it('finds nothing between a report and itself', () => {
    expect(diffReports(reportData, copy())).toEqual([]);
  });

  it('lists changed report text, measure status, progress and narrative, in reading order', () => {
    const newer = copy();
    newer.problems = '无';
    newer.contact = { person: '王芳', phone: '0531-86091234' };
    const measure = measureOf(newer, '2.1.3');
    measure.status = 'done';
    measure.percent = 100;
    measure.workDone = '已完成全部培训。';
    expect(diffReports(reportData, newer)).toEqual([
      { scope: 'report', code: null, item: null, field: 'problems', before: reportData.problems, after: '无' },
      { scope: 'report', code: null, item: null, field: 'contact', before: '李明 0531-86091234', after: '王芳 0531-86091234' },
      { scope: 'measure', code: '2.1.3', item: null, field: 'status', before: 'in_progress', after: 'done' },
      { scope: 'measure', code: '2.1.3', item: null, field: 'progress', before: measureOf(reportData, '2.1.3').percent, after: 100 },
      {
        scope: 'measure',
        code: '2.1.3',
        item: null,
        field: 'workDone',
        before: measureOf(reportData, '2.1.3').workDone,
        after: '已完成全部培训。',
      },
    ]);
  });

  it('matches tasks by their text: added, removed, and each field that changed', () => {
    const newer = copy();
    const measure = measureOf(newer, '2.1.2');
    const [first, second, third] = measure.tasks;
    if (!first || !second || !third) throw new Error('fixture changed');
    Object.assign(second, { status: 'done', progress: 100, owner: '企业处 李强', due: '2017-01-15', notes: '已完成' });
    measure.tasks = [second, first, { ...third, text: '组织 QC 小组活动' }];
    const entries = diffReports(reportData, newer).filter((entry) => entry.scope === 'task');
    expect(entries).toEqual([
      { scope: 'task', code: '2.1.2', item: '开展企业管理提升专项行动', field: 'status', before: 'in_progress', after: 'done' },
      { scope: 'task', code: '2.1.2', item: '开展企业管理提升专项行动', field: 'progress', before: 60, after: 100 },
      { scope: 'task', code: '2.1.2', item: '开展企业管理提升专项行动', field: 'owner', before: '企业处 张华', after: '企业处 李强' },
      { scope: 'task', code: '2.1.2', item: '开展企业管理提升专项行动', field: 'due', before: '2016-12-31', after: '2017-01-15' },
      { scope: 'task', code: '2.1.2', item: '开展企业管理提升专项行动', field: 'notes', before: hostileNotes, after: '已完成' },
      { scope: 'task', code: '2.1.2', item: '组织 QC 小组活动', field: 'added', before: null, after: '组织 QC 小组活动' },
      { scope: 'task', code: '2.1.2', item: third.text, field: 'removed', before: third.text, after: null },
    ]);
  });

  it('lists measures that appear or disappear', () => {
    const newer = copy();
    newer.measures = newer.measures.filter((measure) => measure.code !== '2.3.6');
    newer.measures.push({ ...measureOf(reportData, '2.4.4'), code: '2.4.5', title: '新增措施' });
    expect(diffReports(reportData, newer)).toEqual([
      { scope: 'measure', code: '2.4.5', item: '新增措施', field: 'added', before: null, after: '新增措施' },
      {
        scope: 'measure',
        code: '2.3.6',
        item: '实施电子商务产业质量提升工程',
        field: 'removed',
        before: '实施电子商务产业质量提升工程',
        after: null,
      },
      // The copied measure brings its evidence along under the same path: not a file change.
    ]);
  });

  it('lists files added, removed and changed by their SHA-256', () => {
    const newer = copy();
    const manufacturing = measureOf(newer, '2.3.2');
    const [plan] = manufacturing.tasks;
    if (!plan) throw new Error('fixture changed');
    const [oldFile] = plan.attachments;
    if (!oldFile) throw new Error('fixture changed');
    plan.attachments = [{ ...oldFile, sha256: 'b'.repeat(64), size: 96_000 }];
    manufacturing.attachments = [];
    measureOf(newer, '2.1.3').attachments.push({
      name: '培训签到表.pdf',
      path: 'attachments/2.1.3/培训签到表.pdf',
      size: 10,
      sha256: 'c'.repeat(64),
    });
    const removed = measureOf(reportData, '2.3.2').attachments[0];
    expect(diffReports(reportData, newer)).toEqual([
      { scope: 'file', code: null, item: 'attachments/2.1.3/培训签到表.pdf', field: 'added', before: null, after: 'c'.repeat(64) },
      {
        scope: 'file',
        code: null,
        item: 'attachments/2.3.2/制造业质量提升工作情况汇总表.xlsx',
        field: 'removed',
        before: removed?.sha256,
        after: null,
      },
      { scope: 'file', code: null, item: oldFile.path, field: 'content', before: oldFile.sha256, after: 'b'.repeat(64) },
    ]);
  });
});
