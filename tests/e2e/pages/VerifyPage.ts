import type { FrameLocator, Locator, Page } from 'playwright-core';

export class VerifyPage {
  readonly heading: Locator;
  readonly verdict: Locator;
  readonly fingerprint: Locator;
  readonly report: FrameLocator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.verdict = page.getByTestId('verdict');
    this.fingerprint = page.getByTestId('verify-fingerprint');
    this.report = page.frameLocator('.report-preview iframe');
  }

  async open(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /选择报告文件|Choose a report file/u }).click();
    await (await chooser).setFiles(path);
  }
}
