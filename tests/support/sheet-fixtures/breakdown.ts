/**
 * A task breakdown (任务分解表) as a coordinator keeps it in Excel, written with exceljs: a title
 * row merged across the top, the header row, the measure cell merged down over its tasks, a real
 * date cell beside dates typed as text, progress as percentages and plain numbers, and one
 * progress computed by a formula whose result the file holds. Measures are 质监's in the seed plan.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';

export const breakdownSheetName = '任务分解表';
export const breakdownHeaders = ['措施', '任务', '责任人', '完成时限', '状态', '进度', '备注'] as const;

/** One task row as written: `due` a Date is a date cell, a string is text; `progress` a number with `percent` shown as 0%. */
export interface BreakdownTask {
  measure: string;
  task: string;
  owner: string;
  due: Date | string;
  status: string;
  progress: number | { formula: string; result: number };
  percent: boolean;
  notes: string;
}

/** The rows below the header (rows 3…), measure (一)1 spanning three of them. */
export const breakdownTasks: readonly BreakdownTask[] = [
  {
    measure: '(一)1',
    task: '完成年度标准化工作改革任务',
    owner: '标准化处 张三',
    due: new Date(Date.UTC(2016, 8, 30)),
    status: '进行中',
    progress: 0.4,
    percent: true,
    notes: '已报送方案',
  },
  {
    measure: '(一)1',
    task: '建设国家节能家电产业计量测试中心',
    owner: '计量处',
    due: '2016年9月底前',
    status: '未开始',
    progress: 40,
    percent: false,
    notes: '',
  },
  {
    measure: '(一)1',
    task: '推广节能低碳认证',
    owner: '认证处',
    due: '2016-12-31',
    status: '已完成',
    progress: 1,
    percent: true,
    notes: '',
  },
  {
    measure: '(一)2',
    task: '引导中小企业建立质量管理体系',
    owner: '质量处 李四',
    due: new Date(Date.UTC(2016, 10, 15)),
    status: '进行中',
    progress: { formula: '0.2*3', result: 0.6 },
    percent: true,
    notes: '季度调度',
  },
  {
    measure: '(二)2',
    task: '建立标准“领跑者”制度',
    owner: '标准化处',
    due: '2016年底前',
    status: '受阻',
    progress: 0,
    percent: true,
    notes: '待财政经费',
  },
];

/** Writes the breakdown to `dir`/任务分解表.xlsx (a second sheet 说明 follows it); returns the path. */
export async function writeBreakdownXlsx(dir: string, fileName = '任务分解表.xlsx'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(breakdownSheetName);
  sheet.addRow(['质监 2016 年质量工作任务分解表']);
  sheet.mergeCells('A1:G1');
  sheet.addRow([...breakdownHeaders]);
  for (const task of breakdownTasks) {
    const row = sheet.addRow([task.measure, task.task, task.owner, task.due, task.status, task.progress, task.notes || null]);
    if (task.due instanceof Date) row.getCell(4).numFmt = 'yyyy-mm-dd';
    if (task.percent) row.getCell(6).numFmt = '0%';
  }
  // The measure written once, merged down over its three tasks, as coordinators lay it out.
  sheet.getCell('A4').value = null;
  sheet.getCell('A5').value = null;
  sheet.mergeCells('A3:A5');
  workbook.addWorksheet('说明').addRow(['本表由各处室填报']);
  const path = join(dir, fileName);
  await workbook.xlsx.writeFile(path);
  return path;
}
