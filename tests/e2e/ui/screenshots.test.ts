import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchAs, useApp } from '../support/app';
import { callApi as api } from '../support/api';

const outDir = resolve(import.meta.dirname, '../../../out/screenshots');
const viewports = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];
const screens = [
  ['dashboard', '#/'],
  ['measure', '#/measures/2.1.1'],
  ['search', '#/search?q=%E8%B5%84%E9%87%91'],
  ['plans', '#/plans'],
  ['departments', '#/departments'],
  ['settings', '#/settings'],
  ['reports', '#/reports?period=2016-H2'],
  ['ledger', '#/ledger'],
  ['verify', '#/verify'],
  ['print', '#/print/checklist'],
  ['office-inbox', '#/office/inbox'],
  ['office-matrix', '#/office/matrix'],
  ['office-rollup', '#/office/rollup'],
] as const;

useApp();

/**
 * Every screen in both languages at the two window sizes coordinators use, saved under
 * out/screenshots/ to be looked at; and no screen may scroll sideways.
 */
describe('screens', () => {
  for (const language of ['zh-CN', 'en'] as const) {
    for (const viewport of viewports) {
      it(`fit ${viewport.width}x${viewport.height} in ${language}`, async () => {
        const app = await launchAs('经济和信息化', { viewport, language });
        try {
          const tasks = await api(app.page, 'tasks.create', {
            measureCode: '2.1.1',
            texts: ['制定年度标准化工作计划', '组织节能家电计量测试中心建设', '开展节能、低碳、环保等重点领域认证推广'],
          });
          await api(app.page, 'tasks.update', { id: tasks[0]!.id, patch: { status: 'done', owner: '李处长' } });
          await api(app.page, 'tasks.update', {
            id: tasks[1]!.id,
            patch: { status: 'in_progress', owner: '王科长', due: '2016-09-30', notes: '需协调省财政厅安排专项资金。' },
          });
          await api(app.page, 'tasks.update', { id: tasks[2]!.id, patch: { status: 'blocked', due: '2016-12-31' } });
          // This install also acts as the office, so its screens are among those looked at.
          await api(app.page, 'settings.update', { office: true });
          mkdirSync(outDir, { recursive: true });
          await app.reload();

          for (const [name, hash] of screens) {
            await app.open(hash);
            await app.page.locator('main#main h1').first().waitFor();
            await app.page.waitForLoadState('networkidle');
            await app.page.screenshot({ path: `${outDir}/${language}-${viewport.width}x${viewport.height}-${name}.png` });
            const overflow = await app.page.evaluate(() => {
              const main = document.querySelector('main#main') as HTMLElement;
              return { page: document.documentElement.scrollWidth - window.innerWidth, main: main.scrollWidth - main.clientWidth };
            });
            expect(overflow, `${name} scrolls sideways`).toEqual({ page: 0, main: 0 });
            expect(await app.page.locator('html').getAttribute('lang')).toBe(language);
          }
        } finally {
          await app.close();
        }
      });
    }
  }
});
