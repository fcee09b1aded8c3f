import ExcelJS from 'exceljs';
import type { CellStatus, Matrix, MatrixCell, MatrixGranularity } from '../../../shared/api/calls/office';
import { cellStatuses } from '../../../shared/api/calls/office';
import { displayWidth } from '../../../shared/display-width';
import { safeNamePart } from '../../../shared/file-names';
import zhOffice from '../../../shared/i18n/zh-CN/office';
import { csvField } from '../../../shared/report/csv';

/**
 * The matrix as a file for the office's own tracking: csv (UTF-8 with BOM, CRLF, RFC 4180,
 * formula-safe, via the report's csvField) or xlsx (exceljs). Chinese like the report files,
 * since it goes to people in the same offices. Status is in words in every cell; colour only
 * repeats it.
 */

const granularityWords: Record<MatrixGranularity, string> = { month: '按月', quarter: '按季度', half: '按半年', year: '按年' };

/** 报送情况-<plan short>-<granularity>.<ext>, safe on every file system. */
export function matrixFileName(planShortName: string, granularity: MatrixGranularity, format: 'csv' | 'xlsx'): string {
  return safeNamePart(`报送情况-${planShortName}-${granularityWords[granularity]}.${format}`);
}

/** A cell in words: 逾期报送（3天）, 未报送, 已报送（2版）… */
export function cellText(cell: MatrixCell): string {
  const notes: string[] = [];
  if (cell.daysLate !== null && cell.daysLate > 0) notes.push(`${String(cell.daysLate)}天`);
  if (cell.versions > 1) notes.push(`${String(cell.versions)}版`);
  const word = zhOffice.cell[cell.status];
  return notes.length === 0 ? word : `${word}（${notes.join('，')}）`;
}

const departmentHeader = '部门';
const deadlineHeader = '报送截止';

export function matrixCsv(matrix: Matrix): string {
  const rows: string[][] = [
    [departmentHeader, ...matrix.periods.map((period) => period.label)],
    [deadlineHeader, ...matrix.periods.map((period) => period.deadline ?? '')],
    ...matrix.rows.map((row) => [row.department, ...row.cells.map(cellText)]),
  ];
  if (matrix.otherDepartments.length > 0) rows.push([], [otherDepartmentsLabel, matrix.otherDepartments.join('、')]);
  return `\uFEFF${rows.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const otherDepartmentsLabel = '计划未列出的报送部门';

/** Fill per status (ARGB), light enough for black text; the words carry the meaning. */
export const statusFills: Record<CellStatus, string> = {
  received: 'FFC6EFCE',
  received_late: 'FFFFEB9C',
  untrusted: 'FFF8CBAD',
  missing: 'FFEDEDED',
  missing_overdue: 'FFFFC7CE',
};

const statusExplanations: Record<CellStatus, string> = {
  received: '在截止日期前签署，签名人已登记为该部门',
  received_late: '第一版在截止日期之后签署（按签署时的日期）',
  untrusted: '当前版本的签名人未登记，或登记为其他部门',
  missing: '尚未收到，还未到截止日期或计划未规定截止日期',
  missing_overdue: '尚未收到，已过截止日期',
};

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A date column value: a real date (midnight UTC, which is what spreadsheet serial dates mean). */
const dateValue = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function matrixXlsx(matrix: Matrix, meta: { planTitle: string; generatedAt: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PlanLedger';
  workbook.created = meta.generatedAt;
  const sheet = workbook.addWorksheet('报送情况', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });

  const header = sheet.addRow([departmentHeader, ...matrix.periods.map((period) => period.label)]);
  header.font = { bold: true };
  const deadlines = sheet.addRow([
    deadlineHeader,
    ...matrix.periods.map((period) => (period.deadline === null ? null : dateValue(period.deadline))),
  ]);
  deadlines.font = { italic: true };
  deadlines.eachCell((cell, column) => {
    if (column > 1) cell.numFmt = 'yyyy-mm-dd';
  });
  for (const row of matrix.rows) {
    const added = sheet.addRow([row.department, ...row.cells.map(cellText)]);
    row.cells.forEach((cell, index) => {
      added.getCell(index + 2).fill = fill(statusFills[cell.status]);
    });
  }
  const lastColumn = matrix.periods.length + 1;
  // The filter sits on the department header row and covers the departments below.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 2 + matrix.rows.length, column: lastColumn } };
  sheet.columns.forEach((column, index) => {
    let width = 10;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const text = cell.value instanceof Date ? '2017-01-31' : typeof cell.value === 'string' ? cell.value : String(cell.value ?? '');
      width = Math.max(width, displayWidth(text) + 2);
    });
    column.width = Math.min(index === 0 ? 30 : 24, width);
  });

  const legend = workbook.addWorksheet('图例');
  legend.addRow(['状态', '含义']).font = { bold: true };
  for (const status of cellStatuses) {
    const row = legend.addRow([zhOffice.cell[status], statusExplanations[status]]);
    row.getCell(1).fill = fill(statusFills[status]);
  }
  legend.addRow([]);
  legend.addRow(['计划', meta.planTitle]);
  // Spreadsheet dates have no zone: write the local wall-clock time as if it were UTC.
  const localWallClock = new Date(meta.generatedAt.getTime() - meta.generatedAt.getTimezoneOffset() * 60_000);
  const generated = legend.addRow(['导出时间', localWallClock]);
  generated.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
  if (matrix.otherDepartments.length > 0) legend.addRow([otherDepartmentsLabel, matrix.otherDepartments.join('、')]);
  legend.getColumn(1).width = 24;
  legend.getColumn(2).width = 60;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
