import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  languageOption(label: string): Locator {
    return this.page.getByRole('radio', { name: label });
  }

  async chooseLanguage(label: string): Promise<void> {
    const option = this.languageOption(label);
    await option.click();
    await this.page.waitForFunction((element) => (element as HTMLInputElement).checked, await option.elementHandle());
  }

  fact(term: string): Locator {
    return this.page.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  }
}
