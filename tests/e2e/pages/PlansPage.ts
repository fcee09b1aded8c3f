import type { Locator, Page } from 'playwright-core';

export class PlansPage {
  readonly heading: Locator;
  readonly importButton: Locator;
  readonly planCards: Locator;
  readonly confirmImport: Locator;
  readonly warnings: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.importButton = page.getByRole('button', { name: /导入计划|Import plan/u });
    this.planCards = page.locator('.plan-card');
    this.confirmImport = page.getByRole('button', { name: /确认导入|^Import$/u });
    this.warnings = page.locator('.warning-list > li');
  }

  /** Clicks “import” and answers the file chooser (the browser input in the dev host). */
  async importFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles(path);
  }
}
