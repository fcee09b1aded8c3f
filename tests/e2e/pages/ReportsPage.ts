import type { Locator, Page } from 'playwright-core';

/** The period report editor and its export dialog. */
export class ReportsPage {
  readonly heading: Locator;
  readonly measures: Locator;
  readonly saveState: Locator;
  readonly exportButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.measures = page.getByTestId('report-measure');
    this.saveState = page.getByTestId('save-state');
    this.exportButton = page.getByRole('button', { name: /导出报告|Export report/u });
    this.dialog = page.locator('dialog[open]');
  }

  workDone(code: string): Locator {
    return this.page.locator(`[data-testid="report-measure"][data-code="${code}"] [data-testid="work-done"]`);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Types into a field and waits until the autosave has stored it. */
  async write(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    await field.blur();
    await this.page.waitForFunction(() =>
      /已自动保存|Saved automatically/u.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''),
    );
  }

  /** Types the passphrase of an existing key and starts the export; returns the dialog's error, if any, or waits for the download. */
  async exportWithPassphrase(passphrase: string, saveAs: string): Promise<{ error: string | null; fingerprint: string }> {
    if (!(await this.dialog.isVisible())) await this.exportButton.click();
    await this.dialog.getByLabel('密钥口令', { exact: true }).fill(passphrase);
    const download = this.page.waitForEvent('download', { timeout: 15_000 }).catch(() => null);
    await this.dialog.getByRole('button', { name: '开始导出' }).click();
    const outcome = await Promise.race([
      this.dialog
        .getByRole('alert')
        .waitFor()
        .then(() => 'error' as const),
      this.dialog
        .getByTestId('export-fingerprint')
        .waitFor()
        .then(() => 'done' as const),
    ]);
    if (outcome === 'error') return { error: await this.dialog.getByRole('alert').textContent(), fingerprint: '' };
    const file = await download;
    await file?.saveAs(saveAs);
    return { error: null, fingerprint: (await this.dialog.getByTestId('export-fingerprint').textContent()) ?? '' };
  }

  /** Runs the export with a new passphrase and returns the downloaded file's path and the shown fingerprint. */
  async exportWithNewKey(passphrase: string, saveAs: string): Promise<{ path: string; fingerprint: string }> {
    await this.exportButton.click();
    await this.dialog.getByLabel(/设置密钥口令/u).fill(passphrase);
    await this.dialog.getByLabel(/再次输入口令/u).fill(passphrase);
    const download = this.page.waitForEvent('download');
    await this.dialog.getByRole('button', { name: '开始导出' }).click();
    const file = await download;
    await file.saveAs(saveAs);
    const fingerprint = (await this.dialog.getByTestId('export-fingerprint').textContent()) ?? '';
    return { path: saveAs, fingerprint };
  }
}
