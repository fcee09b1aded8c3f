import type { ColumnMapping, LedgerField } from '../api/calls/ledger';
import { cellText, isBlankCell, type LedgerRow } from './cell';
import { compactText } from './text';

/**
 * The headings task breakdowns (任务分解表) and ledgers (工作台账) use for each field, most
 * specific first. For the measure, lower rank wins: a code column (措施编号) is preferred
 * to a title column (措施名称), and 序号 comes last because it is often a plain row counter.
 */
const headingSynonyms: Record<LedgerField, readonly string[]> = {
  measure: ['措施编号', '措施序号', '措施', '编号', '措施名称', '措施内容', '重点任务', '工作措施', '主要措施', '重点工作', '序号'],
  task: ['任务', '工作任务', '任务内容', '具体任务', '工作内容', '任务名称', '分解任务', '具体工作', '工作事项', '任务事项'],
  owner: ['责任人', '责任处室', '经办人', '责任单位', '牵头处室', '承办处室', '责任部门', '牵头单位', '负责人', '联系人'],
  due: ['完成时限', '时限', '截止日期', '完成时间', '时间节点', '完成期限', '截止时间', '时间要求', '完成日期'],
  status: ['状态', '完成情况', '进展情况', '推进情况', '任务状态', '完成状态', '进展状态'],
  progress: ['进度', '完成进度', '完成比例', '完成率', '进度百分比', '完成百分比'],
  notes: ['备注', '说明', '备注说明'],
};

/** Measure headings that name a measure by its number rather than its title. */
const measureCodeHeadings = new Set(['措施编号', '措施序号', '措施', '编号', '序号']);

const byHeading = new Map<string, { field: LedgerField; rank: number }>();
for (const [field, synonyms] of Object.entries(headingSynonyms) as [LedgerField, readonly string[]][]) {
  synonyms.forEach((synonym, rank) => byHeading.set(synonym, { field, rank }));
}

/**
 * A heading as written, reduced to what identifies it: widths folded, whitespace and line
 * breaks gone, a required-marker (＊, *, (必填)) and any bracketed unit or hint ((%), (年月日))
 * dropped, trailing colons gone.
 */
export function normaliseHeading(heading: string): string {
  let text = compactText(heading);
  for (;;) {
    const next = text
      .replace(/^[*※]+|[*※]+$/gu, '')
      .replace(/[:：]+$/u, '')
      .replace(/\([^()]*\)$/u, '')
      .replace(/【[^【】]*】$/u, '');
    if (next === text) return text;
    text = next;
  }
}

/** The field a heading names, with its rank among that field's synonyms (lower is preferred); null when not a known heading. */
export function recogniseHeading(heading: string): { field: LedgerField; rank: number } | null {
  const key = normaliseHeading(heading);
  return key === '' ? null : (byHeading.get(key) ?? null);
}

/** Whether a measure heading names measures by number (措施编号) rather than by title. */
export function isMeasureCodeHeading(heading: string): boolean {
  return measureCodeHeadings.has(normaliseHeading(heading));
}

/** How far down a sheet the header row is looked for (title rows such as 质监局任务分解表 come first). */
export const headerSearchRows = 20;

/**
 * The header row: the first of the first rows in which at least two different fields are
 * recognised, so a title row merged across every column (its text repeated into each cell)
 * never counts. Null when there is none.
 */
export function findHeaderRow<Row extends LedgerRow>(rows: readonly Row[]): Row | null {
  for (const row of rows.slice(0, headerSearchRows)) {
    const fields = new Set<LedgerField>();
    for (const cell of row.cells) {
      const recognised = recogniseHeading(cellText(cell));
      if (recognised) fields.add(recognised.field);
    }
    if (fields.size >= 2) return row;
  }
  return null;
}

/**
 * The row under the header when it finishes a heading of two rows: a group heading merged
 * across its sub-headings (完成情况 over 状态 | 进度, 责任单位 over 牵头处室 | 配合处室) while
 * the other headings are merged down over both rows. Each of its non-empty cells is text and
 * is the heading above repeated (the reader fills a merged range with its value), a heading
 * the app knows, or any sub-heading under a group (a heading repeated across columns). A row
 * with anything else, such as a measure or a number, is data. Null when there is no such row.
 */
export function findSubHeaderRow<Row extends LedgerRow>(rows: readonly Row[], header: Row): Row | null {
  const below = rows[rows.indexOf(header) + 1];
  if (below === undefined || below.row !== header.row + 1) return null;
  const above = (index: number) => cellText(header.cells[index]).trim();
  const isGroup = (index: number) => above(index) !== '' && (above(index - 1) === above(index) || above(index + 1) === above(index));
  let filled = 0;
  for (const [index, cell] of below.cells.entries()) {
    if (isBlankCell(cell)) continue;
    if (cell?.kind !== 'text') return null;
    filled++;
    const own = cell.text.trim();
    if (own !== above(index) && recogniseHeading(own) === null && !isGroup(index)) return null;
  }
  return filled > 0 ? below : null;
}

/** Each column's heading: its sub-heading where the row below gives one of its own, else the heading above. */
export function combinedHeadings(header: LedgerRow, subHeader: LedgerRow | null, width: number): string[] {
  return Array.from({ length: width }, (_, index) => {
    const above = cellText(header.cells[index]).trim();
    const below = cellText(subHeader?.cells[index]).trim();
    return below !== '' ? below : above;
  });
}

export const emptyMapping: ColumnMapping = { measure: null, task: null, owner: null, due: null, status: null, progress: null, notes: null };

/** The mapping the headings suggest: per field, the column with its most preferred heading (leftmost on a tie). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { ...emptyMapping };
  const bestRank = new Map<LedgerField, number>();
  headers.forEach((heading, index) => {
    const recognised = recogniseHeading(heading);
    if (!recognised) return;
    const best = bestRank.get(recognised.field);
    if (best !== undefined && best <= recognised.rank) return;
    bestRank.set(recognised.field, recognised.rank);
    mapping[recognised.field] = index;
  });
  return mapping;
}

/**
 * The columns a row's measure is looked for in: the mapped one first, then any other column
 * whose heading also names the measure (措施名称 beside 措施编号) and that no field uses,
 * code columns before title columns. A row whose code is empty or unknown is placed by
 * its title instead.
 */
export function measureColumns(headers: readonly string[], mapping: ColumnMapping): number[] {
  if (mapping.measure === null) return [];
  const used = new Set(Object.values(mapping).filter((index): index is number => index !== null));
  const fallbacks = headers
    .map((heading, index) => ({ index, recognised: recogniseHeading(heading) }))
    .filter(({ index, recognised }) => recognised?.field === 'measure' && !used.has(index))
    .sort((a, b) => (a.recognised?.rank ?? 0) - (b.recognised?.rank ?? 0))
    .map(({ index }) => index);
  return [mapping.measure, ...fallbacks];
}

/** Problems with a mapping before any row is read: the fields it lacks, or a column chosen twice. */
export function checkMapping(mapping: ColumnMapping): { missing: LedgerField[]; duplicateColumn: number | null } {
  const missing = (['measure', 'task'] as const).filter((field) => mapping[field] === null);
  const seen = new Set<number>();
  let duplicateColumn: number | null = null;
  for (const index of Object.values(mapping)) {
    if (index === null) continue;
    if (seen.has(index) && duplicateColumn === null) duplicateColumn = index;
    seen.add(index);
  }
  return { missing, duplicateColumn };
}
