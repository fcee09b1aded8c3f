import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { useState } from 'react';
import './setup';
import '../../renderer/features/ledger/ledger.css';
import type { ColumnMapping, ImportPreview } from '../../shared/api/calls/ledger';
import { SheetPreview } from '../../renderer/features/ledger/SheetPreview';
import { columnLetters } from '../../shared/ledger/cell-refs';
import i18n from '../../renderer/app/i18n';
import { ledgerPreview, manyProblems } from './ledger-preview';

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

/** The preview as the screen holds it: mapping edits are kept; the handlers' calls are recorded. */
function Harness({ preview, calls }: { preview: ImportPreview; calls: string[] }) {
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  return (
    <SheetPreview
      preview={preview}
      mapping={mapping}
      updating={false}
      onMappingChange={(next) => {
        calls.push(`mapping ${JSON.stringify(next)}`);
        setMapping(next);
      }}
      onSheetChange={(sheet) => calls.push(`sheet ${sheet}`)}
      onImport={() => calls.push('import')}
      onCancel={() => calls.push('cancel')}
    />
  );
}

describe('the sheet import preview', () => {
  it('shows the file, the notes, one column choice per field, the counts, the rows with their actions and each problem row in words', async () => {
    const calls: string[] = [];
    const screen = await render(<Harness preview={ledgerPreview()} calls={calls} />);
    await expect.element(screen.getByTestId('ledger-file')).toHaveTextContent('质监任务分解表.xlsx');
    await expect.element(screen.getByText('共 4 行数据，标题在第 2 行')).toBeVisible();
    await expect.element(screen.getByTestId('ledger-notes')).toHaveTextContent('标题行在第 2 行');
    await expect.element(screen.getByTestId('ledger-notes')).toHaveTextContent('合并单元格');

    const task = screen.getByLabelText('任务（必填）');
    await expect.element(task).toHaveValue('1');
    const options = [...(task.element() as HTMLSelectElement).options].map((option) => option.text);
    expect(options).toEqual(['不导入', 'A 序号', 'B 任务内容', 'C 责任处室', 'D 完成时限', 'E 列（无标题）']);
    await expect.element(screen.getByLabelText('状态')).toHaveValue('');

    await expect.element(screen.getByTestId('ledger-counts')).toHaveTextContent('将新增 1 项 · 更新 1 项 · 无变化 0 项 · 1 行无法导入');
    const rows = screen.getByTestId('ledger-sample-row').elements();
    expect(rows.map((element) => element.querySelector('.badge')?.textContent)).toEqual(['新增', '更新', '无法导入', '跳过']);
    expect(rows[2]?.querySelector('.badge')?.getAttribute('title')).toBe(
      '第 5 行：找不到措施“(九)9”：请填写措施编号（如“(一)1”）或措施名称。',
    );
    await expect.element(screen.getByTestId('ledger-problems')).toHaveTextContent('第 5 行：找不到措施“(九)9”');

    await screen.getByRole('button', { name: '导入' }).click();
    await screen.getByRole('button', { name: '取消' }).click();
    expect(calls).toEqual(['import', 'cancel']);
  });

  it('disables Import with the reason while 措施 or 任务 has no column, or one column is chosen twice', async () => {
    const calls: string[] = [];
    const screen = await render(<Harness preview={ledgerPreview()} calls={calls} />);
    const importButton = screen.getByRole('button', { name: '导入' });
    await expect.element(importButton).toBeEnabled();

    await screen.getByLabelText('任务（必填）').selectOptions('不导入');
    await expect.element(importButton).toBeDisabled();
    await expect.element(screen.getByTestId('ledger-import-reason')).toHaveTextContent('请先为“任务”指定对应的列');
    await expect.element(importButton).toHaveAccessibleDescription(/请先为“任务”指定对应的列/u);
    await expect.element(screen.getByLabelText('任务（必填）')).toHaveAttribute('aria-invalid', 'true');

    await screen.getByLabelText('任务（必填）').selectOptions('B 任务内容');
    await expect.element(importButton).toBeEnabled();
    await screen.getByLabelText('备注').selectOptions('B 任务内容');
    await expect.element(screen.getByTestId('ledger-import-reason')).toHaveTextContent('同一列“B 任务内容”被指定给了多个字段');
    await expect.element(importButton).toBeDisabled();
    expect(calls.at(-1)).toBe(
      `mapping ${JSON.stringify({ measure: 0, task: 1, owner: 2, due: 3, status: null, progress: null, notes: 1 })}`,
    );
  });

  it('disables Import when nothing would change, and says so', async () => {
    const preview = ledgerPreview({ outcome: { added: 0, updated: 0, unchanged: 2, problems: [] } });
    const screen = await render(<Harness preview={preview} calls={[]} />);
    await expect.element(screen.getByRole('button', { name: '导入' })).toBeDisabled();
    await expect.element(screen.getByTestId('ledger-import-reason')).toHaveTextContent('没有需要导入的改动');
  });

  it('offers the workbook’s sheets and reports the choice', async () => {
    const calls: string[] = [];
    const screen = await render(<Harness preview={ledgerPreview()} calls={calls} />);
    await screen.getByLabelText('工作表').selectOptions('说明');
    expect(calls).toEqual(['sheet 说明']);
    const single = await render(<Harness preview={ledgerPreview({ sheets: ['Sheet1'], sheet: 'Sheet1' })} calls={[]} />);
    expect(single.container.querySelector('select[id] option[value="Sheet1"]')).toBeNull();
  });

  it('renders a long problem list in slices inside its own scrolling box', async () => {
    const problems = manyProblems(5000);
    const preview = ledgerPreview({ rowCount: 5000, outcome: { added: 0, updated: 0, unchanged: 0, problems } });
    const started = performance.now();
    const screen = await render(<Harness preview={preview} calls={[]} />);
    await expect.element(screen.getByText('无法导入的行（5000）')).toBeVisible();
    expect(performance.now() - started).toBeLessThan(3000);
    const list = screen.getByTestId('ledger-problems');
    expect(list.element().children).toHaveLength(200);
    await expect.element(screen.getByText('还有 4,800 行…')).toBeVisible();
    const box = list.element().parentElement as HTMLElement;
    expect(getComputedStyle(box).overflowY).toBe('auto');
    expect(box.clientHeight).toBeLessThanOrEqual(240);

    await screen.getByRole('button', { name: '再显示 1,000 行' }).click();
    expect(list.element().children).toHaveLength(1200);
    await expect.element(screen.getByText('还有 3,800 行…')).toBeVisible();
  });

  it('can be used from the keyboard alone: the column choices are reached with Tab and changed with the arrow keys', async () => {
    const calls: string[] = [];
    const screen = await render(<Harness preview={ledgerPreview()} calls={calls} />);
    (screen.getByLabelText('措施（必填）').element() as HTMLElement).focus();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(screen.getByLabelText('任务（必填）').element());
    await userEvent.keyboard('{Tab}{Tab}{Tab}');
    expect(document.activeElement).toBe(screen.getByLabelText('状态').element());
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(screen.getByLabelText('状态')).toHaveValue('0');
    expect(calls.at(-1)).toContain('"status":0');
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    const screen = await render(<Harness preview={ledgerPreview()} calls={[]} />);
    await expect
      .element(screen.getByTestId('ledger-counts'))
      .toHaveTextContent('1 to add · 1 to update · 0 unchanged · 1 row cannot be imported');
    await expect.element(screen.getByTestId('ledger-problems')).toHaveTextContent('Row 5:');
  });
});

describe('column letters', () => {
  it('letters columns as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map((index) => columnLetters(index))).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
