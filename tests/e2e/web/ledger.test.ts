import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VerifyPage } from '../pages/VerifyPage';
import { callApi } from '../support/api';
import { launchAs, useApp } from '../support/app';
import { waitForText } from '../support/wait';
import { useTempDirs } from '../../support/temp';
import {
  writeZhijianBreakdownCsv,
  writeZhijianBreakdownXlsx,
  zhijianBreakdown,
  type BreakdownRow,
} from '../../support/sheet-fixtures/task-breakdowns';
import { writeEncryptedXlsx } from '../../support/sheet-fixtures/ole';

const tempDir = useTempDirs();
useApp();

const screenshotDir = resolve(import.meta.dirname, '../../../out/screenshots');
async function snapshot(page: Page, name: string, options: { andEnd?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 800 };
  const language = await page.evaluate(() => document.documentElement.lang || 'zh-CN');
  await page.screenshot({ path: join(screenshotDir, `${language}-${width}x${height}-${name}.png`), fullPage: false });
  // The end of the screen too (the sample table lies below the fold; the main area scrolls, not the page).
  if (options.andEnd) {
    await page.evaluate(() => {
      const main = document.querySelector('main#main') as HTMLElement;
      main.scrollTop = main.scrollHeight;
    });
    await page.screenshot({ path: join(screenshotDir, `${language}-${width}x${height}-${name}-end.png`), fullPage: false });
  }
}

/** The fixture's five good rows, and three a coordinator gets wrong: an unknown measure, a progress in words, no task. */
const withProblems: readonly BreakdownRow[] = [
  ...zhijianBreakdown,
  ['(九)9', '不存在的措施下的任务', '质量处', '2016-09-30', '进行中', 0.5, ''],
  ['(一)2', '开展质量提升行动', '质量处', '2016-10-31', '进行中', '大半', ''],
  ['(一)3', '', '标准化处', '2016-11-30', '未开始', 0, '任务内容漏填'],
];

/** Opens the 台账 screen and chooses `file` in the browser's file dialog. */
async function chooseSheet(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /选择表格|Choose a sheet/u }).click();
  await (await chooser).setFiles(file);
}

