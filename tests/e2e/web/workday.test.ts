import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../pages/Dashboard';
import { DepartmentPicker } from '../pages/DepartmentPicker';
import { MeasurePage } from '../pages/MeasurePage';
import { launchApp, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
let app: AppUnderTest | null = null;
useApp();

describe('a coordinator’s day', () => {
  it('picks the department, breaks a measure into tasks with statuses, owners, dates and a file, and finds it all after a reload', async () => {
    app = await launchApp();
    await app.open('#/');
    const picker = new DepartmentPicker(app.page);
    await picker.card('经济和信息化').waitFor();
    await picker.choose('经济和信息化');
    const dashboard = new Dashboard(app.page);
    await dashboard.measureRows.nth(10).waitFor();
    expect(await dashboard.measureRows.count()).toBe(11);

    await dashboard.openMeasure('2.1.2');
    const measure = new MeasurePage(app.page);
    await waitForText(measure.heading, '着力强化企业质量管理');
    for (const text of ['建立中小企业质量管理体系', '开展企业管理提升专项行动', '组织QC小组活动']) await measure.addTask(text);
    await measure.setStatus(0, '进行中');
    await measure.setStatus(1, '已完成');
    await measure.setOwner(0, '王科长');
    await measure.setOwner(2, '李处长');
    await measure.setDue(0, '2016-10-31');
    await measure.setDue(2, '2016-12-15');
    const minutes = join(tempDir(), '专项行动会议纪要.txt');
    writeFileSync(minutes, '专项行动会议纪要:确定试点企业名单。');
    await measure.saving(() => measure.attachThroughChooser(minutes));
    await measure.evidenceRow('专项行动会议纪要.txt').waitFor();

    await app.reload();
    await measure.tasks.nth(2).waitFor();
    expect(await measure.taskTexts()).toEqual(['建立中小企业质量管理体系', '开展企业管理提升专项行动', '组织QC小组活动']);
    expect(await measure.taskAt(0).getByRole('combobox', { name: '状态' }).inputValue()).toBe('in_progress');
    expect(await measure.taskAt(1).getByRole('combobox', { name: '状态' }).inputValue()).toBe('done');
    expect(await measure.taskAt(2).getByRole('combobox', { name: '责任人' }).inputValue()).toBe('李处长');
    expect(await measure.taskAt(0).getByLabel('完成时限').inputValue()).toBe('2016-10-31');
    await measure.evidenceRow('专项行动会议纪要.txt').waitFor();

    const history = (await app.page.locator('.measure-side .history-entry').allTextContents()).join('\n');
    expect(history).toContain('添加材料“专项行动会议纪要.txt”');
    expect(history).toContain('责任人 （空） → 李处长');
    expect(history).toContain('完成时限 （空） → 2016-12-15');
  });
});
