import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFrame } from '../pages/AppFrame';
import { Dashboard } from '../pages/Dashboard';
import { DepartmentPicker } from '../pages/DepartmentPicker';
import { PlansPage } from '../pages/PlansPage';
import { callApi } from '../support/api';
import { launchAs, useApp, type AppUnderTest } from '../support/app';
import { dropFiles } from '../support/drop';
import { waitForText } from '../support/wait';
import { rewrap, seedText } from '../../unit/plan/helpers';

// In web/: files made in the page and dropped, and the clipboard permission, are the browser's
// (the desktop app registers dropped files by their path on disk).
const outDir = resolve(import.meta.dirname, '../../../out/screenshots');
const standalone = readFileSync(resolve(import.meta.dirname, '../../fixtures/plans/standalone-plan.txt'), 'utf8');
const standaloneTitle = '某某县农村人居环境整治三年行动方案';
/** Measures with 完成时限 lines (dates, 每季度末, 长期坚持) and collective names (各区政府). */
const deadlines = readFileSync(resolve(import.meta.dirname, '../../fixtures/plans/deadlines-and-collectives.txt'), 'utf8');
/** The seed as copied out of its PDF: hard line breaks every 26 characters, `— N —` page numbers between lines. */
const copiedFromPdf = rewrap(seedText(), 26);
const pageNumbers = copiedFromPdf.split('\n').filter((line) => /^— \d+ —$/u.test(line));

useApp();

/** Another plan made the active one, so that going back to the seed is a visible change. */
async function makeStandaloneActive(app: AppUnderTest): Promise<void> {
  const preview = await callApi(app.page, 'plans.previewText', { text: standalone, name: 'standalone.txt' });
  await callApi(app.page, 'plans.import', { previewId: preview.previewId });
}

