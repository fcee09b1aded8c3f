import type { Locator, Page } from 'playwright-core';

export class PlansPage {
  readonly heading: Locator;
  readonly importButton: Locator;
  readonly planCards: Locator;
  readonly confirmImport: Locator;
  readonly warnings: Locator;
  /** The whole screen: a plan file dropped anywhere on it is previewed. */
  readonly dropZone: Locator;
  readonly pasteBox: Locator;
  readonly previewButton: Locator;
  readonly reader: Locator;
  readonly layout: Locator;
  readonly counts: Locator;
  /** The folded list of what was left out as page furniture. */
  readonly dropped: Locator;
  readonly switchToExisting: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.importButton = page.getByRole('button', { name: /导入计划|Import plan/u });
    this.planCards = page.locator('.plan-card');
    this.confirmImport = page.getByRole('button', { name: /确认导入|^Import$/u });
    this.warnings = page.locator('.warning-list > li');
    this.dropZone = page.getByTestId('plans-page');
    this.pasteBox = page.getByLabel(/粘贴方案全文|Paste the full text/u);
    this.previewButton = page.getByRole('button', { name: /^(预览|Preview)$/u });
    this.reader = page.getByTestId('preview-reader');
    this.layout = page.getByTestId('preview-layout');
    this.counts = page.getByTestId('preview-counts');
    this.dropped = page.getByTestId('preview-dropped');
    this.switchToExisting = page.getByRole('button', { name: /切换到该计划|Switch to that plan/u });
  }

  /** Clicks “import” and answers the file chooser (the browser input in the dev host). */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles(path);
  }
}
