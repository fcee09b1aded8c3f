import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { quietLog } from '../support/call';
import { runCliCaptured } from '../support/cli';
import { writeTwoRowHeadingXlsx, writeZhijianBreakdownCsv, writeZhijianBreakdownXlsx } from '../support/sheet-fixtures/task-breakdowns';
import { writeCsvText } from '../support/sheet-fixtures';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();

/** How many live tasks the department has in the data folder. */
async function taskCount(dataDir: string, department: string): Promise<number> {
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  try {
    const row = backend.db
      .prepare('SELECT count(*) AS n FROM task t JOIN department d ON d.id = t.department_id WHERE d.name = ? AND t.deleted_at IS NULL')
      .get(department) as { n: number };
    return row.n;
  } finally {
    await backend.close();
  }
}

/** A breakdown with two good rows and two that cannot be placed. */
function sheetWithProblems(dir: string): string {
  const path = join(dir, '有问题的分解表.csv');
  writeFileSync(path, '\uFEFF措施,任务,进度\r\n(一)1,任务甲,40%\r\n(九)9,任务乙,\r\n(一)2,任务丙,大半\r\n(四)1,任务丁,1\r\n');
  return path;
}

describe('planledger import-tasks', () => {
  it('imports an .xlsx into an empty data folder and prints the counts as JSON', async () => {
    const dir = tempDir();
    const sheet = join(tempDir(), '任务分解表.xlsx');
    await writeZhijianBreakdownXlsx(sheet);
    const result = await runCliCaptured(['import-tasks', sheet, '--data-dir', dir, '--department', '质监', '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({ added: 5, updated: 0, unchanged: 0, problems: [] });
    expect(await taskCount(dir, '质监')).toBe(5);

    const again = await runCliCaptured(['import-tasks', sheet, '--data-dir', dir, '--department', '质监', '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ added: 0, updated: 0, unchanged: 5, problems: [] });
    expect(await taskCount(dir, '质监')).toBe(5);
  });

  it('lists the rows it could not import, worded in the CLI’s language, and still exits 0', async () => {
    const dir = tempDir();
    const sheet = sheetWithProblems(tempDir());
    const zh = await runCliCaptured(['import-tasks', sheet, '--data-dir', dir, '--department', '质监', '--json']);
    expect(zh.code).toBe(0);
    expect(JSON.parse(zh.stdout)).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      problems: [
        { row: 3, message: '找不到措施“(九)9”：请填写措施编号（如“(一)1”）或措施名称。' },
        { row: 4, message: '无法识别的进度“大半”：应为 0 到 100 之间的数（如 40、40% 或 0.4）。' },
      ],
    });
    const en = await runCliCaptured(['import-tasks', sheet, '--data-dir', tempDir(), '--department', '质监', '--json', '--lang', 'en']);
    expect((JSON.parse(en.stdout) as { problems: { row: number; message: string }[] }).problems[0]).toEqual({
      row: 3,
      message: 'No measure “(九)9”: give the measure number (such as “(一)1”) or its title.',
    });
  });

  it('says in words what it did, without --json', async () => {
    const dir = tempDir();
    const result = await runCliCaptured(['import-tasks', sheetWithProblems(tempDir()), '--data-dir', dir, '--department', '质监']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('表头在第 1 行：所属措施 ← “措施”（A 列）；任务内容 ← “任务”（B 列）；进度 ← “进度”（C 列）');
    expect(result.stdout).toContain('已导入：新增任务 2 项，更新 0 项，未变 0 项。');
    expect(result.stdout).toContain('以下 2 行未导入：\n  第 3 行：找不到措施“(九)9”');
  });

  it('says what it noticed about the sheet: its encoding, a title above the header, a heading of two rows', async () => {
    const gbk = join(tempDir(), 'tasks.csv');
    writeZhijianBreakdownCsv(gbk, { encoding: 'gbk' });
    const csv = await runCliCaptured(['import-tasks', gbk, '--data-dir', tempDir(), '--department', '质监', '--dry-run']);
    expect(csv.stdout).toContain('\n  该 CSV 文件按 GBK 编码读取（WPS 和旧版 Excel 的常见格式）。\n');
    const twoRows = join(tempDir(), '两行表头.xlsx');
    await writeTwoRowHeadingXlsx(twoRows);
    const xlsx = await runCliCaptured(['import-tasks', twoRows, '--data-dir', tempDir(), '--department', '质监', '--dry-run']);
    expect(xlsx.stdout.split('\n').slice(0, 5)).toEqual([
      '表头在第 2 行：所属措施 ← “序号”（A 列）；任务内容 ← “具体任务”（B 列）；责任人 ← “牵头处室”（C 列）；完成时限 ← “完成时限”（E 列）；状态 ← “状态”（F 列）；进度 ← “进度”（G 列）；备注 ← “备注”（H 列）',
      '  表格中有合并单元格，已把合并区域的内容填入其中每一行。',
      '  标题行在第 2 行，之前的行（如表名）不导入。',
      '  表头占第 2、3 两行，有小标题的列（如“完成情况”下的“状态”“进度”）按小标题对应。',
      '检查完毕，未写入：将新增任务 5 项，更新 0 项，未变 0 项。',
    ]);
  });

  it('changes nothing with --dry-run', async () => {
    const dir = tempDir();
    const sheet = join(tempDir(), 'tasks.csv');
    writeZhijianBreakdownCsv(sheet, { encoding: 'gbk' });
    const result = await runCliCaptured(['import-tasks', sheet, '--data-dir', dir, '--department', '质监', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('检查完毕，未写入：将新增任务 5 项');
    expect(await taskCount(dir, '质监')).toBe(0);
  });

  it('exits 1 with one sentence for a refused file or a sheet with nothing to import, and 2 for usage errors', async () => {
    const dir = tempDir();
    const notASheet = join(tempDir(), 'notes.xlsx');
    writeFileSync(notASheet, 'just text, not a workbook');
    const refused = await runCliCaptured(['import-tasks', notASheet, '--data-dir', dir, '--department', '质监']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);

    const nothing = join(tempDir(), 'nothing.csv');
    writeFileSync(nothing, '措施,任务\r\n(九)9,甲\r\n');
    const none = await runCliCaptured(['import-tasks', nothing, '--data-dir', dir, '--department', '质监', '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ added: 0, problems: [{ row: 2 }] });
    expect(none.stderr).toContain('没有可导入的行：1 行无法导入');
    expect(await taskCount(dir, '质监')).toBe(0);

    const unmapped = writeCsvText(tempDir(), 'own.csv', '第一列,第二列\r\n(一)1,甲\r\n');
    const noColumns = await runCliCaptured(['import-tasks', unmapped, '--data-dir', dir, '--department', '质监']);
    expect(noColumns).toMatchObject({ code: 1, stdout: '' });
    expect(noColumns.stderr).toContain('请先为“所属措施、任务内容”指定对应的列');

    expect((await runCliCaptured(['import-tasks', nothing, '--data-dir', dir])).code).toBe(2);
    expect((await runCliCaptured(['import-tasks', '--data-dir', dir, '--department', '质监'])).code).toBe(2);
    const unknown = await runCliCaptured(['import-tasks', nothing, '--data-dir', dir, '--department', '不存在的部门']);
    expect(unknown.code).toBe(1);
  });
});
