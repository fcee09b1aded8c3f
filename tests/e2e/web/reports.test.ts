import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Dashboard } from '../pages/Dashboard';
import { DepartmentPicker } from '../pages/DepartmentPicker';
import { ReportsPage } from '../pages/ReportsPage';
import { VerifyPage } from '../pages/VerifyPage';
import { callApi } from '../support/api';
import { closeChromium, launchApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
let app: AppUnderTest | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(closeChromium);

describe('the period report', () => {
  it('is written in the UI, exported signed, and verified in the verify screen', async () => {
    app = await launchApp();
    await app.open('#/');
    const picker = new DepartmentPicker(app.page);
    await picker.card('经济和信息化').waitFor();
    await picker.choose('经济和信息化');
    await new Dashboard(app.page).measureRows.first().waitFor();
    const [task] = await callApi(app.page, 'tasks.create', { measureCode: '2.1.1', texts: ['制定年度标准化工作计划'] });
    await callApi(app.page, 'tasks.update', { id: task!.id, patch: { status: 'done' } });

    await app.open('#/reports?period=2016-H2');
    const reports = new ReportsPage(app.page);
    await waitForText(reports.heading, '工作报告');
    await reports.measures.nth(10).waitFor();
    expect(await reports.measures.count()).toBe(11);
    await reports.write(reports.workDone('2.1.1'), '全面完成年度标准化工作改革任务,制定并印发年度工作计划。');
    await reports.write(reports.field('存在问题'), '部分项目资金到位较慢。');
    await reports.write(reports.field('下步打算'), '加强与省财政厅沟通协调。');
    await reports.write(reports.field('联系人'), '张三');
    await reports.write(reports.field('联系电话'), '0531-86000000');

    // What was typed survives a reload.
    await app.reload();
    await reports.workDone('2.1.1').waitFor();
    expect(await reports.workDone('2.1.1').inputValue()).toBe('全面完成年度标准化工作改革任务,制定并印发年度工作计划。');

    const file = join(tempDir(), 'downloaded.plreport');
    const exported = await reports.exportWithNewKey('报送口令-2016年下半年', file);
    expect(exported.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}\n([0-9A-F]{4} ){7}[0-9A-F]{4}$/u);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');

    await app.open('#/verify');
    const verify = new VerifyPage(app.page);
    await verify.open(file);
    await waitForText(verify.verdict, '报告完好,签名有效');
    expect(await verify.fingerprint.textContent()).toBe(exported.fingerprint);
    await waitForText(verify.report.locator('body'), '全面完成年度标准化工作改革任务');
    await waitForText(verify.report.locator('body'), '部分项目资金到位较慢');

    await app.page.getByRole('button', { name: '登记为可信' }).click();
    await waitForText(app.page.locator('.text-success'), '已登记为“经济和信息化”的签名人');

    // One changed byte and the same screen refuses it.
    const tampered = join(tempDir(), 'tampered.plreport');
    const bytes = readFileSync(file);
    const third = Math.floor(bytes.length / 3);
    bytes[third] = (bytes[third] as number) ^ 0x01;
    writeFileSync(tampered, bytes);
    await verify.open(tampered);
    await waitForText(verify.verdict, '报告未通过核验');
  });

  it('verifies a report handed to the verify screen by route, as the desktop does for a double-clicked file', async () => {
    app = await launchApp();
    await app.open('#/');
    const picker = new DepartmentPicker(app.page);
    await picker.card('质监').waitFor();
    await picker.choose('质监');
    await new Dashboard(app.page).measureRows.first().waitFor();
    await callApi(app.page, 'reports.createKey', { passphrase: '质监报送口令2016' });
    const { jobId } = await callApi(app.page, 'reports.export', { period: '2016', targetId: null, passphrase: '质监报送口令2016' });
    let job = await callApi(app.page, 'jobs.get', { id: jobId });
    while (job.state === 'running') job = await callApi(app.page, 'jobs.get', { id: jobId });
    const download = job.result?.kind === 'report.export' ? job.result.download : null;
    // The downloaded bytes go back up as the "opened" file, the way a browser user would hand it over.
    const uploaded = await app.page.evaluate(async (id) => {
      const bytes = await (await fetch(`/download/${id}`)).arrayBuffer();
      const response = await fetch('/upload?name=opened.plreport', { method: 'POST', body: bytes });
      return (await response.json()) as { value: { id: string; size: number } };
    }, download?.downloadId as string);

    await app.open(`#/verify?file=${uploaded.value.id}&name=opened.plreport&size=${uploaded.value.size}`);
    await waitForText(new VerifyPage(app.page).verdict, '报告完好,签名有效');
  });
});
