import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Checklist } from '../../../shared/api/calls/print';
import type { TaskStatus } from '../../../shared/api/calls/workspace';
import { PrintView, readPdf, squeeze } from '../pages/PrintView';
import { callApi, callApiBatch } from '../support/api';
import { launchAs, useApp, type AppUnderTest } from '../support/app';

/** Set to a folder to keep the PDFs and screenshots (to look at them: pdftoppm -r 80 -png). */
const artifactsDir = process.env.PLANLEDGER_PRINT_ARTIFACTS;
const department = '质监';
const runningTitle = `${department}·工作任务清单`;

let app: AppUnderTest | null = null;
let work = '';
useApp();
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'planledger-print-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function keep(path: string, name: string): void {
  if (!artifactsDir) return;
  mkdirSync(artifactsDir, { recursive: true });
  copyFileSync(path, join(artifactsDir, name));
}

interface TaskSpec {
  text: string;
  status?: TaskStatus;
  owner?: string;
  due?: string;
  notes?: string;
}

/** Creates the tasks per measure and then sets their fields, in two batches. */
async function addTasks(opened: AppUnderTest, byMeasure: Map<string, TaskSpec[]>): Promise<void> {
  const created = await callApiBatch(
    opened.page,
    'tasks.create',
    [...byMeasure].map(([measureCode, specs]) => ({ measureCode, texts: specs.map((spec) => spec.text) })),
  );
  const specs = [...byMeasure.values()].flat();
  const tasks = created.flat();
  const updates = tasks.flatMap((task, index) => {
    const { text: _text, ...patch } = specs[index]!;
    return Object.keys(patch).length > 0 ? [{ id: task.id, patch }] : [];
  });
  if (updates.length > 0) await callApiBatch(opened.page, 'tasks.update', updates);
}

/** Renders the deep link and prints it to PDF the way Electron does; returns the PDF path and the time taken. */
async function printToPdf(opened: AppUnderTest, params: Record<string, string>, file: string) {
  const view = new PrintView(opened.page);
  const started = performance.now();
  await opened.open(PrintView.hash({ department, bare: '1', ...params }));
  await view.ready();
  const rendered = performance.now();
  const path = join(work, file);
  await view.pdf(path, params.orientation === 'landscape' ? 'landscape' : 'portrait');
  keep(path, file);
  return { path, renderMs: Math.round(rendered - started), pdfMs: Math.round(performance.now() - rendered) };
}

/** Every page carries the running header and its own "第 X 页 / 共 N 页". */
function expectRunningHeaderAndPageNumbers(pageTexts: string[], docNumber: string): void {
  const total = pageTexts.length;
  pageTexts.forEach((text, index) => {
    const flat = squeeze(text);
    expect(flat, `page ${index + 1} header`).toContain(runningTitle);
    expect(flat, `page ${index + 1} header`).toContain(docNumber);
    expect(flat, `page ${index + 1} number`).toContain(`第${index + 1}页/共${total}页`);
  });
}