describe('the ledger screen', () => {
  it('imports a real .xlsx through the preview, lists the rows it cannot place, and the measure page shows the tasks', async () => {
    const app = await launchAs('质监');
    const file = join(tempDir(), '质监任务分解表.xlsx');
    await writeZhijianBreakdownXlsx(file, withProblems);

    await app.open('#/');
    await app.page.getByRole('navigation').getByRole('link', { name: '台账导入导出' }).click();
    await waitForText(app.page.getByRole('heading', { level: 1 }), '台账导入导出');
    await chooseSheet(app.page, file);

    const preview = app.page.getByTestId('ledger-preview');
    await waitForText(preview.getByTestId('ledger-file'), '质监任务分解表.xlsx');
    await waitForText(preview.getByTestId('ledger-counts'), '将新增 5 项 · 更新 0 项 · 无变化 0 项 · 3 行无法导入');
    await waitForText(preview.getByTestId('ledger-notes'), '标题行在第 2 行');
    expect(await preview.getByLabel('任务（必填）').inputValue()).toBe('1');
    const problems = preview.getByTestId('ledger-problems').locator('li');
    expect(await problems.allTextContents()).toEqual([
      '第 8 行：找不到措施“(九)9”：请填写措施编号（如“(一)1”）或措施名称。',
      '第 9 行：无法识别的进度“大半”：应为 0 到 100 之间的数（如 40、40% 或 0.4）。',
      '第 10 行：没有填写任务内容。',
    ]);
    await snapshot(app.page, 'ledger-preview', { andEnd: true });

    // Taking 任务 away disables Import with the reason; giving it back previews again.
    await preview.getByLabel('任务（必填）').selectOption({ label: '不导入' });
    await waitForText(preview.getByTestId('ledger-import-reason'), '请先为“任务”指定对应的列');
    expect(await preview.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    await preview.getByLabel('任务（必填）').selectOption({ label: 'B 具体任务' });
    await waitForText(preview.getByTestId('ledger-counts'), '将新增 5 项');

    await preview.getByRole('button', { name: '导入', exact: true }).click();
    await waitForText(app.page.getByTestId('ledger-import-done'), '新增 5 项 · 更新 0 项 · 无变化 0 项');
    await waitForText(app.page.getByTestId('ledger-import-done'), '3 行无法导入');

    await app.open('#/measures/2.1.1');
    const texts = app.page.locator('[data-testid="task-row"] textarea.task-text');
    await texts.nth(1).waitFor();
    expect(await texts.evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value))).toEqual([
      '完善计量标准体系',
      '建立省级质量基础数据库',
    ]);

    // The same sheet again changes nothing: Import says why it is off.
    await app.open('#/ledger');
    await chooseSheet(app.page, file);
    await waitForText(app.page.getByTestId('ledger-counts'), '将新增 0 项 · 更新 0 项 · 无变化 5 项 · 3 行无法导入');
    await waitForText(app.page.getByTestId('ledger-import-reason'), '没有需要导入的改动');
    await app.page.getByRole('button', { name: '取消', exact: true }).click();

    // The ledger exported as .xlsx arrives as a download, and reads back as the same five tasks.
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: '导出工作台账（.xlsx）' }).click();
    const ledger = join(tempDir(), (await download).suggestedFilename());
    await (await download).saveAs(ledger);
    expect(ledger).toMatch(/工作台账.*\.xlsx$/u);
    expect(readFileSync(ledger).subarray(0, 2).toString()).toBe('PK');
    await waitForText(app.page.getByTestId('ledger-export-done'), '5 项任务');
    await snapshot(app.page, 'ledger-exported');
    await chooseSheet(app.page, ledger);
    await waitForText(app.page.getByTestId('ledger-counts'), '将新增 0 项 · 更新 0 项 · 无变化 5 项 · 0 行无法导入');
  });

  it('refuses a password-protected workbook in one sentence and stays usable', async () => {
    const app = await launchAs('质监');
    const file = writeEncryptedXlsx(tempDir());
    await app.open('#/ledger');
    await chooseSheet(app.page, file);
    await waitForText(app.page.getByTestId('ledger-refusal'), '该工作簿设有打开密码，无法读取');
    expect(await app.page.getByRole('button', { name: '选择表格…' }).isEnabled()).toBe(true);
    const good = join(tempDir(), 'good.xlsx');
    await writeZhijianBreakdownXlsx(good);
    await chooseSheet(app.page, good);
    await waitForText(app.page.getByTestId('ledger-counts'), '将新增 5 项');
    expect(await app.page.getByTestId('ledger-refusal').count()).toBe(0);

    // A .csv saved by WPS in GBK, without a BOM: read, and the screen says how.
    const gbk = join(tempDir(), '任务分解表-gbk.csv');
    writeZhijianBreakdownCsv(gbk, { encoding: 'gbk' });
    await chooseSheet(app.page, gbk);
    await waitForText(app.page.getByTestId('ledger-notes'), '按 GBK 编码读取');
    await waitForText(app.page.getByTestId('ledger-counts'), '将新增 5 项');
    await waitForText(app.page.getByTestId('ledger-sample-row').nth(1), '建立省级质量基础数据库');
  });
});

