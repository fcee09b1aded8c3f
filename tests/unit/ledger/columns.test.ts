import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  combinedHeadings,
  findHeaderRow,
  findSubHeaderRow,
  guessMapping,
  measureColumns,
  normaliseHeading,
  recogniseHeading,
} from '../../../shared/ledger/columns';
import type { LedgerRow } from '../../../shared/ledger/cell';

const text = (value: string) => ({ kind: 'text' as const, text: value });
const row = (number: number, values: (string | null)[]): LedgerRow => ({
  row: number,
  cells: values.map((value) => (value === null ? null : text(value))),
});

describe('headings', () => {
  it('reads headings as people write them: widths, spaces, line breaks, required markers, bracketed hints', () => {
    expect(normaliseHeading(' 完成\n时限 ')).toBe('完成时限');
    expect(normaliseHeading('任务内容＊')).toBe('任务内容');
    expect(normaliseHeading('*责任人')).toBe('责任人');
    expect(normaliseHeading('责任人(必填)')).toBe('责任人');
    expect(normaliseHeading('完成进度（%）')).toBe('完成进度');
    expect(normaliseHeading('完成时限（年月日）*')).toBe('完成时限');
    expect(normaliseHeading('备注：')).toBe('备注');
  });

  it('knows the usual names of every field', () => {
    const cases: [string, string][] = [
      ['措施', 'measure'],
      ['措施编号', 'measure'],
      ['序号', 'measure'],
      ['措施名称', 'measure'],
      ['重点任务', 'measure'],
      ['工作措施', 'measure'],
      ['任务', 'task'],
      ['工作任务', 'task'],
      ['任务内容', 'task'],
      ['具体任务', 'task'],
      ['工作内容', 'task'],
      ['责任人', 'owner'],
      ['责任处室', 'owner'],
      ['经办人', 'owner'],
      ['责任单位', 'owner'],
      ['牵头处室', 'owner'],
      ['完成时限', 'due'],
      ['时限', 'due'],
      ['截止日期', 'due'],
      ['完成时间', 'due'],
      ['时间节点', 'due'],
      ['状态', 'status'],
      ['完成情况', 'status'],
      ['进展情况', 'status'],
      ['推进情况', 'status'],
      ['进度', 'progress'],
      ['完成进度', 'progress'],
      ['完成比例', 'progress'],
      ['备注', 'notes'],
      ['说明', 'notes'],
    ];
    for (const [heading, field] of cases) expect(recogniseHeading(heading)?.field, heading).toBe(field);
    expect(recogniseHeading('证明材料')).toBeNull();
    expect(recogniseHeading('最后修改')).toBeNull();
    expect(recogniseHeading('质监局任务分解表')).toBeNull();
  });
});

describe('the header row', () => {
  it('is the first row naming two fields, below a title row', () => {
    const rows = [
      row(1, ['质监局任务分解表']),
      row(2, ['填报单位:质监局', null, '填报日期:2016年8月']),
      row(3, ['序号', '重点任务', '具体任务', '责任处室']),
    ];
    expect(findHeaderRow(rows)?.row).toBe(3);
  });

  it('is not a merged title row whose text is repeated into every cell', () => {
    const rows = [row(1, ['任务分解表', '任务分解表', '任务分解表']), row(2, ['措施', '任务', '备注'])];
    expect(findHeaderRow(rows)?.row).toBe(2);
  });

  it('is looked for in the first 20 rows only', () => {
    const rows = Array.from({ length: 20 }, (_, index) => row(index + 1, ['说明文字']));
    rows.push(row(21, ['措施', '任务']));
    expect(findHeaderRow(rows)).toBeNull();
  });
});

