import type { FrameLocator, Locator, Page } from 'playwright-core';
import { dropFiles } from '../support/drop';

export class VerifyPage {
  readonly heading: Locator;
  /** The verdict box; its data-verdict is trusted, unknown_signer or other_department (absent when refused). */
  readonly verdict: Locator;
  readonly fingerprint: Locator;
  readonly report: FrameLocator;
  /** The registration form's fingerprint field, shown while the signer is not registered. */
  readonly trustFingerprint: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.verdict = page.getByTestId('verdict');
    this.fingerprint = page.getByTestId('verify-fingerprint');
    this.report = page.frameLocator('.report-preview iframe');
    this.trustFingerprint = page.getByTestId('trust-fingerprint');
  }

  async open(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /选择报告文件|Choose a report file/u }).click();
    await (await chooser).setFiles(path);
  }

  /** Drops files on the screen the way a file manager does (a drop carrying a DataTransfer). */
  drop(files: { name: string; base64: string }[]): Promise<void> {
    return dropFiles(this.page.getByTestId('verify-page'), files);
  }

  /** Saves one of the package's files from the list (a browser download here) to `saveAs`. */
  async saveFile(path: string, saveAs: string): Promise<void> {
    await this.page.locator('.verify-files summary').click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `另存 ${path}`, exact: true }).click();
    await (await download).saveAs(saveAs);
  }

  async verdictKind(): Promise<string | null> {
    return this.verdict.getAttribute('data-verdict');
  }

  /** Registers the signer with the fingerprint as the department gave it (typed into the form). */
  async register(fingerprint: string, department?: string): Promise<void> {
    await this.trustFingerprint.fill(fingerprint);
    if (department !== undefined) await this.page.getByLabel('部门', { exact: true }).fill(department);
    await this.page.getByRole('button', { name: '核对并登记' }).click();
  }
}
