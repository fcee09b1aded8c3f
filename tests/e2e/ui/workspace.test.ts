import { describe, expect, it } from 'vitest';
import { Dashboard } from '../pages/Dashboard';
import { MeasurePage } from '../pages/MeasurePage';
import { startAs, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';

let app: AppUnderTest | null = null;
useApp();

describe('tracking a measure', () => {
  it('keeps tasks, statuses, owners, dates and notes across a reload, with the history of each change', async () => {
    app = await startAs('经济和信息化');
    const dashboard = new Dashboard(app.page);
    expect(await dashboard.measureRows.count()).toBe(11);
    await dashboard.openMeasure('2.1.1');

    const measure = new MeasurePage(app.page);
    await waitForText(measure.heading, '大力加强质量技术基础建设');
    await waitForText(measure.officialText.locator('mark'), '经济和信息化');
    await measure.addTask('制定年度标准化工作计划');
    await measure.addTask('组织节能家电计量测试中心建设');
    await measure.addTask('开展重点领域认证推广');
    expect(await measure.taskTexts()).toEqual(['制定年度标准化工作计划', '组织节能家电计量测试中心建设', '开展重点领域认证推广']);

    await measure.setStatus(0, '已完成');
    await measure.setStatus(1, '进行中');
    await measure.setStatus(2, '受阻');
    await measure.setOwner(1, '王科长');
    await measure.setDue(1, '2016-09-30');
    await measure.setNotes(1, '需协调省财政厅安排专项资金');

    await app.reload();
    await waitForText(measure.heading, '大力加强质量技术基础建设');
    await measure.tasks.nth(2).waitFor();
    expect(await measure.taskTexts()).toEqual(['制定年度标准化工作计划', '组织节能家电计量测试中心建设', '开展重点领域认证推广']);
    const second = measure.taskAt(1);
    expect(await second.getByRole('combobox', { name: '状态' }).inputValue()).toBe('in_progress');
    expect(await second.getByRole('combobox', { name: '责任人' }).inputValue()).toBe('王科长');
    expect(await second.getByLabel('完成时限').inputValue()).toBe('2016-09-30');
    expect(await second.getByRole('textbox', { name: '备注' }).inputValue()).toBe('需协调省财政厅安排专项资金');
    expect(await measure.taskAt(0).getByRole('checkbox').isChecked()).toBe(true);
    expect(await measure.taskAt(2).getByRole('combobox', { name: '状态' }).inputValue()).toBe('blocked');

    const history = (await app.page.locator('.measure-side .history-entry').allTextContents()).join('\n');
    for (const change of [
      '新增任务“制定年度标准化工作计划”',
      '状态 未开始 → 已完成',
      '状态 未开始 → 进行中',
      '状态 未开始 → 受阻',
      '责任人 （空） → 王科长',
      '完成时限 （空） → 2016-09-30',
      '备注 （空） → 需协调省财政厅安排专项资金',
    ]) {
      expect(history).toContain(change);
    }

    await app.open('#/');
    await waitForText(dashboard.measure('2.1.1'), '完成 1/3');
  });

  it('finds a word from a task note', async () => {
    app = await startAs('经济和信息化');
    await new Dashboard(app.page).openMeasure('2.1.2');
    const measure = new MeasurePage(app.page);
    await measure.addTask('开展企业管理提升专项行动');
    await measure.setNotes(0, '联系省中小企业局落实培训场地');

    await app.page.keyboard.press('Control+f');
    const input = app.page.getByTestId('search-input');
    await input.fill('培训场地');
    const result = app.page.getByTestId('search-result');
    await waitForText(result, '开展企业管理提升专项行动');
    expect(await result.count()).toBe(1);
    expect(await result.first().textContent()).toContain('培训场地');

    await input.fill('场地');
    await waitForText(result, '开展企业管理提升专项行动');
    await result.first().click();
    await waitForText(measure.heading, '着力强化企业质量管理');
    // The task the result points at is brought into view and focused.
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'task-row');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('开展企业管理提升专项行动');
  });

  it('undoes a delete', async () => {
    app = await startAs('质监');
    await app.open('#/measures/2.1.1');
    const measure = new MeasurePage(app.page);
    await measure.addTask('第一项');
    await measure.addTask('第二项');
    await measure.addTask('第三项');

    await measure.deleteTask(1);
    expect(await measure.taskTexts()).toEqual(['第一项', '第三项']);
    await app.page.getByRole('button', { name: '撤销' }).click();
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 3);
    expect(await measure.taskTexts()).toEqual(['第一项', '第二项', '第三项']);

    await measure.deleteTask(0);
    await app.page.locator('main').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+z');
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="task-row"]').length === 3);
    expect(await measure.taskTexts()).toEqual(['第一项', '第二项', '第三项']);
  });

  it('reorders with the keyboard', async () => {
    app = await startAs('质监');
    await app.open('#/measures/2.1.1');
    const measure = new MeasurePage(app.page);
    await measure.addTask('甲');
    await measure.addTask('乙');
    await measure.saving(async () => {
      await measure.taskAt(1).focus();
      await app?.page.keyboard.press('Alt+ArrowUp');
    });
    expect(await measure.taskTexts()).toEqual(['乙', '甲']);
  });

  it('saves a due date typed digit by digit once, when the field is left, and ignores implausible years', async () => {
    // en-US: month/day/year, so the year is typed last, through 0002, 0020, 0201 to 2016.
    app = await startAs('质监', { locale: 'en-US' });
    await app.open('#/measures/2.1.1');
    const measure = new MeasurePage(app.page);
    await measure.addTask('编制年度计量工作要点');
    await measure.typeDue(0, '09302016');
    expect(await measure.dueField(0).inputValue()).toBe('2016-09-30');
    expect(await measure.dueChanges()).toEqual([]);

    await measure.saving(() => measure.dueField(0).blur());
    expect(await measure.dueChanges()).toEqual(['任务“编制年度计量工作要点”：完成时限 （空） → 2016-09-30']);
    expect(await measure.dueField(0).inputValue()).toBe('2016-09-30');

    // A year no plan has (0201) is not saved; leaving the field puts the saved date back.
    await measure.typeDue(0, '12310201');
    await measure.taskAt(0).getByRole('combobox', { name: '状态' }).focus();
    await app.page.waitForFunction(() => (document.querySelector('input.task-due') as HTMLInputElement | null)?.value === '2016-09-30');
    // A save of that date would have gone out as the field was left: a change made after it
    // (the status) reaching the history shows whether one did, without waiting a set time.
    await measure.setStatus(0, '进行中');
    expect(await measure.dueChanges()).toHaveLength(1);

    await app.reload();
    await measure.tasks.first().waitFor();
    expect(await measure.dueField(0).inputValue()).toBe('2016-09-30');
    expect(await measure.dueChanges()).toHaveLength(1);
  });

  it('keeps what was typed when the window is reloaded mid-sentence, without leaving the field', async () => {
    app = await startAs('质监');
    await app.open('#/measures/2.1.1');
    const measure = new MeasurePage(app.page);
    await measure.addTask('走访重点企业');
    await measure.typeNotes(0, '已走访三家企业,还差两家');
    // No blur, no pause: reload at once, as closing the window would.
    await app.reload();
    await measure.tasks.first().waitFor();
    await measure.taskAt(0).getByRole('textbox', { name: '备注' }).waitFor();
    expect(await measure.taskAt(0).getByRole('textbox', { name: '备注' }).inputValue()).toBe('已走访三家企业,还差两家');

    // A field that saves only when left (the owner) keeps its text too.
    const owner = measure.taskAt(0).getByRole('combobox', { name: '责任人' });
    await owner.focus();
    await app.page.keyboard.type('李科长');
    await app.reload();
    await measure.tasks.first().waitFor();
    await app.page.waitForFunction(() => (document.querySelector('input.task-owner') as HTMLInputElement | null)?.value === '李科长');
  });
});
