import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/backend';
import { callOrThrow, quietLog } from '../../support/call';
import { corruptDatabase } from '../../support/damage';
import { AppFrame } from '../pages/AppFrame';
import { DepartmentPicker } from '../pages/DepartmentPicker';
import { launchApp, useApp, type AppUnderTest } from '../support/app';
import { waitForText } from '../support/wait';

let app: AppUnderTest | null = null;
useApp();

/** A data folder with one good backup whose database was then damaged on disk. */
async function damagedDataFolder(dataDir: string): Promise<void> {
  const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
  await callOrThrow(backend.router, 'settings.update', { department: '质监' });
  await callOrThrow(backend.router, 'tasks.create', { measureCode: '2.1.1', texts: ['备份里的任务'] });
  await callOrThrow(backend.router, 'backups.create', {});
  await backend.close();
  corruptDatabase(join(dataDir, 'planledger.sqlite'));
}

describe('a damaged database', () => {
  it('is reported at start with the latest good backup, which restores the data', async () => {
    app = await launchApp({ prepare: damagedDataFolder });
    await app.open('#/');
    const heading = app.page.getByRole('heading', { level: 1 });
    await waitForText(heading, '数据文件需要恢复');
    await waitForText(app.page.locator('.recovery-latest'), '手动备份');

    await app.page.getByRole('button', { name: '从此备份恢复' }).click();
    const frame = new AppFrame(app.page);
    await waitForText(frame.department, '质监');
    await app.open('#/measures/2.1.1');
    await app.page.locator('textarea.task-text').first().waitFor();
    expect(await app.page.locator('textarea.task-text').first().inputValue()).toBe('备份里的任务');
  });

  it('with no usable backup, starts afresh after an inline confirmation and keeps the damaged file', async () => {
    let damagedBytes = Buffer.alloc(0);
    app = await launchApp({
      prepare: (dataDir) => {
        damagedBytes = Buffer.from('磁盘坏道留下的不是数据库的内容。'.repeat(400));
        writeFileSync(join(dataDir, 'planledger.sqlite'), damagedBytes);
      },
    });
    await app.open('#/');
    await waitForText(app.page.getByRole('heading', { level: 1 }), '数据文件需要恢复');
    await waitForText(app.page.locator('.notice'), '没有可用的备份');

    await app.page.getByRole('button', { name: '用新的数据文件重新开始…' }).click();
    // Nothing happens until confirmed; cancelling goes back.
    await app.page.getByRole('button', { name: '取消' }).click();
    await app.page.getByRole('button', { name: '用新的数据文件重新开始…' }).click();
    await app.page.getByRole('button', { name: '确定重新开始' }).click();

    const picker = new DepartmentPicker(app.page);
    await picker.card('经济和信息化').waitFor();
    const aside = readdirSync(app.dataDir).filter((name) => name.startsWith('planledger-damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(app.dataDir, aside[0] as string)).equals(damagedBytes)).toBe(true);
  });
});
