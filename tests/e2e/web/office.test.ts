import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/backend';
import { findSigningKey } from '../../../electron/db/repos/reports';
import { fingerprintOf } from '../../../electron/services/report/keys';
import { startExport } from '../../../electron/services/report/export';
import { createKey } from '../../../electron/services/report/signing';
import { scopeFor } from '../../../electron/services/workspace/scope';
import { callApi } from '../support/api';
import { launchAs, useApp, type AppUnderTest } from '../support/app';
import { dropFiles } from '../support/drop';
import { waitForText } from '../support/wait';
import { callOrThrow, quietLog } from '../../support/call';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
useApp();

const passphrase = '各部门报送口令2017';
const screenshotDir = resolve(import.meta.dirname, '../../../out/screenshots');

async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir, `zh-CN-1280x800-${name}.png`) });
}

interface Sent {
  economy: string;
  quality1: string;
  quality2: string;
  twice: string;
  tampered: string;
  qualityFingerprint: string;
}

/**
 * What the departments send, made by the real export path in a department data folder:
 * 经济和信息化 once; 质监 twice for the same half-year (the second after finishing a task and
 * rewriting its account, so the versions differ); 财政's package with one byte changed on the
 * way; and 经济和信息化's file sent a second time under another name.
 */
async function departmentsExport(dir: string): Promise<Sent> {
  let clock = new Date('2017-01-10T09:00:00+08:00');
  const backend = await openBackend({ dataDir: join(dir, 'departments'), runtime: 'cli', logger: quietLog, now: () => clock });
  const api = <K extends Parameters<typeof callOrThrow>[1]>(name: K, request: Parameters<typeof callOrThrow<K>>[2]) =>
    callOrThrow(backend.router, name, request);
  try {
    const exportAs = async (department: string, at: string, name: string): Promise<string> => {
      clock = new Date(at);
      const scope = scopeFor(backend.db, department);
      if (!findSigningKey(backend.db, scope.departmentId)) await createKey(backend.ctx, scope, passphrase);
      const file = join(dir, name);
      const jobId = await startExport(backend.ctx, scope, { periodKey: '2016-H2', outFile: file, passphrase });
      const job = await backend.ctx.jobs.settled(jobId);
      if (job.state !== 'done') throw new Error(`export of ${department} ended ${job.state}`);
      return file;
    };

    await api('settings.update', { department: '经济和信息化', operator: '张三' });
    const [plan] = await api('tasks.create', { measureCode: '2.1.1', texts: ['制定年度标准化工作计划'] });
    await api('tasks.update', { id: plan!.id, patch: { status: 'done' } });
    await api('reports.saveMeasureText', { period: '2016-H2', code: '2.1.1', workDone: '全面完成年度标准化工作改革任务。' });
    const economy = await exportAs('经济和信息化', '2017-01-10T09:00:00+08:00', '经济和信息化-2016年下半年.plreport');

    await api('settings.update', { department: '质监' });
    const code = (await api('workspace.dashboard', {})).measures[0]!.code;
    const [survey] = await api('tasks.create', { measureCode: code, texts: ['开展计量检测专项行动'] });
    await api('tasks.update', { id: survey!.id, patch: { status: 'in_progress' } });
    await api('reports.saveMeasureText', { period: '2016-H2', code, workDone: '已启动专项行动。' });
    const quality1 = await exportAs('质监', '2017-01-12T09:00:00+08:00', '质监-2016年下半年.plreport');
    await api('tasks.update', { id: survey!.id, patch: { status: 'done' } });
    await api('reports.saveMeasureText', { period: '2016-H2', code, workDone: '专项行动已完成,共检测计量器具 1200 台件。' });
    const quality2 = await exportAs('质监', '2017-01-20T09:00:00+08:00', '质监-2016年下半年-更正.plreport');

    await api('settings.update', { department: '财政' });
    const tampered = await exportAs('财政', '2017-01-15T09:00:00+08:00', '财政-2016年下半年.plreport');
    const bytes = readFileSync(tampered);
    const third = Math.floor(bytes.length / 3);
    bytes[third] = (bytes[third] as number) ^ 0x01;
    writeFileSync(tampered, bytes);

    const twice = join(dir, '经济和信息化-再次发送.plreport');
    copyFileSync(economy, twice);
    const key = findSigningKey(backend.db, scopeFor(backend.db, '质监').departmentId);
    return { economy, quality1, quality2, twice, tampered, qualityFingerprint: fingerprintOf(key?.publicKeyPem ?? '') };
  } finally {
    await backend.close();
  }
}

// Exported once for the file (the tests only read them), removed after it.
let sent: Sent;
let exportDir = '';
beforeAll(async () => {
  exportDir = mkdtempSync(join(tmpdir(), 'planledger-office-'));
  sent = await departmentsExport(exportDir);
}, 60_000);
afterAll(() => rmSync(exportDir, { recursive: true, force: true }));