describe('the Word report and the unit’s full name', () => {
  it('saves the period report as .docx from the reports screen, signed off with the 单位全称 set in Settings', async () => {
    const app = await launchAs('质监');
    await app.open('#/settings');
    const unitName = app.page.getByLabel('单位全称');
    await waitForText(app.page.locator('.field-hint', { hasText: '落款使用单位全称' }), '仍为计划中的简称（质监）');
    await unitName.fill('山东省质量技术监督局');
    await unitName.press('Enter');
    await waitForText(app.page.locator('.toast, [role="status"]'), '已保存');
    expect((await callApi(app.page, 'settings.get', {})).unitNames).toEqual({ 质监: '山东省质量技术监督局' });
    await snapshot(app.page, 'settings-unit-name');

    await app.open('#/reports?period=2016-H2');
    const word = app.page.getByRole('button', { name: '另存为 Word（.docx）' });
    await word.waitFor();
    await app.page.getByTestId('report-measure').first().waitFor();
    await snapshot(app.page, 'reports-word');
    const download = app.page.waitForEvent('download');
    await word.click();
    const saved = join(tempDir(), 'report.docx');
    await (await download).saveAs(saved);
    expect((await download).suggestedFilename()).toMatch(/\.docx$/u);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    await waitForText(app.page.locator('.toast, [role="status"]'), '已保存 Word 报告');

    // The preview (the exact report.html) is signed off with the full name.
    await app.page.getByRole('button', { name: '预览报告' }).click();
    const frame = app.page.frameLocator('.report-preview iframe');
    await waitForText(frame.locator('body'), '山东省质量技术监督局');
  });
});

describe('the verify screen', () => {
  it('lists report.docx in the signed package as the Word report and saves it', async () => {
    const app = await launchAs('质监');
    await callApi(app.page, 'reports.createKey', { passphrase: '质监报送口令-2016' });
    const { jobId } = await callApi(app.page, 'reports.export', { period: '2016-H2', targetId: null, passphrase: '质监报送口令-2016' });
    let job = await callApi(app.page, 'jobs.get', { id: jobId });
    while (job.state === 'running') job = await callApi(app.page, 'jobs.get', { id: jobId });
    const download = job.result?.kind === 'report.export' ? job.result.download : null;
    if (!download) throw new Error(`export ended ${job.state}`);
    const base64 = await app.page.evaluate(async (id) => {
      const bytes = new Uint8Array(await (await fetch(`/download/${id}`)).arrayBuffer());
      return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
    }, download.downloadId);
    const packageFile = join(tempDir(), '质监-2016年下半年.plreport');
    writeFileSync(packageFile, Buffer.from(base64, 'base64'));

    await app.open('#/verify');
    const verify = new VerifyPage(app.page);
    await verify.open(packageFile);
    await verify.verdict.waitFor();
    const saved = join(tempDir(), 'saved-report.docx');
    // Opens the file list and saves report.docx from it.
    await verify.saveFile('report.docx', saved);
    await waitForText(app.page.getByTestId('verify-file').filter({ hasText: 'report.docx' }), 'report.docx（Word 版报告）');
    await app.page.getByTestId('verify-file').last().scrollIntoViewIfNeeded();
    await snapshot(app.page, 'verify-files');
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('screenshots', () => {
  for (const [language, viewport] of [
    ['zh-CN', { width: 1024, height: 768 }],
    ['en', { width: 1280, height: 800 }],
  ] as const) {
    it(`of the ledger preview, the Word button and the full-name field in ${language} at ${viewport.width}x${viewport.height}`, async () => {
      const app = await launchAs('质监', { viewport, language });
      const file = join(tempDir(), 'breakdown.xlsx');
      await writeZhijianBreakdownXlsx(file, withProblems);
      await app.open('#/ledger');
      await chooseSheet(app.page, file);
      await app.page.getByTestId('ledger-problems').waitFor();
      await snapshot(app.page, 'ledger-preview', { andEnd: true });
      const overflow = await app.page.evaluate(() => {
        const main = document.querySelector('main#main') as HTMLElement;
        return main.scrollWidth - main.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await app.open('#/reports?period=2016-H2');
      await app.page.getByTestId('report-measure').first().waitFor();
      await snapshot(app.page, 'reports-word');
      await app.open('#/settings');
      await app.page.locator('main#main h1').first().waitFor();
      await snapshot(app.page, 'settings-unit-name');
    });
  }
});
