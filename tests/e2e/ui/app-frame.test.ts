import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/backend';
import { callOrThrow, quietLog } from '../../support/call';
import { AppFrame } from '../pages/AppFrame';
import { SettingsPage } from '../pages/SettingsPage';
import { launchApp, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';

let app: AppUnderTest | null = null;
useApp();

describe('app frame', () => {
  it('opens in Chinese, switches to English, and keeps English after a reload', async () => {
    app = await launchApp();
    await app.open('#/');
    const frame = new AppFrame(app.page);

    await waitForText(frame.navigation, '工作台');
    expect(await frame.navLabels()).toEqual(expect.arrayContaining(['工作台', '设置']));
    await waitForText(frame.header, '当前计划');
    expect(await frame.htmlLang()).toBe('zh-CN');

    await frame.goTo('设置');
    const settings = new SettingsPage(app.page);
    await waitForText(settings.heading, '设置');
    await settings.chooseLanguage('English');
    await waitForText(frame.navigation, 'Settings');

    await app.reload();
    await waitForText(frame.navigation, 'Dashboard');
    expect(await frame.navLabels()).toEqual(expect.arrayContaining(['Dashboard', 'Settings']));
    await waitForText(settings.heading, 'Settings');
    expect(await frame.htmlLang()).toBe('en');
    expect(await app.page.title()).toBe('PlanLedger');
  });

  it('shows what to do next when nothing is set up, and the data folder in settings', async () => {
    app = await launchApp();
    await app.open('#/settings');
    const settings = new SettingsPage(app.page);
    await waitForText(settings.heading, '设置');
    expect(await settings.fact('数据文件夹').textContent()).toContain(app.dataDir);
    expect(await settings.fact('数据库结构版本').textContent()).toMatch(/^\d+/u);
  });

  it('asks before restoring a backup, with Cancel focused so a stray Enter restores nothing', async () => {
    app = await launchApp({
      prepare: async (dataDir) => {
        const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
        await callOrThrow(backend.router, 'backups.create', {});
        await backend.close();
      },
    });
    await app.open('#/settings');
    const settings = new SettingsPage(app.page);
    await settings.backupsCard.locator('tbody tr').first().getByRole('button', { name: '恢复' }).click();
    const question = settings.backupsCard.getByRole('alertdialog');
    await waitForText(question, '替换当前数据');
    expect(await app.page.evaluate(() => document.activeElement?.textContent)).toBe('取消');

    await app.page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    // A restore would first have set the current data aside as a pre-restore backup.
    const setAside = readdirSync(join(app.dataDir, 'backups')).filter((name) => name.includes('pre-restore'));
    expect(setAside).toEqual([]);
  });

  it('makes no request outside the app', async () => {
    app = await launchApp();
    await app.open('#/');
    const frame = new AppFrame(app.page);
    await waitForText(frame.navigation, '工作台');
    await frame.goTo('设置');
    await waitForText(new SettingsPage(app.page).heading, '设置');
    await frame.goTo('工作台');
    await app.page.waitForLoadState('networkidle');

    expect(app.requests.length).toBeGreaterThan(3);
    const outside = app.requests.filter((url) => !url.startsWith(`${app?.origin}/`) && !url.startsWith('data:'));
    expect(outside).toEqual([]);
  });
});
