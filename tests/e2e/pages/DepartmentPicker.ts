import type { Locator, Page } from 'playwright-core';

/** The first-run department picker (also #/departments). */
export class DepartmentPicker {
  readonly heading: Locator;
  readonly cards: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.cards = page.locator('.department-card');
    this.filter = page.getByRole('searchbox');
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.locator('.department-card-name', { hasText: new RegExp(`^${name}$`, 'u') }) });
  }

  async choose(name: string): Promise<void> {
    await this.card(name).click();
  }
}
