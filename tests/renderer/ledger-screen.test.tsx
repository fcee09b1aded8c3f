import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import './setup';
import type { ApiError } from '../../shared/api/errors';
import { ToastProvider } from '../../renderer/components/Toasts';
import { LedgerScreen } from '../../renderer/features/ledger/LedgerScreen';
import { ledgerPreview } from './ledger-preview';
import { FakeUpload } from './fake-upload';

/** The dev host's answers by call name (a function answers from the request); the calls made, in order. */
type Answer = unknown | ((body: Record<string, unknown>) => unknown);
let answers: Record<string, Answer> = {};
let asked: { name: string; body: Record<string, unknown> }[] = [];
const refused = (error: ApiError) => ({ refused: error });

beforeEach(() => {
  answers = {};
  asked = [];
  FakeUpload.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeUpload);
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const name = url.replace('/api/', '');
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    asked.push({ name, body });
    const answer = answers[name];
    const value = typeof answer === 'function' ? (answer as (body: Record<string, unknown>) => unknown)(body) : answer;
    const result =
      value === undefined
        ? { ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: {} } }
        : typeof value === 'object' && value !== null && 'refused' in value
          ? { ok: false, error: (value as { refused: ApiError }).refused }
          : { ok: true, value };
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function withProviders(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}

function dropFile(target: Element, name: string): void {
  const transfer = new DataTransfer();
  transfer.items.add(new File(['PK'], name));
  target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
}

const job = (patch: Record<string, unknown>) => ({ id: 'job-1', done: 0, total: 0, counts: null, error: null, result: null, ...patch });

