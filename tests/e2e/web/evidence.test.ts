import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeasurePage } from '../pages/MeasurePage';
import { callApi } from '../support/api';
import { launchAs, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
useApp();

/** The app as 经济和信息化 on measure 2.1.1, with the given tasks. */
async function openMeasure(tasks: string[] = []): Promise<{ app: AppUnderTest; measure: MeasurePage }> {
  const launched = await launchAs('经济和信息化');
  if (tasks.length > 0) await callApi(launched.page, 'tasks.create', { measureCode: '2.1.1', texts: tasks });
  await launched.open('#/measures/2.1.1');
  const measure = new MeasurePage(launched.page);
  await waitForText(measure.heading, '大力加强质量技术基础建设');
  await measure.evidence().waitFor();
  return { app: launched, measure };
}

/**
 * Browser target only: these drive the browser's file chooser and drop synthetic files; the
 * desktop app uses the native dialog and resolves drops to paths in the preload (files made
 * inside the page have no path there), which Playwright cannot drive.
 */
describe('evidence files', () => {
  it('attaches through the file chooser and by dropping, keeps them across a reload, and removes one with a history record', async () => {
    const { app, measure } = await openMeasure();
    await waitForText(measure.evidence(), '还没有材料');

    await measure.attachThroughChooser({ name: '验收报告.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(12_345, 7) });
    const report = measure.evidenceRow('验收报告.pdf');
    await report.waitFor();
    await waitForText(report, '12.1 KB');
    await waitForText(report, '措施材料');

    await measure.dropOnEvidence([{ name: '现场照片.jpg', type: 'image/jpeg', text: 'jpeg bytes' }]);
    const photo = measure.evidenceRow('现场照片.jpg');
    await photo.waitFor();
    await waitForText(photo, '10 B');
    await waitForText(measure.evidence().locator('.evidence-title .badge'), '2 份');

    await app.reload();
    await measure.evidenceRow('现场照片.jpg').waitFor();
    expect(await measure.evidenceNames()).toEqual(['验收报告.pdf', '现场照片.jpg']);

    await measure.removeEvidence('现场照片.jpg');
    expect(await measure.evidenceNames()).toEqual(['验收报告.pdf']);
    await waitForText(measure.history.first(), '移除材料“现场照片.jpg”');
    await waitForText(measure.history.nth(1), '添加材料“现场照片.jpg”');

    await app.reload();
    await measure.evidenceRow('验收报告.pdf').waitFor();
    expect(await measure.evidenceNames()).toEqual(['验收报告.pdf']);
  });

  it('asks before removing, inline, and keeps the file when told to', async () => {
    const { measure } = await openMeasure();
    await measure.dropOnEvidence([{ name: '保留.txt', type: 'text/plain', text: 'keep' }]);
    const row = measure.evidenceRow('保留.txt');
    await row.waitFor();
    await row.getByRole('button', { name: '移除“保留.txt”' }).click();
    await waitForText(row, '修改记录会保留这次操作');
    await row.getByRole('button', { name: '保留' }).click();
    await row.getByRole('button', { name: '打开“保留.txt”' }).waitFor();
    expect(await measure.evidenceNames()).toEqual(['保留.txt']);
  });

  it('attaches to a task from its row and shows the count there', async () => {
    const { measure } = await openMeasure(['制定年度标准化工作计划', '组织节能家电计量测试中心建设']);
    const task = measure.taskAt(1);
    await measure.attachThroughChooser(
      [
        { name: '计划.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('plan') },
        { name: '附表.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('table') },
      ],
      task.getByRole('button', { name: '为任务“组织节能家电计量测试中心建设”添加材料' }),
    );
    await waitForText(task.getByTestId('task-evidence'), '2 份材料');
    await waitForText(measure.evidenceRow('附表.xlsx'), '任务：组织节能家电计量测试中心建设');
    expect(await measure.taskAt(0).getByTestId('task-evidence').textContent()).not.toContain('份材料');

    // A file dropped on the task's strip goes to that task.
    await measure.dropOnEvidence([{ name: '照片.png', type: 'image/png', text: 'png' }], measure.taskAt(0).getByTestId('task-evidence'));
    await waitForText(measure.evidenceRow('照片.png'), '任务：制定年度标准化工作计划');
  });

  it('is ready for the next file after the chooser comes back empty', async () => {
    const { measure } = await openMeasure(['制定年度标准化工作计划']);
    const taskButton = measure.taskAt(0).getByRole('button', { name: '为任务“制定年度标准化工作计划”添加材料' });
    await measure.attachThroughChooser([]);
    await measure.page.waitForFunction(
      () => !document.querySelector('[data-testid="task-evidence"] button')?.hasAttribute('disabled'),
      undefined,
      { timeout: 5000 },
    );
    expect(await taskButton.isEnabled()).toBe(true);
    expect(await measure.evidence().getByRole('button', { name: '添加材料…' }).isEnabled()).toBe(true);
  });

  it('shows upload progress with the file name and cancels without leaving anything behind', async () => {
    const { app, measure } = await openMeasure();
    const big = join(tempDir(), '全年影像资料.zip');
    writeFileSync(big, '');
    truncateSync(big, 1536 * 1024 * 1024);
    // Uploads over loopback are fast: slow the request body down so the progress can be seen.
    const client = await app.page.context().newCDPSession(app.page);
    await client.send('Network.enable');
    await client.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 50 * 1024 * 1024,
    });

    await measure.attachThroughChooser(big);
    const progress = measure.evidence().getByTestId('evidence-progress');
    await waitForText(progress, '正在上传“全年影像资料.zip”');
    await app.page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0);
    expect(await progress.getByRole('progressbar').getAttribute('aria-label')).toContain('全年影像资料.zip');
    await progress.getByRole('button', { name: '取消添加' }).click();
    await progress.waitFor({ state: 'detached' });
    await waitForText(app.page.locator('.toasts'), '已取消添加');
    await waitForText(measure.evidence(), '还没有材料');
    // The dev host removes the partial upload when the request is aborted.
    await expect
      .poll(() => readdirSync(join(app.dataDir, 'tmp')).filter((name) => name.startsWith('upload-')), { timeout: 10_000 })
      .toEqual([]);
  });
});
