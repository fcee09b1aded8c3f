import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../shared/report/html';
import { hostileTaskText, hostileWorkDone, reportData } from '../../fixtures/report-data';
import { printPdf, readPdf, squeeze } from '../pages/PrintView';
import { closeChromium, launchChromium } from '../support/app';

/**
 * report.html as the receiving office sees it: the package extracted to a folder and the
 * file opened from disk in a browser, then printed to A4. No app and no dev host involved.
 * Set PLANLEDGER_PRINT_ARTIFACTS to a folder to keep the HTML, the PDF and a screenshot.
 */
const artifactsDir = process.env.PLANLEDGER_PRINT_ARTIFACTS;
const files = reportData.measures.flatMap((m) => [...m.attachments, ...m.tasks.flatMap((t) => t.attachments)]);

let work = '';
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'planledger-report-html-'));
  writeFileSync(join(work, 'report.html'), renderReportHtml(reportData));
  for (const file of files) {
    mkdirSync(dirname(join(work, file.path)), { recursive: true });
    writeFileSync(join(work, file.path), file.name);
  }
  page = await (await launchChromium()).newPage({ viewport: { width: 1000, height: 1400 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(pathToFileURL(join(work, 'report.html')).href);
});

afterAll(async () => {
  await closeChromium();
  if (work) rmSync(work, { recursive: true, force: true });
});

function keep(name: string): void {
  if (!artifactsDir) return;
  mkdirSync(artifactsDir, { recursive: true });
  copyFileSync(join(work, name), join(artifactsDir, name));
}

describe('report.html opened from the extracted package', () => {
  it('loads nothing but itself, runs nothing and shows the data as text', async () => {
    const dom = await page.evaluate(() => ({
      charset: document.characterSet,
      lang: document.documentElement.lang,
      title: document.title,
      scripts: document.scripts.length,
      images: document.images.length,
      text: document.body.innerText,
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      measures: document.querySelectorAll('article.measure').length,
    }));
    expect(requests).toEqual([pathToFileURL(join(work, 'report.html')).href]);
    expect(problems).toEqual([]);
    expect(dom).toMatchObject({ charset: 'UTF-8', lang: 'zh-CN', scripts: 0, images: 0, measures: reportData.measures.length });
    expect(dom.title).toBe('经济和信息化关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告\uFF082016年下半年\uFF09');
    expect(dom.text).toContain(hostileTaskText);
    expect(dom.text).toContain('二是组织 <img src=x onerror=alert(1)> 等标签的测试 & 转义,引号 "双" \'单\'。');
    // Every evidence link opens the file next to the report; the rest are links within it.
    const attachmentLinks = dom.links.filter((href) => !href.includes('#')).map((href) => fileURLToPath(href));
    expect(attachmentLinks.sort()).toEqual(files.map((file) => join(work, file.path)).sort());
    for (const path of attachmentLinks) expect(existsSync(path), path).toBe(true);
    expect(dom.links.filter((href) => href.includes('#'))).toHaveLength(reportData.measures.length);
    if (artifactsDir) {
      await page.screenshot({ path: join(work, 'report-screen.png') });
      keep('report-screen.png');
      keep('report.html');
    }
  });

  it('finds a CJK serif font for the text and a CJK sans font for the headings', async () => {
    // Without SimSun/SimHei (Windows) or Songti/Heiti (macOS), the chain falls to Noto CJK.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const fontsOf = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((font) => font.familyName);
    };
    expect(await fontsOf('.narrative p')).toEqual(['Noto Serif CJK SC']);
    expect(await fontsOf('h1')).toContain('Noto Sans CJK SC');
    expect(await fontsOf('h2')).toContain('Noto Sans CJK SC');
    await cdp.detach();
  });

  it('prints on A4 with the Chinese text, running header and page numbers intact', { timeout: 30_000 }, async () => {
    const path = join(work, 'report.pdf');
    await page.emulateMedia({ media: 'print' });
    await printPdf(page, path, 'portrait');
    keep('report.pdf');
    const pdf = readPdf(path);
    expect(pdf.size).toMatchObject({ width: expect.closeTo(595, 0), height: expect.closeTo(842, 0) });
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    expect(pdf.pages).toBeLessThanOrEqual(10);
    pdf.pageTexts.forEach((text, index) => {
      const flat = squeeze(text);
      expect(flat, `page ${index + 1}`).toContain('经济和信息化·2016年下半年贯彻落实情况报告');
      expect(flat, `page ${index + 1}`).toContain('鲁政办字〔2016〕103号');
      expect(flat, `page ${index + 1}`).toContain(`第${index + 1}页/共${pdf.pages}页`);
    });
    const flat = squeeze(pdf.text);
    expect(flat).toContain('经济和信息化关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告');
    for (const measure of reportData.measures) expect(flat, measure.title).toContain(squeeze(`${measure.label}${measure.title}`));
    for (const heading of ['一、总体情况', '二、各项措施落实情况', '三、存在问题', '四、下步打算']) expect(flat).toContain(heading);
    for (const line of hostileWorkDone.split('\n').filter(Boolean)) expect(flat).toContain(squeeze(line));
    for (const line of reportData.problems.split('\n')) expect(flat).toContain(squeeze(line));
    for (const owner of ['王科长', '李明', '孙丽', '装备处']) expect(flat).toContain(owner);
    expect(flat).toContain('\uFF08联系人\uFF1A李明\uFF1B联系电话\uFF1A0531-86091234\uFF09');
  });
});