// Uses Chromium's page.pdf(), which Electron windows do not have: a browser-only spec (not in tests/e2e/ui).
describe('printed task checklist', () => {
  it('prints all 11 measures of 质监, every task and the page numbers', { timeout: 120_000 }, async () => {
    app = await launchAs(department);
    const plan = await callApi(app.page, 'print.checklist', { department, measure: null });
    expect(plan.measures).toHaveLength(11);
    const [m1, m2, m3, , m5] = plan.measures;
    const specs = new Map<string, TaskSpec[]>([
      [
        m1!.code,
        [
          { text: '制定年度标准化工作计划', status: 'done', owner: '王科长', due: '2016-08-15', notes: '已报分管领导' },
          { text: '开展计量器具专项检查', status: 'in_progress', owner: '李明', due: '2016-10-31' },
          { text: '推进检验检测机构整合', status: 'blocked', owner: '赵强', due: '2016-08-20', notes: '等待编办批复' },
        ],
      ],
      [m2!.code, [{ text: '编制质量提升工作方案', status: 'done', owner: '孙丽', due: '2016-07-30' }, { text: '组织卓越绩效培训班' }]],
      [m3!.code, [{ text: '开展质量月系列活动', owner: '周华', due: '2016-09-30', notes: '会同省总工会' }]],
      [m5!.code, [{ text: '建立缺陷产品召回工作台账', status: 'in_progress', owner: '吴军', due: '2016-12-31' }]],
    ]);
    await addTasks(app, specs);

    const { path } = await printToPdf(app, {}, 'checklist-zhijian-portrait.pdf');
    const pdf = readPdf(path);
    const flat = squeeze(pdf.text);

    expect(pdf.size).toMatchObject({ width: expect.closeTo(595, 0), height: expect.closeTo(842, 0) });
    expect(flat).toContain('工作任务清单');
    expect(flat).toContain(squeeze(plan.plan.title));
    for (const measure of plan.measures) expect(flat, measure.title).toContain(squeeze(measure.title));
    for (const spec of [...specs.values()].flat()) expect(flat, spec.text).toContain(spec.text);
    for (const owner of ['王科长', '李明', '赵强', '孙丽', '周华', '吴军']) expect(flat).toContain(owner);
    // Measures without tasks are still listed, with room to write.
    expect(flat.split('尚未分解任务').length - 1).toBe(11 - specs.size);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expectRunningHeaderAndPageNumbers(pdf.pageTexts, plan.plan.docNumber!);
    expect(squeeze(pdf.pageTexts.at(-1)!)).toContain('负责人：');
  });

  it('never splits one of 500 tasks across pages, repeats the header and ends with the sign-off', { timeout: 300_000 }, async () => {
    app = await launchAs(department);
    const plan: Checklist = await callApi(app.page, 'print.checklist', { department, measure: null });
    const filler = '落实质量强省战略推进标准化改革强化计量基础加强认证认可监管提升检验检测能力完善质量诚信体系';
    const statuses: TaskStatus[] = ['not_started', 'in_progress', 'done', 'blocked'];
    const specs = new Map<string, TaskSpec[]>(plan.measures.map((measure) => [measure.code, []]));
    const codes = plan.measures.map((measure) => measure.code);
    for (let n = 1; n <= 500; n += 1) {
      const id = String(n).padStart(4, '0');
      const length = 4 + ((n * 37) % 150);
      const body = filler.repeat(4).slice((n * 7) % filler.length, ((n * 7) % filler.length) + length);
      const spec: TaskSpec = { text: `R${id}A ${body} R${id}Z`, status: statuses[n % 4]!, owner: n % 3 === 0 ? '' : `责任人${n % 17}` };
      if (n % 5 === 0) spec.notes = `N${id}A ${filler.slice(0, 10 + (n % 40))} N${id}Z`;
      if (n % 2 === 0) spec.due = `2016-${String(7 + (n % 6)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      // Uneven spread: the first measure gets the most, one measure gets none.
      const code = n <= 120 ? codes[0]! : codes[1 + (n % (codes.length - 2))]!;
      specs.get(code)!.push(spec);
    }
    await addTasks(app, new Map([...specs].filter(([, list]) => list.length > 0)));

    for (const orientation of ['portrait', 'landscape'] as const) {
      const file = `checklist-500-${orientation}.pdf`;
      const { path, renderMs, pdfMs } = await printToPdf(app, { orientation, notes: '1' }, file);
      const pdf = readPdf(path);
      if (process.env.PLANLEDGER_FIGURES)
        process.stdout.write(`500 tasks, ${orientation}: ${pdf.pages} pages, render ${renderMs} ms, PDF ${pdfMs} ms\n`);

      const pageOf = (token: string): number[] => pdf.pageTexts.flatMap((text, index) => (text.includes(token) ? [index + 1] : []));
      for (let n = 1; n <= 500; n += 1) {
        const id = String(n).padStart(4, '0');
        const start = pageOf(`R${id}A`);
        const end = pageOf(`R${id}Z`);
        expect(start, `task ${n} start`).toHaveLength(1);
        expect(end, `task ${n} (page ${start[0]}) is split`).toEqual(start);
        if (n % 5 === 0) {
          expect(pageOf(`N${id}A`), `notes of task ${n}`).toEqual(start);
          expect(pageOf(`N${id}Z`), `notes of task ${n}`).toEqual(start);
        }
      }
      // The column header repeats on every page; each page has the running header and its number.
      for (const [index, text] of pdf.pageTexts.entries()) {
        expect(squeeze(text), `column header on page ${index + 1}`).toMatch(/序号.*工作任务.*责任人.*完成时限.*状态/u);
      }
      expectRunningHeaderAndPageNumbers(pdf.pageTexts, plan.plan.docNumber!);
      // A measure's heading always shares its page with the measure's first task.
      for (const measure of plan.measures) {
        const first = specs.get(measure.code)![0];
        if (!first) continue;
        const headingPages = pdf.pageTexts.flatMap((text, index) =>
          squeeze(text).includes(squeeze(`${measure.label}${measure.title}`)) ? [index + 1] : [],
        );
        expect(headingPages, `heading of ${measure.label}`).toEqual(pageOf(first.text.slice(0, 6)));
      }
      const signOff = pdf.pageTexts.flatMap((text, index) => (text.includes('负责人：') ? [index + 1] : []));
      expect(signOff).toEqual([pdf.pages]);
    }
  });

  it('honours the options: landscape, typed notes, titles only, statuses and one measure', { timeout: 120_000 }, async () => {
    app = await launchAs(department);
    const plan = await callApi(app.page, 'print.checklist', { department, measure: null });
    const [m1, m2] = plan.measures;
    await addTasks(
      app,
      new Map<string, TaskSpec[]>([
        [
          m1!.code,
          [
            { text: '已经办完的任务', status: 'done', owner: '王科长', notes: '材料已归档' },
            { text: '正在推进的任务', status: 'in_progress', owner: '李明', notes: '每周调度一次' },
          ],
        ],
        [m2!.code, [{ text: '第二项措施的任务', status: 'blocked' }]],
      ]),
    );

    const landscape = readPdf(
      (await printToPdf(app, { orientation: 'landscape', notes: '1', text: 'title', done: '0' }, 'checklist-landscape-notes.pdf')).path,
    );
    const wide = squeeze(landscape.text);
    expect(landscape.size).toMatchObject({ width: expect.closeTo(842, 0), height: expect.closeTo(595, 0) });
    expect(wide).toContain('情况说明');
    expect(wide).toContain('每周调度一次');
    expect(wide).not.toContain('已经办完的任务');
    expect(wide).not.toContain('材料已归档');
    expect(wide).not.toContain(squeeze(m1!.text).slice(m1!.title.length + 2, m1!.title.length + 30));

    const one = readPdf(
      (await printToPdf(app, { measure: m1!.code, statuses: 'in_progress', done: '1' }, 'checklist-one-measure.pdf')).path,
    );
    const single = squeeze(one.text);
    expect(single).toContain(squeeze(m1!.title));
    expect(single).not.toContain(squeeze(m2!.title));
    expect(single).toContain('已经办完的任务');
    expect(single).toContain('正在推进的任务');
    expect(single).not.toContain('材料已归档');
    expect(single).not.toContain('情况说明');
    expectRunningHeaderAndPageNumbers(one.pageTexts, plan.plan.docNumber!);
  });

  it('offers the options in a preview screen and keeps them in the link', { timeout: 120_000 }, async () => {
    app = await launchAs(department);
    const plan = await callApi(app.page, 'print.checklist', { department, measure: null });
    await addTasks(app, new Map([[plan.measures[0]!.code, [{ text: '预览中的任务', status: 'done' as const, owner: '王科长' }]]]));
    await app.reload();
    await app.page.getByRole('navigation').getByRole('link', { name: '打印' }).click();
    const view = new PrintView(app.page);
    await view.preview.waitFor();
    await view.ready();
    await app.page.getByRole('button', { name: '打印…' }).waitFor();
    expect(await view.preview.getByText('预览中的任务').count()).toBe(1);

    await app.page.getByRole('radio', { name: '横向' }).check();
    await app.page.getByRole('checkbox', { name: '含已完成任务' }).uncheck();
    await app.page.waitForFunction(() => window.location.hash.includes('orientation=landscape') && window.location.hash.includes('done=0'));
    expect(decodeURIComponent(await app.page.evaluate(() => window.location.hash))).toContain(`department=${department}`);
    await view.preview.locator('.print-sheet-landscape').waitFor();
    expect(await view.preview.getByText('预览中的任务').count()).toBe(0);

    await app.page.getByRole('checkbox', { name: '含已完成任务' }).check();
    await app.page.getByRole('radio', { name: '纵向' }).check();
    await view.preview.getByText('预览中的任务').waitFor();
    if (artifactsDir) await app.page.screenshot({ path: join(artifactsDir, 'preview-screen.png') });

    // Printing the window as it is (what Electron's Print and Save as PDF do) gives the document alone.
    const path = join(work, 'from-preview.pdf');
    await view.pdf(path, 'portrait');
    keep(path, 'checklist-from-preview.pdf');
    const pdf = readPdf(path);
    const flat = squeeze(pdf.text);
    expect(flat).toContain('预览中的任务');
    for (const measure of plan.measures) expect(flat).toContain(squeeze(measure.title));
    for (const appText of ['纸张方向', '打印选项', '工作台', '按A4排版']) expect(flat).not.toContain(appText);
    expectRunningHeaderAndPageNumbers(pdf.pageTexts, plan.plan.docNumber!);
  });

  it('opens the preview from the dashboard and from a measure', { timeout: 60_000 }, async () => {
    app = await launchAs(department);
    const plan = await callApi(app.page, 'print.checklist', { department, measure: null });
    await app.reload();
    await app.page.getByTestId('print-checklist-link').click();
    await app.page.waitForFunction(() => window.location.hash.startsWith('#/print/checklist'));
    const view = new PrintView(app.page);
    await view.ready();
    expect(await app.page.getByTestId('print-department').inputValue()).toBe(department);

    const measure = plan.measures[3]!;
    await app.open(`#/measures/${encodeURIComponent(measure.code)}`);
    await app.page.getByTestId('print-checklist-link').click();
    await app.page.waitForFunction(() => window.location.hash.includes('measure='));
    await view.ready();
    expect(await app.page.getByTestId('print-measure').inputValue()).toBe(measure.code);
    expect(await view.preview.locator('tbody[data-measure]').count()).toBe(1);
  });
});
