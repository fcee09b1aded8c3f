import type { Locator } from 'playwright-core';

/** Waits until the locator's text contains `text` (Playwright's auto-waiting, without @playwright/test). */
export async function waitForText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout });
}
