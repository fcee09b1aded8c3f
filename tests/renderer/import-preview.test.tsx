import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import i18next from '../../renderer/app/i18n';
import './setup';
import type { PlanPreview } from '../../shared/api/calls/plan';
import { droppedText } from '../../shared/plan/source';
import { ImportPreview } from '../../renderer/features/plans/ImportPreview';
import { fragmentPreview } from './plan-preview';

afterEach(async () => {
  await i18next.changeLanguage('zh-CN');
});

/** The fragment as read from a PDF, with page furniture dropped. */
const previewOf = (overrides: Partial<PlanPreview> = {}): PlanPreview =>
  fragmentPreview({
    sourceName: '营商环境行动方案.pdf',
    reader: 'pdf',
    dropped: [
      droppedText('page_number', '— 3 —', 3),
      droppedText('running_head', '某市人民政府办公室文件', 1),
      droppedText('web_chrome', '首页 > 政务公开', null, 12),
    ],
    omittedDropped: 4,
    ...overrides,
  });

const renderPreview = (preview: PlanPreview) =>
  render(<ImportPreview preview={preview} busy={false} onConfirm={() => {}} onCancel={() => {}} onSwitch={() => {}} />);

describe('import preview', () => {
  it('says which reader read the source and how its text was laid out', async () => {
    const screen = await renderPreview(previewOf({ layout: 'wrapped' }));
    await expect.element(screen.getByTestId('preview-reader')).toHaveTextContent('PDF 文字层');
    await expect.element(screen.getByTestId('preview-layout')).toHaveTextContent('硬换行已合并');
  });

  it('leads with a summary line: measures, departments and the reporting deadline', async () => {
    const screen = await renderPreview(previewOf());
    await expect.element(screen.getByTestId('preview-counts')).toHaveTextContent('5 条措施 · 9 个部门 · 报送时限 2017年12月31日');
  });

  it('lists what was left out, folded, with its page or line, and counts the rest', async () => {
    const screen = await renderPreview(previewOf());
    const summary = screen.getByText('已略去 7 处页面内容（页码、页眉、网页导航…）');
    await expect.element(summary).toBeVisible();
    const details = screen.getByTestId('preview-dropped').element() as HTMLDetailsElement;
    expect(details.open).toBe(false);

    // Folded by default; opened from the keyboard.
    (summary.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    const table = screen.getByRole('table');
    await expect.element(table).toBeVisible();
    const rows = [...table.element().querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['页码', '第 3 页', '— 3 —'],
      ['页眉', '第 1 页', '某市人民政府办公室文件'],
      ['网页导航等', '第 12 行', '首页 > 政务公开'],
    ]);
    await expect.element(screen.getByText('另有 4 处未列出。')).toBeVisible();
  });

  it('says plainly when nothing was left out', async () => {
    const screen = await renderPreview(previewOf({ reader: 'paste', layout: 'lines', dropped: [], omittedDropped: 0 }));
    await expect.element(screen.getByTestId('preview-reader')).toHaveTextContent('粘贴的文本');
    await expect.element(screen.getByText('没有略去任何内容')).toBeVisible();
    expect(screen.container.querySelector('details')).toBeNull();
  });

  it('shows each measure’s deadline in the plan’s words and as it was read', async () => {
    const screen = await renderPreview(previewOf());
    const dues = [...screen.container.querySelectorAll('.measure-due')].map((due) => due.textContent);
    expect(dues).toEqual([
      '完成时限“2017年6月底前”读作 2017年6月30日',
      '完成时限“每季度末”读作 每季度',
      '完成时限“长期坚持”读作 长期坚持',
      '完成时限“2018年底前完成并持续落实”读作 2018年12月31日，此后长期坚持',
      '完成时限“2017年9月底前”读作 2017年9月30日',
    ]);
  });

  it('marks collective names as such, and no one else', async () => {
    const screen = await renderPreview(previewOf());
    const collective = [...screen.container.querySelectorAll('.chip-collective')].map((chip) => chip.textContent);
    expect(new Set(collective)).toEqual(new Set(['各区政府（统称）', '市政府各部门（统称）']));
    expect(screen.container.querySelector('.chip-collective')?.getAttribute('title')).toContain('统称');
    const named = [...screen.container.querySelectorAll('.chip:not(.chip-collective)')].map((chip) => chip.textContent);
    expect(named).toContain('市市场监管局牵头');
  });

  it('reads the same in English', async () => {
    await i18next.changeLanguage('en');
    const screen = await renderPreview(previewOf({ reader: 'html', layout: 'run_together', omittedDropped: 0 }));
    await expect.element(screen.getByTestId('preview-reader')).toHaveTextContent('Web page');
    await expect.element(screen.getByTestId('preview-layout')).toHaveTextContent('Run-together text divided');
    await expect
      .element(screen.getByTestId('preview-counts'))
      .toHaveTextContent('1 chapter · 0 groups · 5 measures · 9 departments · report by December 31, 2017');
    await expect.element(screen.getByText('3 pieces of page furniture left out', { exact: false })).toBeVisible();
    const firstDue = screen.container.querySelector('.measure-due')?.textContent;
    expect(firstDue).toBe('Due “2017年6月底前”read as June 30, 2017');
  });
});