describe('importing a plan as people receive it', () => {
  it('previews the seed pasted as copied from its PDF: hard-wrapped, page numbers left out, the same plan', async () => {
    const app = await launchAs('经济和信息化');
    await makeStandaloneActive(app);
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.open('#/plans');
    const plans = new PlansPage(app.page);
    await plans.pasteBox.waitFor();

    // Ctrl+V with the focus on no field lands in the paste box; Ctrl+Enter previews.
    await app.page.evaluate((text) => navigator.clipboard.writeText(text), copiedFromPdf);
    await app.page.locator('main#main').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+V');
    await expect.poll(() => plans.pasteBox.inputValue()).toBe(copiedFromPdf);
    await app.page.keyboard.press('Control+Enter');

    await waitForText(plans.heading, '导入预览');
    await waitForText(plans.reader, '粘贴的文本');
    await waitForText(plans.layout, '硬换行已合并');
    await waitForText(plans.counts, '17 条措施 · 27 个部门 · 报送时限 2017年1月31日');
    expect(await app.page.locator('.plan-tree-measures > li').count()).toBe(17);

    await waitForText(plans.dropped, `已略去 ${pageNumbers.length} 处页面内容`);
    await plans.dropped.locator('summary').click();
    const rows = plans.dropped.locator('tbody tr');
    expect(await rows.count()).toBe(pageNumbers.length);
    expect(await rows.first().locator('td').allTextContents()).toEqual(['页码', '第 23 行', '— 1 —']);

    mkdirSync(outDir, { recursive: true });
    await app.page.screenshot({ path: `${outDir}/zh-CN-1280x800-plan-import-preview.png` });

    // The same plan as the embedded .txt, whatever its layout: switching to it, not a second copy.
    await waitForText(app.page.locator('.notice-info'), '已经导入过');
    await plans.switchToExisting.click();
    const dashboard = new Dashboard(app.page);
    await dashboard.measureRows.nth(10).waitFor();
    expect(await dashboard.measureRows.count()).toBe(11);
    await waitForText(new AppFrame(app.page).header, '山东省');
    expect((await callApi(app.page, 'plans.list', {})).plans).toHaveLength(2);
  });

  it('imports a new plan from pasted text; its measures then show their recurring deadlines', async () => {
    const app = await launchAs('经济和信息化');
    await app.open('#/plans');
    const plans = new PlansPage(app.page);
    await plans.pasteBox.fill(deadlines);
    await plans.previewButton.click();
    await waitForText(plans.reader, '粘贴的文本');
    await waitForText(app.page.locator('.plan-tree'), '完成时限“每季度末”读作 每季度');
    await waitForText(app.page.locator('.plan-tree'), '各区政府（统称）');
    await plans.confirmImport.click();

    // Their department has no measures in the new plan: the dashboard says so and offers another.
    const frame = new AppFrame(app.page);
    await waitForText(frame.header, '某市优化营商环境行动方案');
    await app.page.getByRole('link', { name: /选择其他部门/u }).click();
    const picker = new DepartmentPicker(app.page);
    await picker.card('市发展改革委').waitFor();
    await picker.choose('市发展改革委');
    const dashboard = new Dashboard(app.page);
    await dashboard.measureRows.nth(1).waitFor();
    expect(await dashboard.measureRows.count()).toBe(2);
    await dashboard.openMeasure('1.2');
    await waitForText(app.page.getByTestId('measure-due'), '时限 每季度');
    mkdirSync(outDir, { recursive: true });
    await app.page.screenshot({ path: `${outDir}/zh-CN-1280x800-measure-recurrence.png` });
  });

  it('previews and imports a .txt dropped anywhere on the screen, and refuses several at once', async () => {
    const app = await launchAs('经济和信息化');
    await app.open('#/plans');
    const plans = new PlansPage(app.page);
    await plans.planCards.first().waitFor();

    await dropFiles(plans.dropZone, [
      { name: 'a.txt', text: standalone },
      { name: 'b.txt', text: standalone },
    ]);
    await waitForText(app.page.getByRole('alert'), '一次只能导入一个方案文件');

    await dropFiles(plans.dropZone, [{ name: '人居环境整治方案.txt', text: standalone }]);
    await waitForText(plans.heading, '导入预览');
    await waitForText(plans.reader, '文本');
    await waitForText(plans.layout, '每段一行');
    await waitForText(app.page.locator('.plan-summary'), standaloneTitle);
    await plans.confirmImport.click();

    await waitForText(new AppFrame(app.page).header, standaloneTitle);
    const list = await callApi(app.page, 'plans.list', {});
    expect(list.plans.map((plan) => plan.sourceName)).toContain('人居环境整治方案.txt');
  });

  it('looks finished with text pasted, in both languages', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const app = await launchAs('经济和信息化', { language });
      await app.open('#/plans');
      const plans = new PlansPage(app.page);
      await plans.pasteBox.fill(copiedFromPdf);
      await app.page.waitForLoadState('networkidle');
      mkdirSync(outDir, { recursive: true });
      await app.page.screenshot({ path: `${outDir}/${language}-1280x800-plan-import.png` });
      await plans.previewButton.click();
      await plans.reader.waitFor();
      await plans.dropped.locator('summary').click();
      await app.page.screenshot({ path: `${outDir}/${language}-1280x800-plan-import-preview-dropped.png` });

      // Deadlines as written and as read, collective names marked.
      await app.page.getByRole('button', { name: /^(取消|Cancel)$/u }).click();
      await plans.pasteBox.fill(deadlines);
      await plans.previewButton.click();
      await app.page.locator('.measure-due').first().scrollIntoViewIfNeeded();
      await app.page.locator('.plan-tree').evaluate((tree) => tree.scrollIntoView({ block: 'start' }));
      await app.page.screenshot({ path: `${outDir}/${language}-1280x800-plan-import-preview-deadlines.png` });
      const overflow = await app.page.evaluate(() => {
        const main = document.querySelector('main#main') as HTMLElement;
        return { page: document.documentElement.scrollWidth - window.innerWidth, main: main.scrollWidth - main.clientWidth };
      });
      expect(overflow, 'the preview scrolls sideways').toEqual({ page: 0, main: 0 });
      await app.close();
    }
  });
});
