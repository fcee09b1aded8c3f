import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppFrame } from '../pages/AppFrame';
import { Dashboard } from '../pages/Dashboard';
import { DepartmentPicker } from '../pages/DepartmentPicker';
import { PlansPage } from '../pages/PlansPage';
import { launchApp, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';

const fixture = (name: string) => resolve(import.meta.dirname, '../../fixtures/plans', name);

let app: AppUnderTest | null = null;
useApp();

describe('plans', () => {
  it('asks a fresh data folder for its department, then lists that department’s 11 measures', async () => {
    app = await launchApp();
    await app.open('#/');
    const picker = new DepartmentPicker(app.page);
    await waitForText(picker.heading, '选择本部门');
    await picker.cards.nth(26).waitFor();
    expect(await picker.cards.count()).toBe(27);
    expect(await picker.card('经济和信息化').textContent()).toContain('承担 11 条措施');
    expect(await picker.card('发展改革').textContent()).toContain('发展和改革');

    await picker.filter.fill('经济');
    await picker.choose('经济和信息化');

    const dashboard = new Dashboard(app.page);
    await waitForText(dashboard.heading, '经济和信息化');
    await dashboard.measureRows.nth(10).waitFor();
    expect(await dashboard.measureRows.count()).toBe(11);
    expect(await dashboard.measureCount.textContent()).toBe('11');
    await waitForText(new AppFrame(app.page).department, '经济和信息化');

    // The choice is remembered.
    await app.reload();
    await dashboard.measureRows.nth(10).waitFor();
    expect(await dashboard.measureRows.count()).toBe(11);
  });

  it('imports a second plan from its file with a preview, and does not import it twice', async () => {
    app = await launchApp();
    await app.open('#/plans');
    const plans = new PlansPage(app.page);
    await plans.planCards.first().waitFor();
    expect(await plans.planCards.count()).toBe(1);

    await plans.importFile(fixture('standalone-plan.txt'));
    await waitForText(plans.heading, '导入预览');
    await waitForText(app.page.locator('.plan-summary'), '某某县农村人居环境整治三年行动方案');
    await waitForText(app.page.locator('.plan-tree'), '推进农村生活垃圾治理');
    await plans.confirmImport.click();

    const frame = new AppFrame(app.page);
    await waitForText(frame.header, '某某县农村人居环境整治三年行动方案');
    await app.open('#/plans');
    await plans.planCards.nth(1).waitFor();
    expect(await plans.planCards.count()).toBe(2);

    await plans.importFile(fixture('standalone-plan.txt'));
    await waitForText(app.page.locator('.notice-info'), '已经导入过');
    await app.page.getByRole('button', { name: '取消' }).click();
    await plans.planCards.nth(1).waitFor();
    expect(await plans.planCards.count()).toBe(2);
  });

  it('shows what it could not place in the preview, with line numbers', async () => {
    app = await launchApp();
    await app.open('#/plans');
    const plans = new PlansPage(app.page);
    await plans.importFile(fixture('one-paragraph-measures.txt'));
    await waitForText(plans.heading, '导入预览');
    await app.page.locator('.plan-tree').waitFor();
    const warnings = await plans.warnings.allTextContents();
    for (const warning of warnings) expect(warning).toMatch(/第 \d+ 行|方案标题/u);
  });

  it('explains a file it cannot read and changes nothing', async () => {
    app = await launchApp();
    await app.open('#/plans');
    const plans = new PlansPage(app.page);
    await plans.importFile(resolve(import.meta.dirname, '../../../build/icon.png'));
    await waitForText(app.page.getByRole('alert'), '不是可以识别的方案文件');
    await plans.planCards.first().waitFor();
    expect(await plans.planCards.count()).toBe(1);
  });
});
