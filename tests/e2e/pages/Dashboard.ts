import type { Locator, Page } from 'playwright-core';

export class Dashboard {
  readonly heading: Locator;
  readonly measureRows: Locator;
  readonly recentActivity: Locator;
  readonly measureCount: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.measureRows = page.getByTestId('measure-row');
    this.recentActivity = page.locator('.dashboard-activity');
    this.measureCount = page.getByTestId('summary-measures');
  }

  measure(code: string): Locator {
    return this.page.locator(`[data-testid="measure-row"][data-code="${code}"]`);
  }

  async openMeasure(code: string): Promise<void> {
    await this.measure(code).click();
  }
}
