import type { Locator, Page } from 'playwright-core';

/** The frame around every screen: sidebar navigation and the header. */
export class AppFrame {
  readonly navigation: Locator;
  readonly header: Locator;
  readonly department: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation');
    this.header = page.locator('header.app-header');
    this.department = page.getByTestId('header-department');
    this.main = page.locator('main#main');
  }

  navLinks(): Locator {
    return this.navigation.getByRole('link');
  }

  async navLabels(): Promise<string[]> {
    await this.navigation.waitFor();
    return (await this.navLinks().allTextContents()).map((text) => text.trim());
  }

  async goTo(label: string): Promise<void> {
    await this.navigation.getByRole('link', { name: label }).click();
  }

  async htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
