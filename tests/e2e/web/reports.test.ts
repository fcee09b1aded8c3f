import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ReportsPage } from '../pages/ReportsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { VerifyPage } from '../pages/VerifyPage';
import { callApi } from '../support/api';
import { launchAs, startAs, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();
let app: AppUnderTest | null = null;
useApp();

/** Screenshots of the states these tests reach, saved beside the other screens' to be looked at. */
const screenshotDir = resolve(import.meta.dirname, '../../../out/screenshots');
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // Settled enough to look at: fonts loaded and no request for a moment (a finished download can keep the page from "idle").
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  await page.screenshot({ path: join(screenshotDir, `zh-CN-1280x800-${name}.png`), fullPage: false });
}

/** Exports through the API; returns the package's download id. */
async function exportPackage(page: Page, period: string, passphrase: string | null): Promise<string> {
  const { jobId } = await callApi(page, 'reports.export', { period, targetId: null, passphrase });
  let job = await callApi(page, 'jobs.get', { id: jobId });
  while (job.state === 'running') job = await callApi(page, 'jobs.get', { id: jobId });
  const download = job.result?.kind === 'report.export' ? job.result.download : null;
  if (!download) throw new Error(`export ended ${job.state}`);
  return download.downloadId;
}

/** Exports through the API and uploads the package back, as a browser user hands a received file over; returns its file id and size. */
async function exportAndUpload(page: Page, period: string, passphrase: string | null): Promise<{ id: string; size: number }> {
  const downloadId = await exportPackage(page, period, passphrase);
  const uploaded = await page.evaluate(async (id) => {
    const bytes = await (await fetch(`/download/${id}`)).arrayBuffer();
    const response = await fetch('/upload?name=opened.plreport', { method: 'POST', body: bytes });
    return (await response.json()) as { value: { id: string; size: number } };
  }, downloadId);
  return uploaded.value;
}

