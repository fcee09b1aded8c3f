import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/backend';
import { insertSubmission } from '../../../electron/db/repos/submissions';
import { writeReceipt } from '../../../electron/services/office/receipts';
import { verifyReportPackage } from '../../../electron/services/report/package/verify';
import { createKey } from '../../../electron/services/report/signing';
import { scopeFor } from '../../../electron/services/workspace/scope';
import { sha256File } from '../../../electron/lib/hash';
import { callOrThrow, quietLog } from '../../support/call';
import { useTempDirs } from '../../support/temp';
import { callApi } from '../support/api';
import { launchAs, useApp } from '../support/app';
import { waitForText } from '../support/wait';

const tempDir = useTempDirs();
useApp();
const passphrase = '报送口令-2016年下半年';

/** Screenshots of the states reached, beside the other screens' (out/screenshots), to be looked at. */
async function snapshot(page: Page, name: string): Promise<void> {
  const dir = resolve(import.meta.dirname, '../../../out/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Toasts would cover the row looked at.
  await page.evaluate(() => document.querySelector<HTMLElement>('.toasts')?.style.setProperty('visibility', 'hidden'));
  await page.getByTestId('delivery').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(dir, `zh-CN-1280x800-${name}.png`), fullPage: false });
  await page.evaluate(() => document.querySelector<HTMLElement>('.toasts')?.style.removeProperty('visibility'));
}

/**
 * The office's side, in-process on its own data folder: it has received `packageFile` intact
 * (stored as the receive batch stores it) and writes its signed receipt. Returns the receipt
 * file and the office key's fingerprint.
 */
async function officeReceiptFor(packageFile: string): Promise<{ receiptFile: string; fingerprint: string }> {
  const backend = await openBackend({ dataDir: tempDir(), runtime: 'cli', logger: quietLog });
  try {
    await callOrThrow(backend.router, 'settings.update', { department: '质监', operator: '李四' });
    const key = await createKey(backend.ctx, scopeFor(backend.db, '质监'), passphrase);
    const verified = await verifyReportPackage(packageFile);
    if (!verified.ok) throw new Error(verified.reason);
    const { manifest } = verified;
    const submissionId = insertSubmission(backend.db, {
      packageSha256: await sha256File(packageFile),
      size: readFileSync(packageFile).length,
      fileName: 'received.plreport',
      planSha256: manifest.plan.sha256,
      planTitle: manifest.plan.title,
      planDocNumber: manifest.plan.docNumber,
      department: manifest.department,
      periodFrom: manifest.period.from,
      periodTo: manifest.period.to,
      periodLabel: manifest.period.label,
      generatedAt: manifest.generatedAt,
      generatedMs: Date.parse(manifest.generatedAt),
      signerFingerprint: verified.fingerprint,
      summary: JSON.stringify(manifest.summary),
      report: null,
      receivedAt: new Date().toISOString(),
    });
    const receiptFile = join(tempDir(), '经济和信息化-2016年下半年.plreceipt');
    await writeReceipt(backend.ctx, { submissionId, outFile: receiptFile, passphrase });
    return { receiptFile, fingerprint: key.fingerprint as string };
  } finally {
    await backend.close();
  }
}

describe('the office’s receipt on the reports screen', () => {
  it('is refused while the office key is unregistered, imported once it is, and the export shows 送达', async () => {
    const app = await launchAs('经济和信息化');
    await callApi(app.page, 'reports.createKey', { passphrase });
    const { jobId } = await callApi(app.page, 'reports.export', { period: '2016-H2', targetId: null, passphrase });
    let job = await callApi(app.page, 'jobs.get', { id: jobId });
    while (job.state === 'running') job = await callApi(app.page, 'jobs.get', { id: jobId });
    const download = job.result?.kind === 'report.export' ? job.result.download : null;
    if (!download) throw new Error(`export ended ${job.state}`);
    const response = await app.page.request.get(`${app.origin}/download/${download.downloadId}`);
    const packageFile = join(tempDir(), '经济和信息化-2016年下半年.plreport');
    writeFileSync(packageFile, await response.body());
    const { receiptFile, fingerprint } = await officeReceiptFor(packageFile);

    await app.open('#/reports?period=2016-H2');
    const delivery = app.page.getByTestId('delivery');
    await waitForText(delivery, '未收到回执');

    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: '导入回执…' }).click();
    await (await chooser).setFiles(receiptFile);
    const refusal = app.page.getByTestId('receipt-refusal');
    await waitForText(refusal.getByRole('alert'), '回执由未登记的密钥签署（质监，指纹');
    expect(await refusal.getByRole('alert').textContent()).toContain(fingerprint.slice(0, 4).toUpperCase());
    await waitForText(delivery, '未收到回执');
    await snapshot(app.page, 'reports-receipt-untrusted');

    // Registered with the fingerprint the office read out on the phone; the same receipt is then imported.
    expect(await app.page.getByLabel('部门', { exact: true }).inputValue()).toBe('质监');
    // The fingerprint asked for is the office's, read out by the office.
    await app.page.getByLabel('牵头单位提供的签名指纹').waitFor();
    await app.page.getByTestId('trust-fingerprint').fill(fingerprint);
    await app.page.getByRole('button', { name: '核对并登记' }).click();
    await waitForText(delivery, '送达 · 质监 于');
    expect(await delivery.textContent()).toMatch(/^送达 · 质监 于 .+ 核验$/u);
    await expect.poll(() => refusal.count()).toBe(0);
    await snapshot(app.page, 'reports-receipt-delivered');
    expect(await callApi(app.page, 'reports.history', {})).toEqual([
      expect.objectContaining({ delivery: expect.objectContaining({ office: '质监', officeFingerprint: fingerprint }) }),
    ]);
  });
});
