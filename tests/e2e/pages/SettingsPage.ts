import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  readonly heading: Locator;
  /** The signing key card and the trusted signers card. */
  readonly keyCard: Locator;
  readonly trustedCard: Locator;
  readonly backupsCard: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.keyCard = page.locator('section.card', { has: page.locator('#settings-key') });
    this.trustedCard = page.locator('section.card', { has: page.locator('#settings-trusted') });
    this.backupsCard = page.locator('section.card', { has: page.locator('#settings-backups') });
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

  /** Fills the key card's passphrase fields (create or replace form) and submits with `button`. */
  async submitKeyForm(passphrase: string, confirm: string, button: string): Promise<void> {
    await this.keyCard.getByLabel('设置密钥口令').fill(passphrase);
    await this.keyCard.getByLabel('再次输入口令').fill(confirm);
    await this.keyCard.getByRole('button', { name: button }).click();
  }

  keyFingerprint(): Locator {
    return this.page.getByTestId('key-fingerprint');
  }

  trustedRows(): Locator {
    return this.trustedCard.locator('tbody tr');
  }
}