describe('the period report', () => {
  it('is written in the UI, exported signed, and verified in the verify screen', async () => {
    app = await startAs('经济和信息化');
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
    // Intact, but nobody has registered this signer yet: amber, not green.
    await waitForText(verify.verdict, '内容完好，但签名人未登记');
    expect(await verify.verdictKind()).toBe('unknown_signer');
    expect(await verify.fingerprint.textContent()).toBe(exported.fingerprint);
    await waitForText(verify.report.locator('body'), '全面完成年度标准化工作改革任务');
    await waitForText(verify.report.locator('body'), '部分项目资金到位较慢');
    await snapshot(app.page, 'verify-unknown-signer');

    // Any listed file can be saved on its own: the office takes the CSV into its spreadsheet.
    const csv = join(tempDir(), 'report.csv');
    await verify.saveFile('report.csv', csv);
    expect(readFileSync(csv, 'utf8')).toContain('制定年度标准化工作计划');
    await waitForText(app.page.getByRole('status').last(), '已保存 report.csv');
    await snapshot(app.page, 'verify-files');

    // Registering takes the fingerprint the department gave, typed in: one that differs is refused.
    const given = exported.fingerprint.replace(/\s/gu, '').toLowerCase();
    const wrong = `${given.slice(0, -1)}${given.endsWith('0') ? '1' : '0'}`;
    await verify.register(wrong);
    await waitForText(app.page.getByRole('alert').filter({ hasText: '不一致' }), '输入的指纹与本报告签名人的指纹不一致');
    expect(await verify.verdictKind()).toBe('unknown_signer');
    await verify.register(exported.fingerprint.toLowerCase());
    await waitForText(verify.verdict, '报告完好，签名人已登记');
    expect(await verify.verdictKind()).toBe('trusted');
    await waitForText(app.page.locator('.text-success'), '已登记为“经济和信息化”的签名人');
    await snapshot(app.page, 'verify-trusted');
    expect(await callApi(app.page, 'reports.trusted', {})).toEqual([
      expect.objectContaining({ fingerprint: given, department: '经济和信息化' }),
    ]);

    // One changed byte and the same screen refuses it.
    const tampered = join(tempDir(), 'tampered.plreport');
    const bytes = readFileSync(file);
    const third = Math.floor(bytes.length / 3);
    bytes[third] = (bytes[third] as number) ^ 0x01;
    writeFileSync(tampered, bytes);
    await verify.open(tampered);
    await waitForText(verify.verdict, '报告未通过核验');
  });

  it("names the period in the reader's language in the export dialog", async () => {
    app = await launchAs('经济和信息化', { language: 'en' });
    await app.open('#/reports?period=2016-H2');
    const reports = new ReportsPage(app.page);
    await reports.exportButton.click();
    await waitForText(reports.dialog, 'The report for “Second half of 2016”');
  });

  it('verifies a report handed to the verify screen by route, as the desktop does for a double-clicked file', async () => {
    app = await startAs('质监');
    await callApi(app.page, 'reports.createKey', { passphrase: '质监报送口令2016' });
    // The downloaded bytes go back up as the "opened" file, the way a browser user would hand it over.
    const uploaded = await exportAndUpload(app.page, '2016', '质监报送口令2016');

    await app.open(`#/verify?file=${uploaded.id}&name=opened.plreport&size=${uploaded.size}`);
    await waitForText(new VerifyPage(app.page).verdict, '内容完好，但签名人未登记');
  });

  it('says what it checks before a file is chosen, and verifies a report file dropped on the screen', async () => {
    app = await startAs('质监');
    await callApi(app.page, 'reports.createKey', { passphrase: '质监报送口令2016' });
    const downloadId = await exportPackage(app.page, '2016', '质监报送口令2016');
    const base64 = await app.page.evaluate(async (id) => {
      const bytes = new Uint8Array(await (await fetch(`/download/${id}`)).arrayBuffer());
      return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
    }, downloadId);

    await app.open('#/verify');
    const verify = new VerifyPage(app.page);
    await waitForText(app.page.locator('.empty-state'), '把 .plreport 文件拖到这里');

    // Two files at once: told to drop one, and nothing is checked.
    await verify.drop([
      { name: 'a.plreport', base64 },
      { name: 'b.plreport', base64 },
    ]);
    await waitForText(app.page.getByRole('alert'), '一次只能核验一个报告文件');
    expect(await verify.verdict.count()).toBe(0);

    await verify.drop([{ name: '质监-2016年.plreport', base64 }]);
    await waitForText(verify.verdict, '内容完好，但签名人未登记');
    await waitForText(verify.verdict, '质监-2016年.plreport');
    expect(await app.page.locator('.empty-state').count()).toBe(0);

    // A dropped file that is not a report is refused with its reason.
    await verify.drop([{ name: 'notes.plreport', base64: btoa('not a zip at all') }]);
    await waitForText(verify.verdict, '报告未通过核验');
  });

  it('keeps the signing key and the trusted signers in Settings, and flags a signer registered for another department', async () => {
    app = await startAs('经济和信息化');

    // The key is created in Settings, its passphrase entered twice.
    await app.open('#/settings');
    const settings = new SettingsPage(app.page);
    await settings.keyCard.waitFor();
    await settings.submitKeyForm('设置里的口令-2016', '设置里的口令-2017', '创建签名密钥');
    await waitForText(settings.keyCard.getByRole('alert'), '两次输入的口令不一致');
    await settings.keyCard.scrollIntoViewIfNeeded();
    await snapshot(app.page, 'settings-key-create');
    await settings.submitKeyForm('设置里的口令-2016', '设置里的口令-2016', '创建签名密钥');
    await settings.keyFingerprint().waitFor();
    const first = (await settings.keyFingerprint().textContent()) ?? '';

    // A wrong passphrase is caught before anything is saved; the right one exports.
    await app.open('#/reports?period=2016');
    const reports = new ReportsPage(app.page);
    await reports.measures.first().waitFor();
    const file = join(tempDir(), 'signed.plreport');
    const refused = await reports.exportWithPassphrase('不是这个口令-2016', file);
    expect(refused.error).toContain('口令不正确');
    const exported = await reports.exportWithPassphrase('设置里的口令-2016', file);
    expect(exported).toEqual({ error: null, fingerprint: first });

    // The office registered this signer for another department: red, whatever the content.
    const { fingerprint } = await callApi(app.page, 'reports.keyStatus', {});
    await callApi(app.page, 'reports.trust', { fingerprint: fingerprint as string, department: '质监' });
    await app.open('#/verify');
    const verify = new VerifyPage(app.page);
    await verify.open(file);
    await waitForText(verify.verdict, '签名人与报送部门不符');
    expect(await verify.verdictKind()).toBe('other_department');
    await waitForText(verify.verdict, '报告自称来自“经济和信息化”，但签名人登记为“质监”的签名人');
    expect(await verify.trustFingerprint.count()).toBe(0);
    await snapshot(app.page, 'verify-other-department');

    // Settings lists the registration; removing it (after confirming) makes the signer unknown again.
    await app.open('#/settings');
    await settings.trustedRows().first().waitFor();
    expect(await settings.trustedRows().count()).toBe(1);
    await waitForText(settings.trustedRows().first(), '质监');
    await settings.trustedCard.scrollIntoViewIfNeeded();
    await snapshot(app.page, 'settings-trusted-signers');
    await settings.trustedRows().first().getByRole('button', { name: /移除/u }).click();
    await waitForText(settings.trustedCard.getByRole('alertdialog'), '移除“质监”的签名人');
    // Cancel has the focus: a stray Enter removes nobody.
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await settings.trustedCard.getByRole('alertdialog').getByRole('button', { name: '移除' }).click();
    await waitForText(settings.trustedCard, '还没有登记任何签名人');
    expect(await callApi(app.page, 'reports.trusted', {})).toEqual([]);

    // The passphrase is forgotten: the key is replaced after an inline confirmation, the old one stays listed.
    await settings.keyCard.getByRole('button', { name: '更换签名密钥…' }).click();
    await waitForText(settings.keyCard.getByRole('alertdialog'), '牵头单位必须登记新的指纹');
    await settings.keyCard.scrollIntoViewIfNeeded();
    await snapshot(app.page, 'settings-key-replace');
    await settings.submitKeyForm('新口令-换了电脑以后', '新口令-换了电脑以后', '确认更换');
    await waitForText(settings.keyCard, '以前使用的密钥');
    const second = (await settings.keyFingerprint().textContent()) ?? '';
    expect(second).not.toBe(first);
    await waitForText(settings.keyCard.locator('.key-retired'), first.split('\n')[0] as string);
    await settings.keyCard.scrollIntoViewIfNeeded();
    await snapshot(app.page, 'settings-key');

    await app.open('#/verify');
    await verify.open(file);
    await waitForText(verify.verdict, '内容完好，但签名人未登记');
  });
});