describe('the ledger screen', () => {
  it('previews a dropped sheet, previews again when the mapping changes, imports as a job and sums up', async () => {
    answers['ledger.previewImport'] = (body: Record<string, unknown>) =>
      body.mapping === null
        ? ledgerPreview()
        : ledgerPreview({
            mapping: body.mapping as never,
            outcome: { added: 2, updated: 1, unchanged: 0, problems: [] },
          });
    answers['ledger.import'] = { jobId: 'job-1' };
    let finished = false;
    Object.defineProperty(answers, 'jobs.get', {
      enumerable: true,
      get: () =>
        finished
          ? job({
              kind: 'ledger.import',
              state: 'done',
              done: 4,
              total: 4,
              result: { kind: 'ledger.import', outcome: { added: 2, updated: 1, unchanged: 0, problems: [] } },
            })
          : job({ kind: 'ledger.import', state: 'running', done: 1, total: 4 }),
    });
    const screen = await render(withProviders(<LedgerScreen />));
    dropFile(screen.getByTestId('ledger-page').element(), '质监任务分解表.xlsx');

    await expect.element(screen.getByTestId('ledger-counts')).toHaveTextContent('将新增 1 项 · 更新 1 项');
    expect(FakeUpload.sent).toEqual(['质监任务分解表.xlsx']);
    expect(asked.find((call) => call.name === 'ledger.previewImport')?.body).toEqual({
      fileId: 'upload-1-0000',
      sheet: null,
      mapping: null,
    });
    // Keyboard users land on the preview.
    expect(document.activeElement?.id).toBe('ledger-preview-title');

    await screen.getByLabelText('备注').selectOptions('E 列（无标题）');
    await expect.element(screen.getByTestId('ledger-counts')).toHaveTextContent('将新增 2 项 · 更新 1 项');
    expect(asked.filter((call) => call.name === 'ledger.previewImport').at(-1)?.body).toEqual({
      fileId: 'upload-1-0000',
      sheet: '任务分解',
      mapping: { measure: 0, task: 1, owner: 2, due: 3, status: null, progress: null, notes: 4 },
    });

    await screen.getByRole('button', { name: '导入', exact: true }).click();
    await expect.element(screen.getByText('正在导入… 25%')).toBeVisible();
    expect(asked.find((call) => call.name === 'ledger.import')?.body).toEqual({
      fileId: 'upload-1-0000',
      sheet: '任务分解',
      mapping: { measure: 0, task: 1, owner: 2, due: 3, status: null, progress: null, notes: 4 },
    });
    finished = true;
    await expect.element(screen.getByTestId('ledger-import-done')).toHaveTextContent('新增 2 项 · 更新 1 项 · 无变化 0 项');
    expect(screen.container.querySelector('[data-testid="ledger-preview"]')).toBeNull();
  });

  it('asks for no preview while the mapping lacks 任务, and previews afresh (guessing the columns) when the sheet changes', async () => {
    answers['ledger.previewImport'] = (body: Record<string, unknown>) =>
      body.sheet === '说明' ? ledgerPreview({ sheet: '说明', mapping: { ...ledgerPreview().mapping, owner: null } }) : ledgerPreview();
    const screen = await render(withProviders(<LedgerScreen />));
    dropFile(screen.getByTestId('ledger-page').element(), 'a.xlsx');
    await expect.element(screen.getByTestId('ledger-preview')).toBeVisible();
    const before = asked.length;
    await screen.getByLabelText('任务（必填）').selectOptions('不导入');
    await expect.element(screen.getByTestId('ledger-import-reason')).toHaveTextContent('请先为“任务”指定对应的列');
    expect(asked.length).toBe(before);

    await screen.getByLabelText('工作表').selectOptions('说明');
    await expect.element(screen.getByLabelText('责任人')).toHaveValue('');
    expect(asked.at(-1)?.body).toEqual({ fileId: 'upload-1-0000', sheet: '说明', mapping: null });
  });

  it('says in one sentence why a sheet is refused, and the screen stays usable', async () => {
    answers['ledger.previewImport'] = refused({ code: 'ledger.encrypted', messageKey: 'errors.ledger.encrypted', params: {} });
    const screen = await render(withProviders(<LedgerScreen />));
    dropFile(screen.getByTestId('ledger-page').element(), '加密.xlsx');
    await expect.element(screen.getByTestId('ledger-refusal')).toHaveTextContent('该工作簿设有打开密码，无法读取');
    await expect.element(screen.getByRole('button', { name: '选择表格…' })).toBeEnabled();
    await expect.element(screen.getByRole('button', { name: '导出工作台账（.xlsx）' })).toBeEnabled();

    answers['ledger.previewImport'] = ledgerPreview();
    dropFile(screen.getByTestId('ledger-page').element(), 'b.xlsx');
    await expect.element(screen.getByTestId('ledger-preview')).toBeVisible();
    expect(screen.container.querySelector('[data-testid="ledger-refusal"]')).toBeNull();
  });

  it('keeps the preview when an import is stopped, and says nothing was changed', async () => {
    answers['ledger.previewImport'] = ledgerPreview();
    answers['ledger.import'] = { jobId: 'job-1' };
    let cancelled = false;
    answers['jobs.cancel'] = () => {
      cancelled = true;
      return job({ kind: 'ledger.import', state: 'running' });
    };
    Object.defineProperty(answers, 'jobs.get', {
      enumerable: true,
      get: () => job({ kind: 'ledger.import', state: cancelled ? 'cancelled' : 'running', done: 1, total: 4 }),
    });
    const screen = await render(withProviders(<LedgerScreen />));
    dropFile(screen.getByTestId('ledger-page').element(), 'a.xlsx');
    await screen.getByRole('button', { name: '导入', exact: true }).click();
    await screen.getByRole('button', { name: '停止导入' }).click();
    await expect.element(screen.getByRole('alert')).toHaveTextContent('导入已取消，数据未作改动。');
    await expect.element(screen.getByRole('button', { name: '导入', exact: true })).toBeEnabled();
  });

  it('exports the ledger as a job and names the file with its counts', async () => {
    answers['ledger.exportName'] = { fileName: '工作台账-山东省质量技术监督局-2016-10-08.xlsx' };
    answers['ledger.export'] = { jobId: 'job-2' };
    const download = { downloadId: 'd1', name: '工作台账-山东省质量技术监督局-2016-10-08.xlsx' };
    answers['jobs.get'] = job({
      id: 'job-2',
      kind: 'ledger.export',
      state: 'done',
      result: { kind: 'ledger.export', fileName: download.name, size: 20480, tasks: 128, measures: 35, download },
    });
    const clicked: string[] = [];
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement).closest('a');
      if (link?.download) {
        clicked.push(`${link.getAttribute('href')} ${link.download}`);
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    try {
      const screen = await render(withProviders(<LedgerScreen />));
      await screen.getByRole('button', { name: '导出工作台账（.xlsx）' }).click();
      await expect
        .element(screen.getByTestId('ledger-export-done'))
        .toHaveTextContent('已导出 工作台账-山东省质量技术监督局-2016-10-08.xlsx（20 KB）：128 项任务，35 项措施。');
      expect(asked.find((call) => call.name === 'ledger.export')?.body).toEqual({ targetId: null });
      expect(clicked).toEqual([`/download/d1 ${download.name}`]);
    } finally {
      document.removeEventListener('click', onClick, true);
    }
  });
});
