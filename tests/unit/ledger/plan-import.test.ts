import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../shared/api/calls/ledger';
import type { LedgerCell, LedgerRow } from '../../../shared/ledger/cell';
import { guessMapping } from '../../../shared/ledger/columns';
import { MeasureMatcher, type MeasureRef } from '../../../shared/ledger/measures';
import { planImport, type ExistingTask } from '../../../shared/ledger/plan-import';

const measures: MeasureRef[] = [
  { id: 1, code: '2.1.1', label: '（一）1', title: '大力加强质量技术基础建设', assigned: true },
  { id: 2, code: '2.1.2', label: '（一）2', title: '着力强化企业质量管理', assigned: true },
  { id: 12, code: '2.1.12', label: '（一）12', title: '积极提高劳动者职业技能和质量素养', assigned: true },
  { id: 4, code: '2.2.1', label: '（二）1', title: '打造质量发展新优势', assigned: false },
  { id: 5, code: '2.2.2', label: '（二）2', title: '打造标准化建设新优势', assigned: true },
];

describe('measures named in a cell', () => {
  const matcher = new MeasureMatcher(measures);
  it('are found by label, code, title, label with title, or a long enough piece of the title', () => {
    const cases: [string, number][] = [
      ['（一）1', 1],
      ['(一)1', 1],
      [' ( 一 ) 1 、', 1],
      ['(一)1.', 1],
      ['2.1.1', 1],
      ['(一)12', 12],
      ['大力加强质量技术基础建设', 1],
      ['大力加强质量技术基础建设。', 1],
      ['(一)1 大力加强质量技术基础建设', 1],
      ['(一)1大力加强', 1],
      ['大力加强质量技术基础', 1],
      ['着力强化企业质量管理,健全质量管理体系', 2],
    ];
    for (const [value, id] of cases) expect(matcher.match(value)?.id, value).toBe(id);
  });

  it('are not guessed from a short or ambiguous piece', () => {
    expect(matcher.match('加强质量')).toBeNull();
    expect(matcher.match('新优势')).toBeNull();
    expect(matcher.match('(九)9')).toBeNull();
    expect(matcher.match('(一)')).toBeNull();
  });
});

const text = (value: string): LedgerCell => ({ kind: 'text', text: value });
const headers = ['措施编号', '措施名称', '任务', '责任人', '完成时限', '状态', '进度', '备注'];
const mapping: ColumnMapping = guessMapping(headers);

/** A data row from cells in the order of `headers` (undefined/null: empty). */
function row(number: number, values: (string | LedgerCell | null | undefined)[]): LedgerRow {
  return {
    row: number,
    cells: values.map((value) => (value === null || value === undefined ? null : typeof value === 'string' ? text(value) : value)),
  };
}

function plan(rows: LedgerRow[], existing: Record<number, ExistingTask[]> = {}) {
  return planImport({ rows, headers, mapping, measures, tasksOf: (id) => existing[id] ?? [], planYear: 2016 });
}

const task = (id: number, text: string, fields: Partial<ExistingTask> = {}): ExistingTask => ({
  id,
  text,
  status: 'not_started',
  progress: 0,
  owner: '',
  due: null,
  notes: '',
  ...fields,
});