/** Hands files to the office through the API (upload, then one office.receive job), for tests about what comes after. */
async function receiveByApi(page: Page, files: string[]): Promise<void> {
  const fileIds: string[] = [];
  for (const file of files) {
    const uploaded = await page.evaluate(
      async ([name, base64]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const response = await fetch(`/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body: bytes });
        return (await response.json()) as { value: { id: string } };
      },
      [basename(file), readFileSync(file).toString('base64')] as const,
    );
    fileIds.push(uploaded.value.id);
  }
  const { jobId } = await callApi(page, 'office.receive', { fileIds });
  let job = await callApi(page, 'jobs.get', { id: jobId });
  while (job.state === 'running') job = await callApi(page, 'jobs.get', { id: jobId });
  if (job.state !== 'done') throw new Error(`receive ended ${job.state}`);
}

/** The app as the office 质监 with the office screens on, `files` already received, showing `hash`. */
async function officeAt(hash: string, files: string[]): Promise<AppUnderTest> {
  const app = await launchAs('质监');
  await callApi(app.page, 'settings.update', { office: true });
  if (files.length > 0) await receiveByApi(app.page, files);
  await app.open(hash);
  // The setting changed behind the page's back: a reload shows the office's sidebar.
  await app.reload();
  return app;
}

describe('the office', () => {
  it('is turned on in Settings, then receives a batch in the inbox: counts, reasons in words, outcomes filtered, submissions listed', async () => {
    const app = await launchAs('质监');
    const page = app.page;
    await app.open('#/settings');
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '设置' }).waitFor();
    expect(await nav.getByRole('link', { name: '收件' }).count()).toBe(0);
    // Saved at once (the box follows the saved setting, so it is clicked rather than "checked").
    await page.getByRole('checkbox', { name: '本机同时作为牵头单位（收件）' }).click();
    for (const name of ['收件', '报送情况', '按措施汇总']) await nav.getByRole('link', { name }).waitFor();
    await nav.getByRole('link', { name: '收件' }).click();
    await waitForText(page.locator('.empty-state'), '把报告文件拖到这里');

    // One batch: three good packages (one replacing an earlier one), a duplicate and a tampered file.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择报告文件' }).click();
    await (await chooser).setFiles([sent.economy, sent.quality1, sent.quality2, sent.twice, sent.tampered]);
    const results = page.getByTestId('inbox-results');
    await waitForText(results.getByTestId('inbox-counts'), '已接收 3 · 重复 1 · 已拒收 1');
    const items = results.getByTestId('inbox-item');
    expect(await items.count()).toBe(5);
    const refused = results.locator('[data-outcome="refused"]');
    await waitForText(refused, '财政-2016年下半年.plreport');
    expect(await refused.locator('.inbox-reason').textContent()).toMatch(/\S{6,}/u);
    await waitForText(results.locator('[data-outcome="duplicate"]'), '经济和信息化-再次发送.plreport');
    await waitForText(items.nth(2), '取代了先前的版本');
    await waitForText(items.nth(0), '未登记的签名人');
    await snapshot(page, 'office-inbox');

    await page.getByRole('radio', { name: '已拒收（1）' }).check();
    expect(await items.count()).toBe(1);

    // The current submissions: two; with the replaced one, three.
    const rows = page.getByTestId('submission-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByRole('checkbox', { name: '包括已被取代的版本' }).check();
    await rows.nth(2).waitFor();
    await waitForText(page.getByTestId('submissions'), '已被取代');
  });

  it('takes a whole folder in the browser (its packages received, other files counted and left alone), and files dropped on the screen', async () => {
    const folder = join(tempDir(), '收件U盘');
    mkdirSync(join(folder, '一月'), { recursive: true });
    copyFileSync(sent.economy, join(folder, basename(sent.economy)));
    copyFileSync(sent.quality2, join(folder, '一月', basename(sent.quality2)));
    writeFileSync(join(folder, '说明.txt'), '各部门报送材料');
    const app = await officeAt('#/office/inbox', []);
    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: '选择文件夹' }).click();
    await (await chooser).setFiles(folder);
    const results = app.page.getByTestId('inbox-results');
    await waitForText(results.getByTestId('inbox-counts'), '已接收 2 · 重复 0 · 已拒收 0');
    await waitForText(results, '文件夹中另有 1 个不是 .plreport 的文件，未处理。');

    // Files dropped anywhere on the screen: one batch again (here both already in, so duplicates).
    await dropFiles(app.page.getByTestId('inbox-page'), [
      { name: basename(sent.economy), base64: readFileSync(sent.economy).toString('base64') },
      { name: basename(sent.quality2), base64: readFileSync(sent.quality2).toString('base64') },
    ]);
    await waitForText(results.getByTestId('inbox-counts'), '已接收 0 · 重复 2 · 已拒收 0');
  });

  it('shows the matrix in words; Enter on a cell opens the submission with its preview, versions and the replaced version’s diff', async () => {
    const app = await officeAt('#/office/matrix?granularity=half', [sent.economy, sent.quality1, sent.quality2]);
    const page = app.page;
    await page.getByTestId('matrix').waitFor();
    expect(await page.getByTestId('matrix-row').count()).toBe(27);
    const qualityCell = page.getByRole('button', { name: /^质监，2016年下半年：签名人未登记（2 个版本/u });
    await qualityCell.waitFor();
    await page.getByRole('button', { name: /^经济和信息化，2016年下半年：签名人未登记/u }).waitFor();
    await waitForText(page.getByTestId('matrix-row').filter({ hasText: '财政' }), '逾期未报');
    await snapshot(page, 'office-matrix');
    // Narrowed to the plan's first year: one half-year column.
    await page.getByLabel('截止月份').fill('2016-12');
    await page.locator('.matrix-period').first().waitFor();
    await expect.poll(() => page.locator('.matrix-period').count()).toBe(1);

    await qualityCell.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('submission-page').waitFor();
    await waitForText(page.getByRole('heading', { level: 1 }), '质监 · 2016年下半年');
    expect(await page.getByTestId('submission-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/u);
    await waitForText(page.frameLocator('.report-preview iframe').locator('body'), '专项行动已完成');
    expect(await page.getByTestId('submission-version').count()).toBe(2);
    await snapshot(page, 'office-submission');

    // The replaced version: its own preview, and what changed in the version that replaced it.
    await page.getByRole('link', { name: '查看此版本' }).click();
    const diff = page.getByTestId('submission-diff');
    await waitForText(diff, '已启动专项行动。');
    await waitForText(diff, '进行中');
    await waitForText(diff, '专项行动已完成,共检测计量器具 1200 台件。');
    await waitForText(page.frameLocator('.report-preview iframe').locator('body'), '已启动专项行动');
    await diff.scrollIntoViewIfNeeded();
    await snapshot(page, 'office-diff');
  });

  it('exports the matrix as CSV and as Excel, downloaded in the browser', async () => {
    const app = await officeAt('#/office/matrix?granularity=half&to=2016-12', [sent.economy]);
    const page = app.page;
    await page.getByTestId('matrix').waitFor();
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csvFile = join(tempDir(), 'matrix.csv');
    await (await csv).saveAs(csvFile);
    const text = readFileSync(csvFile, 'utf8');
    expect(text).toContain('经济和信息化');
    expect(text).toContain('财政');
    await waitForText(page.getByRole('status').last(), '已导出 报送情况-半年.csv');

    const xlsx = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const workbook = await xlsx;
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/u);
    const xlsxFile = join(tempDir(), 'matrix.xlsx');
    await workbook.saveAs(xlsxFile);
    expect(readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');
  });

  it('registers the signer from a submission and issues its signed receipt', async () => {
    const app = await officeAt('#/office/inbox', [sent.quality2]);
    const page = app.page;
    // Enter on the submission's link in the inbox's list opens it.
    await page.getByTestId('submission-row').getByRole('link', { name: '质监' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(page.getByTestId('submission-trust'), '未登记的签名人');
    await page.getByTestId('trust-fingerprint').fill(sent.qualityFingerprint);
    await page.getByRole('button', { name: '核对并登记' }).click();
    await waitForText(page.getByTestId('submission-trust'), '已登记为“质监”的签名人');

    // The office has no key yet: one is made with a passphrase typed twice.
    await page.getByRole('button', { name: '保存回执' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('设置密钥口令').fill('牵头单位回执口令2017');
    await dialog.getByLabel('再次输入口令').fill('牵头单位回执口令2017');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '签发并保存' }).click();
    const receipt = await download;
    expect(receipt.suggestedFilename()).toBe('质监-2016年下半年.plreceipt');
    const saved = join(tempDir(), 'receipt.plreceipt');
    await receipt.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    await waitForText(page.getByRole('status').last(), '已保存回执 质监-2016年下半年.plreceipt');
  });

  it('rolls up a measure: each assigned department side by side from its current report, titled for printing', async () => {
    const app = await officeAt('#/office/rollup?measure=2.1.1', [sent.economy]);
    const page = app.page;
    const card = page.getByTestId('rollup-row').filter({ hasText: '经济和信息化' });
    await waitForText(card, '全面完成年度标准化工作改革任务。');
    await waitForText(card, '制定年度标准化工作计划');
    await waitForText(card, '100%');
    await waitForText(page.getByTestId('rollup-row').filter({ hasText: '发展改革' }), '尚未收到该部门涉及本措施的报告');
    // The printout's title (and a saved PDF's name) names the measure.
    expect(await page.title()).toBe('按措施汇总 (一)1 大力加强质量技术基础建设');
    await snapshot(page, 'office-rollup');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: '措施' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});
