import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi } from '../support/api';
import { launchAs, useApp, type AppUnderTest } from '../support/app';
import { dropFiles } from '../support/drop';
import { waitForText } from '../support/wait';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
useApp();

const screenshotDir = resolve(import.meta.dirname, '../../../out/screenshots');
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir, `zh-CN-1280x800-${name}.png`), fullPage: false });
}

/** Waits for a job started through the API and returns its finished state. */
async function settle(page: Page, jobId: string) {
  let job = await callApi(page, 'jobs.get', { id: jobId });
  while (job.state === 'running') job = await callApi(page, 'jobs.get', { id: jobId });
  return job;
}

/** The department's report for 2016-H2, exported through its own app; the package's bytes. */
async function exportReport(app: AppUnderTest, passphrase: string): Promise<Buffer> {
  const { jobId } = await callApi(app.page, 'reports.export', { period: '2016-H2', targetId: null, passphrase });
  const job = await settle(app.page, jobId);
  const download = job.result?.kind === 'report.export' ? job.result.download : null;
  if (!download) throw new Error(`export ended ${job.state}`);
  const base64 = await app.page.evaluate(async (id) => {
    const bytes = new Uint8Array(await (await fetch(`/download/${id}`)).arrayBuffer());
    return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
  }, download.downloadId);
  return Buffer.from(base64, 'base64');
}

/** A department's install: a key, one task on a measure it carries, and the report exported. */
async function department(name: string, passphrase: string): Promise<{ app: AppUnderTest; task: number; fingerprint: string }> {
  const app = await launchAs(name);
  const key = await callApi(app.page, 'reports.createKey', { passphrase });
  const [measure] = (await callApi(app.page, 'workspace.dashboard', {})).measures;
  const [task] = await callApi(app.page, 'tasks.create', { measureCode: measure!.code, texts: [`${name}牵头制定实施方案`] });
  await callApi(app.page, 'tasks.update', { id: task!.id, patch: { status: 'in_progress', progress: 40 } });
  return { app, task: task!.id, fingerprint: key.fingerprint as string };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const asDropped = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });

