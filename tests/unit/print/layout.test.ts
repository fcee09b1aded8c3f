import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistTask } from '../../../shared/api/calls/print';
import { cssString, pageCounterContent, pageCss, pageMarginsMm, pdfOptions, systemPrintOptions } from '../../../shared/print/pdf-options';
import { bodyText, layoutChecklist, numberedHeadings, pdfFileName } from '../../../renderer/features/print/model';
import { isFiltered, optionParams, readOptions, shownStatuses } from '../../../renderer/features/print/options';
import { isTaskOverdue } from '../../../shared/workspace/progress';

describe('pdf options', () => {
  it('asks printToPDF for A4 in the chosen orientation, margins in inches, the page CSS deciding', () => {
    expect(pdfOptions('portrait')).toEqual({
      pageSize: 'A4',
      landscape: false,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      margins: { top: 0.9449, right: 0.7087, bottom: 0.7874, left: 0.9449 },
      generateDocumentOutline: false,
    });
    expect(pdfOptions('landscape').landscape).toBe(true);
    expect(systemPrintOptions('landscape')).toMatchObject({ silent: false, printBackground: true, landscape: true });
  });

  it('writes the @page rule with running header and page X / Y from the translated template', () => {
    expect(pageCounterContent('第 {{page}} 页 / 共 {{pages}} 页')).toBe('"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(cssString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c d"');
    // Inside a <style> element a `<` (as in </style>) is written as a CSS escape.
    expect(cssString('x</style>')).toBe('"x\\3c /style>"');
    const css = pageCss('landscape', {
      headerLeft: '质监 · 工作任务清单',
      headerRight: '鲁政办字〔2016〕103号',
      pageTemplate: '第 {{page}} 页 / 共 {{pages}} 页',
    });
    const m = pageMarginsMm.landscape;
    expect(css).toContain('size: A4 landscape;');
    expect(css).toContain(`margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;`);
    expect(css).toMatch(/@top-left \{\s+content: "质监 · 工作任务清单";/u);
    expect(css).toMatch(/@top-right \{\s+content: "鲁政办字〔2016〕103号";/u);
    expect(css).toContain('content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";');
  });
});

describe('print options in the route', () => {
  it('defaults to every status, done included, no typed notes, the official text, portrait', () => {
    expect(readOptions(new URLSearchParams('department=质监'))).toEqual({
      department: '质监',
      measure: null,
      statuses: ['not_started', 'in_progress', 'blocked'],
      done: true,
      notes: false,
      text: 'full',
      orientation: 'portrait',
      bare: false,
    });
  });

  it('reads every option and writes them back the same', () => {
    const params = new URLSearchParams(
      'department=质监&measure=2.1.1&statuses=in_progress,blocked&done=0&notes=1&text=title&orientation=landscape&bare=1',
    );
    const options = readOptions(params);
    expect(options).toEqual({
      department: '质监',
      measure: '2.1.1',
      statuses: ['in_progress', 'blocked'],
      done: false,
      notes: true,
      text: 'title',
      orientation: 'landscape',
      bare: true,
    });
    expect(readOptions(new URLSearchParams(optionParams(options) as Record<string, string>))).toEqual(options);
    expect(isFiltered(options)).toBe(true);
    expect([...shownStatuses(options)]).toEqual(['in_progress', 'blocked']);
  });

  it('takes done from statuses unless done= says otherwise, and ignores unknown values', () => {
    expect(readOptions(new URLSearchParams('statuses=done,bogus')).statuses).toEqual([]);
    expect(readOptions(new URLSearchParams('statuses=done')).done).toBe(true);
    expect(readOptions(new URLSearchParams('statuses=in_progress')).done).toBe(false);
    expect(readOptions(new URLSearchParams('statuses=in_progress&done=1')).done).toBe(true);
    expect(readOptions(new URLSearchParams('statuses=')).statuses).toEqual([]);
    expect(readOptions(new URLSearchParams('orientation=sideways&text=x&department=%20')).orientation).toBe('portrait');
    expect(isFiltered(readOptions(new URLSearchParams('')))).toBe(false);
  });
});

const task = (id: number, status: ChecklistTask['status'], due: string | null = null): ChecklistTask => ({
  id,
  text: `任务${id}`,
  status,
  progress: status === 'done' ? 100 : 0,
  owner: '',
  due,
  notes: '',
});

const measure = (code: string, chapter: string, group: string, tasks: ChecklistTask[]) => ({
  code,
  label: code,
  chapter,
  group,
  title: `措施${code}`,
  text: `措施${code}。原文`,
  due: null,
  role: 'lead' as const,
  tasks,
});

describe('checklist layout', () => {
  const checklist: Checklist = {
    plan: { title: '计划', docNumber: null, issuer: null },
    department: '质监',
    printedAt: '2016-09-01',
    measures: [
      measure('2.1.1', '主要措施', '加强质量基础', [task(1, 'done'), task(2, 'not_started')]),
      measure('2.1.2', '主要措施', '加强质量基础', []),
      measure('2.2.1', '主要措施', '强化企业主体', [task(3, 'blocked'), task(4, 'done')]),
      measure('3.1.1', '保障措施', '加强组织领导', [task(5, 'in_progress')]),
    ],
  };

  it('numbers the shown tasks straight through and heads each new chapter and group', () => {
    const layout = layoutChecklist(checklist, { statuses: ['not_started', 'in_progress', 'blocked'], done: true });
    expect(layout.blocks.map((block) => [block.chapter, block.group, block.tasks.map((t) => t.index)])).toEqual([
      ['二、主要措施', '(一)加强质量基础', [1, 2]],
      [null, null, []],
      [null, '(二)强化企业主体', [3, 4]],
      ['三、保障措施', '(一)加强组织领导', [5]],
    ]);
    expect(layout.totals).toEqual({ measures: 4, tasks: 5, done: 2, shown: 5 });
  });

  it('leaves out what the options exclude but keeps every measure', () => {
    const layout = layoutChecklist(checklist, { statuses: ['blocked'], done: false });
    expect(layout.blocks.map((block) => [block.measure.code, block.tasks.map((t) => t.text), block.total])).toEqual([
      ['2.1.1', [], 2],
      ['2.1.2', [], 0],
      ['2.2.1', ['任务3'], 2],
      ['3.1.1', [], 1],
    ]);
    expect(layout.blocks[2]!.tasks[0]!.index).toBe(1);
  });

  it('numbers headings only when the code says which, and trims the title off the official text', () => {
    expect(numberedHeadings({ code: '1.2', chapter: null, group: '组' })).toEqual({ chapter: null, group: '(一)组' });
    expect(numberedHeadings({ code: 'A-1', chapter: '章', group: '组' })).toEqual({ chapter: '章', group: '组' });
    expect(bodyText({ title: '大力加强质量技术基础建设', text: '大力加强质量技术基础建设。认真落实' })).toBe('认真落实');
    expect(bodyText({ title: '别的标题', text: '原文不以标题开头' })).toBe('原文不以标题开头');
    expect(isTaskOverdue(task(1, 'in_progress', '2016-08-31'), '2016-09-01')).toBe(true);
    expect(isTaskOverdue(task(1, 'done', '2016-08-31'), '2016-09-01')).toBe(false);
    expect(isTaskOverdue(task(1, 'blocked', '2016-09-01'), '2016-09-01')).toBe(false);
    expect(pdfFileName('工作任务清单', '质/监', null, '2016-09-01')).toBe('工作任务清单-质_监-2016-09-01.pdf');
  });
});
