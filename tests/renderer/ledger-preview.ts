import type { ImportPreview, ImportProblem } from '../../shared/api/calls/ledger';

/** A task breakdown as the import lane previews it: three rows placed, one refused, headings on row 2 under a title. */
export function ledgerPreview(patch: Partial<ImportPreview> = {}): ImportPreview {
  return {
    fileName: '质监任务分解表.xlsx',
    format: 'xlsx',
    sheets: ['任务分解', '说明'],
    sheet: '任务分解',
    headerRow: 2,
    columns: [
      { index: 0, header: '序号' },
      { index: 1, header: '任务内容' },
      { index: 2, header: '责任处室' },
      { index: 3, header: '完成时限' },
      { index: 4, header: '' },
    ],
    mapping: { measure: 0, task: 1, owner: 2, due: 3, status: null, progress: null, notes: null },
    rowCount: 4,
    sample: [
      { row: 3, values: row('(一)1', '制定质量提升方案', '质量处', '2016-09-30'), action: 'add', measureLabel: '(一)1' },
      { row: 4, values: row('(一)1', '召开推进会', '质量处', '2016年9月底前'), action: 'update', measureLabel: '(一)1' },
      { row: 5, values: row('(九)9', '不存在的措施下的任务', '', ''), action: 'problem', measureLabel: null },
      { row: 6, values: row('', '', '', ''), action: 'skip', measureLabel: null },
    ],
    outcome: { added: 1, updated: 1, unchanged: 0, problems: [{ row: 5, code: 'measure_unknown', params: { value: '(九)9' } }] },
    notes: [
      { code: 'header_not_first_row', params: { row: 2 } },
      { code: 'merged_cells_filled', params: {} },
    ],
    ...patch,
  };
}

function row(measure: string, task: string, owner: string, due: string) {
  return { measure, task, owner, due, status: '', progress: '', notes: '' };
}

/** `count` rows that cannot be placed, from row 3 on. */
export function manyProblems(count: number): ImportProblem[] {
  return Array.from({ length: count }, (_, index) => ({ row: index + 3, code: 'task_missing' as const, params: {} }));
}