describe('the receiving office, end to end', () => {
  it('takes every package in one drop, shows who has reported, diffs a re-sent report and issues a receipt the department imports', async () => {
    // Three departments report for 2016-H2 from their own installs.
    const industry = await department('经济和信息化', '经信报送口令-2016');
    const firstIndustry = await exportReport(industry.app, '经信报送口令-2016');
    // …then finish the task and send a corrected report.
    await callApi(industry.app.page, 'tasks.update', { id: industry.task, patch: { status: 'done', progress: 100 } });
    const resentIndustry = await exportReport(industry.app, '经信报送口令-2016');
    await industry.app.close();

    const finance = await department('财政', '财政报送口令-2016');
    const financeReport = await exportReport(finance.app, '财政报送口令-2016');
    await finance.app.close();
    const tampered = Buffer.from(financeReport);
    const third = Math.floor(tampered.length / 3);
    tampered[third] = (tampered[third] as number) ^ 0x01;

    const science = await department('科技', '科技报送口令-2016');
    const scienceReport = await exportReport(science.app, '科技报送口令-2016');

    // The office (质监, the plan's leading-group office) turns the inbox on and drops everything at once.
    const office = await launchAs('质监');
    await callApi(office.page, 'settings.update', { office: true });
    const officeKey = await callApi(office.page, 'reports.createKey', { passphrase: '质监收件口令-2016' });
    await office.open('#/office/inbox');
    const inbox = office.page.getByTestId('inbox-page');
    await inbox.waitFor();
    await dropFiles(inbox, [
      asDropped('经济和信息化-2016年下半年.plreport', firstIndustry),
      asDropped('经济和信息化-2016年下半年(更正).plreport', resentIndustry),
      asDropped('经济和信息化-2016年下半年 - 副本.plreport', firstIndustry),
      asDropped('财政-2016年下半年.plreport', financeReport),
      asDropped('财政-2016年下半年-改过.plreport', tampered),
      asDropped('科技-2016年下半年.plreport', scienceReport),
    ]);
    await waitForText(office.page.getByTestId('inbox-counts'), '已接收 4 · 重复 1 · 已拒收 1');
    const refused = office.page.locator('[data-testid="inbox-item"][data-outcome="refused"]');
    await waitForText(refused, '财政-2016年下半年-改过.plreport');
    // Where the flipped byte lands decides the words (content, CRC or ZIP structure); each says it was altered.
    await waitForText(refused, '改动');
    await snapshot(office.page, 'office-scenario-inbox');

    // Who has reported: no signer is registered yet, so every received cell says so; the rest are overdue.
    await office.open('#/office/matrix?granularity=half&to=2016-12');
    const cell = (name: string) => office.page.getByRole('button', { name: new RegExp(`^${name}，2016年下半年：`, 'u') });
    await waitForText(cell('财政'), '签名人未登记');
    await waitForText(office.page.getByTestId('matrix-row').filter({ hasText: '发展改革' }), '逾期未报');

    // The office registers 经信's signer (fingerprint read out over the phone) from its submission.
    await cell('经济和信息化').click();
    const submission = office.page.getByTestId('submission-page');
    await submission.waitFor();
    await office.page.getByTestId('trust-fingerprint').fill(industry.fingerprint);
    await office.page.getByRole('button', { name: '核对并登记' }).click();
    await waitForText(office.page.getByTestId('submission-trust'), '已登记为“经济和信息化”的签名人');
    await waitForText(office.page.getByTestId('submission-sha256'), sha256(resentIndustry));

    // The corrected report replaced the first one; the first is kept, with what changed.
    const versions = office.page.getByTestId('submission-version');
    await expect.poll(() => versions.count()).toBe(2);
    await office.page.getByRole('link', { name: '查看此版本' }).click();
    await waitForText(office.page.getByTestId('submission-sha256'), sha256(firstIndustry));
    await waitForText(office.page.getByTestId('submission-diff'), '进行中');
    await waitForText(office.page.getByTestId('submission-diff'), '已完成');
    await snapshot(office.page, 'office-scenario-diff');

    // The matrix now counts 经信 as reported (late: the plan wanted it by 2017-01-31).
    await office.open('#/office/matrix?granularity=half&to=2016-12');
    await waitForText(cell('经济和信息化'), '逾期报送');
    await snapshot(office.page, 'office-scenario-matrix');

    // A receipt for 科技's package, signed with the office's key.
    const scienceId = (await callApi(office.page, 'office.submissions', { department: '科技' }))[0]!.id;
    await office.open(`#/office/submissions/${scienceId}`);
    await submission.waitFor();
    await office.page.getByRole('button', { name: '保存回执' }).click();
    const dialog = office.page.getByRole('dialog');
    await dialog.getByLabel('签名密钥的口令').fill('质监收件口令-2016');
    const download = office.page.waitForEvent('download');
    await dialog.getByRole('button', { name: '签发并保存' }).click();
    const receiptFile = join(tempDir(), '科技-2016年下半年.plreceipt');
    await (await download).saveAs(receiptFile);
    expect(readFileSync(receiptFile).subarray(0, 2).toString()).toBe('PK');
    await office.close();

    // 科技 registers the office's key and imports its receipt: the report shows as delivered.
    await callApi(science.app.page, 'reports.trust', { fingerprint: officeKey.fingerprint as string, department: '质监' });
    await science.app.open('#/reports?period=2016-H2');
    const chooser = science.app.page.waitForEvent('filechooser');
    await science.app.page.getByRole('button', { name: '导入回执…' }).click();
    await (await chooser).setFiles(receiptFile);
    await waitForText(science.app.page.getByTestId('delivery'), '送达 · 质监 于');
    const [exported] = await callApi(science.app.page, 'reports.history', {});
    expect(exported).toMatchObject({ packageSha256: sha256(scienceReport), delivery: { office: '质监' } });
    await snapshot(science.app.page, 'office-scenario-delivered');
  });
});