describe('planning an import', () => {
  it('adds new tasks with the values their cells hold', () => {
    const result = plan([row(2, ['(一)1', '', '建立计量标准', '张三', '2016年9月底前', '进行中', '40%', '已报送'])]);
    expect(result.outcome).toEqual({ added: 1, updated: 0, unchanged: 0, problems: [] });
    expect(result.adds).toEqual([
      {
        row: 2,
        measure: measures[0],
        text: '建立计量标准',
        values: { owner: '张三', notes: '已报送', status: 'in_progress', progress: 40, due: '2016-09-30' },
      },
    ]);
    expect(result.sample[0]).toMatchObject({ row: 2, action: 'add', measureLabel: '（一）1' });
  });

  it('updates only the fields that differ, and never clears a field from an empty cell', () => {
    const existing = { 1: [task(7, '建立 计量\n标准', { owner: '李四', notes: '旧备注', progress: 40, status: 'in_progress' })] };
    const result = plan([row(2, ['(一)1', '', '建立计量标准', '李四', '', '已完成', '', ''])], existing);
    expect(result.outcome.updated).toBe(1);
    expect(result.updates[0]?.patch).toEqual({ status: 'done', progress: 100 });
  });

  it('leaves a task whose cells say what it holds unchanged', () => {
    const existing = { 1: [task(7, '建立计量标准', { owner: '李四', status: 'done', progress: 100, due: '2016-09-30' })] };
    const result = plan(
      [
        row(2, [
          '(一)1',
          '',
          '建立计量标准',
          '李四',
          { kind: 'date', date: '2016-09-30' },
          '已完成',
          { kind: 'number', value: 100, text: '100', percent: false },
        ]),
      ],
      existing,
    );
    expect(result.outcome).toEqual({ added: 0, updated: 0, unchanged: 1, problems: [] });
  });

  it('places a row by its title when the code column is empty or unknown', () => {
    const result = plan([row(2, ['', '着力强化企业质量管理', '任务甲']), row(3, ['(九)9', '打造标准化建设新优势', '任务乙'])]);
    expect(result.adds.map((add) => add.measure.id)).toEqual([2, 5]);
  });

  it('skips blank rows and measure heading rows, and files the tasks below a heading under its measure', () => {
    const result = plan([
      row(2, ['(一)2', '着力强化企业质量管理']),
      row(3, ['', '', '任务甲']),
      row(4, [null, null, null, null]),
      row(5, ['(一)1', '', '任务乙']),
    ]);
    expect(result.sample.map((sample) => sample.action)).toEqual(['skip', 'add', 'skip', 'add']);
    expect(result.adds.map((add) => [add.row, add.measure.id])).toEqual([
      [3, 2],
      [5, 1],
    ]);
  });

  it('takes a measure row with its deadline and a summary as a heading, but a row with an owner and no task as a task without text', () => {
    const result = plan([
      row(2, ['(一)2', '着力强化企业质量管理', '', '', { kind: 'date', date: '2016-12-31' }, '', '', '2 项任务,已完成 1 项']),
      row(3, ['(一)2', '', '', '张三', '', '进行中']),
    ]);
    expect(result.sample.map((sample) => sample.action)).toEqual(['skip', 'problem']);
    expect(result.outcome.problems).toEqual([{ row: 3, code: 'task_missing', params: {} }]);
  });

  it('lists every problem of a row by its row number, and imports the other rows', () => {
    const result = plan([
      row(2, ['', '', '无措施']),
      row(3, ['(九)9', '', '未知措施']),
      row(4, ['(二)1', '', '别人的措施']),
      row(5, ['(一)1', '', '', '张三']),
      row(6, ['(一)1', '', '坏值', '', '尽快', '差不多', '大半']),
      row(7, ['(一)1', '', 'x'.repeat(2001)]),
      row(8, ['(一)1', '', '好任务', 'y'.repeat(101)]),
      row(9, ['(一)1', '', '好任务']),
      row(10, ['(一)1', '', { kind: 'formula_without_value' }]),
      row(11, ['(一)1', '', '好任务']),
      row(12, ['(一)1', '', ' 好任务 ']),
    ]);
    expect(result.outcome.problems).toEqual([
      { row: 2, code: 'measure_missing', params: {} },
      { row: 3, code: 'measure_unknown', params: { value: '(九)9' } },
      { row: 4, code: 'measure_not_assigned', params: { label: '（二）1' } },
      { row: 5, code: 'task_missing', params: {} },
      { row: 6, code: 'status_unknown', params: { value: '差不多' } },
      { row: 6, code: 'progress_invalid', params: { value: '大半' } },
      { row: 6, code: 'due_invalid', params: { value: '尽快' } },
      { row: 7, code: 'task_too_long', params: { max: 2000 } },
      { row: 8, code: 'owner_too_long', params: { max: 100 } },
      { row: 10, code: 'formula_without_value', params: { column: '任务' } },
      { row: 10, code: 'task_missing', params: {} },
      { row: 11, code: 'duplicate_row', params: { first: 9 } },
      { row: 12, code: 'duplicate_row', params: { first: 9 } },
    ]);
    expect(result.adds.map((add) => add.row)).toEqual([9]);
  });

  it('sets no due date for an ongoing deadline, without a problem', () => {
    const result = plan([row(2, ['(一)1', '', '长期任务', '', '长期坚持'])]);
    expect(result.outcome.problems).toEqual([]);
    expect(result.adds[0]?.values).toEqual({});
  });

  it('describes only the first rows for the preview, but plans them all', () => {
    const rows = Array.from({ length: 120 }, (_, index) => row(index + 2, ['(一)1', '', `任务${String(index)}`]));
    const result = planImport({ rows, headers, mapping, measures, tasksOf: () => [], planYear: 2016, sampleRows: 50 });
    expect(result.sample).toHaveLength(50);
    expect(result.outcome.added).toBe(120);
  });
});
