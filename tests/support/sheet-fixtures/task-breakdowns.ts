import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/**
 * Task breakdowns (任务分解表) as coordinators make them, written at test time: a title
 * row above the header, the usual Chinese headings, real date cells and a percentage
 * format, for the 质监 department of the embedded 2016 plan.
 */

/** One task of a breakdown: measure as written, task, owner, due, status, progress, notes. */
export type BreakdownRow = [
  measure: string,
  task: string,
  owner: string,
  due: string | Date,
  status: string,
  progress: number | string,
  notes: string,
];

export const breakdownHeadings = ['序号', '具体任务', '责任处室', '完成时限', '完成情况', '完成进度', '备注'] as const;

/** Five tasks of three measures of 质监, each cell in a form people write it. */
export const zhijianBreakdown: readonly BreakdownRow[] = [
  ['(一)1', '完善计量标准体系', '计量处', new Date(Date.UTC(2016, 8, 30)), '进行中', 0.4, ''],
  ['（一）1、', '建立省级质量基础数据库', '标准化处', '2016年12月底前', '未开始', 0, '与信息中心共建'],
  ['着力强化企业质量管理', '推行首席质量官制度', '质量处', '2016年底前', '已完成', 1, ''],
  ['(四)1', '开展重点产品质量安全专项整治', '监督处', '2016/10/31', '受阻', 0.2, '等待省政府批复'],
  ['(四)1', '建立缺陷产品召回制度', '执法局', '长期坚持', '推进中', 0.55, ''],
];

/**
 * An .xlsx as Excel or WPS would save it (written by exceljs): a merged title row 质监局任务分解表,
 * the header in row 2, dates as date cells, progress as fractions shown as percentages.
 */
export async function writeZhijianBreakdownXlsx(path: string, rows: readonly BreakdownRow[] = zhijianBreakdown): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分解表');
  sheet.addRow(['质监局任务分解表']);
  sheet.mergeCells(1, 1, 1, breakdownHeadings.length);
  sheet.addRow([...breakdownHeadings]);
  for (const row of rows) sheet.addRow([...row]);
  sheet.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getColumn(6).numFmt = '0%';
  // The title row keeps its plain format.
  sheet.getCell(1, 4).numFmt = 'General';
  await workbook.xlsx.writeFile(path);
}

/**
 * The same rows under a two-row heading, as offices often lay it out: 完成情况 merged across
 * its sub-headings 状态 and 进度 on the second row, every other heading merged down over both
 * rows, a title row above, and a 责任单位 group split into 牵头处室 (the owner) and 配合处室.
 */
export async function writeTwoRowHeadingXlsx(path: string, rows: readonly BreakdownRow[] = zhijianBreakdown): Promise<void> {
  const top = ['序号', '具体任务', '责任单位', '责任单位', '完成时限', '完成情况', '完成情况', '备注'];
  const sub = [null, null, '牵头处室', '配合处室', null, '状态', '进度', null];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分解表');
  sheet.addRow(['质监局2016年质量工作任务分解表']);
  sheet.mergeCells(1, 1, 1, top.length);
  sheet.addRow(top);
  sheet.addRow(sub);
  top.forEach((heading, index) => {
    const column = index + 1;
    if (sub[index] === null) sheet.mergeCells(2, column, 3, column);
    else if (top[index - 1] !== heading) sheet.mergeCells(2, column, 2, top.lastIndexOf(heading) + 1);
  });
  for (const [measure, task, owner, due, status, progress, notes] of rows) {
    sheet.addRow([measure, task, owner, '办公室', due, status, progress, notes]);
  }
  sheet.getColumn(5).numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getColumn(7).numFmt = '0%';
  await workbook.xlsx.writeFile(path);
}

/** A .csv of the same rows (dates as 2016-09-30, progress as 40%), in UTF-8 with a BOM or in GBK without one. */
export function writeZhijianBreakdownCsv(
  path: string,
  options: { encoding: 'utf8' | 'gbk' },
  rows: readonly BreakdownRow[] = zhijianBreakdown,
): void {
  const lines = [breakdownHeadings.join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  const text = `${lines.join('\r\n')}\r\n`;
  writeFileSync(path, options.encoding === 'utf8' ? `\uFEFF${text}` : iconv.encode(text, 'gbk'));
}

function csvField(value: string | number | Date): string {
  const text =
    value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? `${String(Math.round(value * 100))}%` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The 11 measures 质监 carries in the embedded plan, by label. */
export const zhijianLabels = ['(一)1', '(一)2', '(一)3', '(二)2', '(二)3', '(三)2', '(三)6', '(四)1', '(四)2', '(四)3', '(四)4'] as const;

/** `count` distinct tasks spread over 质监's measures, with every field set: for benches and large imports. */
export function manyBreakdownRows(count: number): BreakdownRow[] {
  const statuses = ['未开始', '进行中', '已完成', '受阻'];
  return Array.from({ length: count }, (_, index) => [
    zhijianLabels[index % zhijianLabels.length] as string,
    `第 ${String(index + 1)} 项分解任务:组织开展质量提升专项行动并形成总结报告`,
    `处室${String(index % 17)}`,
    new Date(Date.UTC(2016, index % 12, 1 + (index % 28))),
    statuses[index % statuses.length] as string,
    (index % 101) / 100,
    index % 3 === 0 ? `备注 ${String(index)}` : '',
  ]);
}