describe('the mapping guessed from the headings', () => {
  it('maps each field to its column', () => {
    expect(guessMapping(['措施编号', '措施名称', '任务', '责任人', '完成时限', '状态', '进度', '备注', '证明材料', '最后修改'])).toEqual({
      measure: 0,
      task: 2,
      owner: 3,
      due: 4,
      status: 5,
      progress: 6,
      notes: 7,
    });
  });

  it('prefers the code column for the measure and falls back to the title column', () => {
    const headers = ['措施名称', '措施编号', '任务'];
    const mapping = guessMapping(headers);
    expect(mapping.measure).toBe(1);
    expect(measureColumns(headers, mapping)).toEqual([1, 0]);
  });

  it('takes a plain row counter (序号) only when nothing better names the measure', () => {
    expect(guessMapping(['序号', '重点任务', '具体任务', '责任处室']).measure).toBe(1);
    expect(guessMapping(['序号', '工作任务']).measure).toBe(0);
  });

  it('leaves out what the sheet does not have', () => {
    expect(guessMapping(['措施', '任务'])).toEqual({
      measure: 0,
      task: 1,
      owner: null,
      due: null,
      status: null,
      progress: null,
      notes: null,
    });
  });

  it('finds a mapping without the required fields, or with a column used twice', () => {
    expect(checkMapping({ measure: null, task: 1, owner: null, due: null, status: null, progress: null, notes: null }).missing).toEqual([
      'measure',
    ]);
    expect(checkMapping({ measure: 0, task: 0, owner: null, due: null, status: null, progress: null, notes: null }).duplicateColumn).toBe(
      0,
    );
    expect(checkMapping(guessMapping(['措施', '任务']))).toEqual({ missing: [], duplicateColumn: null });
  });
});

describe('a heading of two rows', () => {
  const number = (value: number) => ({ kind: 'number' as const, value, text: String(value), percent: false });

  it('is a group heading over sub-headings, the other headings merged down (their text repeated)', () => {
    const header = row(2, ['序号', '具体任务', '责任处室', '完成情况', '完成情况', '备注']);
    const sub = row(3, ['序号', '具体任务', '责任处室', '状态', '进度', '备注']);
    const rows = [row(1, ['任务分解表']), header, sub, row(4, ['(一)1', '任务甲', '计量处', '进行中', '40%', null])];
    expect(findSubHeaderRow(rows, header)).toBe(sub);
    const headings = combinedHeadings(header, sub, 6);
    expect(headings).toEqual(['序号', '具体任务', '责任处室', '状态', '进度', '备注']);
    expect(guessMapping(headings)).toMatchObject({ measure: 0, task: 1, owner: 2, status: 3, progress: 4, notes: 5 });
  });

  it('takes sub-headings the app does not know under a group (配合处室), and headings not merged down (empty below)', () => {
    const header = row(1, ['措施', '任务', '责任单位', '责任单位']);
    const sub = row(2, [null, null, '牵头处室', '配合处室']);
    expect(findSubHeaderRow([header, sub], header)).toBe(sub);
    expect(combinedHeadings(header, sub, 5)).toEqual(['措施', '任务', '牵头处室', '配合处室', '']);
  });

  it('is a header merged down over two rows with no sub-heading at all', () => {
    const header = row(1, ['措施', '任务', '备注']);
    const tall = row(2, ['措施', '任务', '备注']);
    expect(findSubHeaderRow([header, tall, row(3, ['(一)1', '任务甲', null])], header)).toBe(tall);
  });

  it('is never a data row: a measure, a number, text under a heading that is no group, or a row further down', () => {
    const header = row(1, ['措施', '任务', '完成情况', '备注']);
    expect(findSubHeaderRow([header, row(2, ['(一)1', '任务甲', null, null])], header)).toBeNull();
    expect(findSubHeaderRow([header, { row: 2, cells: [null, null, number(1), null] }], header)).toBeNull();
    expect(findSubHeaderRow([header, row(2, [null, '说明文字', null, null])], header)).toBeNull();
    expect(findSubHeaderRow([header, row(3, ['措施', '任务', '状态', '备注'])], header)).toBeNull();
    expect(findSubHeaderRow([header], header)).toBeNull();
  });
});
