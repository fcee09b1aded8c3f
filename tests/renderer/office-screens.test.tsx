import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import './setup';
import '../../renderer/features/office/office.css';
import type { Matrix, MatrixCell, ReceiveSummary, Submission, SubmissionDiff } from '../../shared/api/calls/office';
import { ToastProvider } from '../../renderer/components/Toasts';
import { queryClient } from '../../renderer/api/queries';
import { MatrixScreen } from '../../renderer/features/office/MatrixScreen';
import { BatchResults, InboxScreen } from '../../renderer/features/office/InboxScreen';
import { DiffList } from '../../renderer/features/office/DiffList';
import { FakeUpload } from './fake-upload';

/** The dev host's answers by call name (the network boundary); the calls made, in order. */
let answers: Record<string, unknown> = {};
let asked: { name: string; body: unknown }[] = [];

beforeEach(() => {
  answers = {};
  asked = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const name = url.replace('/api/', '');
    asked.push({ name, body: JSON.parse(String(init.body)) });
    const value = answers[name];
    const body =
      value === undefined ? { ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: {} } } : { ok: true, value };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function withProviders(children: ReactNode, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}

const empty: MatrixCell = {
  status: 'missing',
  submissionId: null,
  packageSha256: null,
  generatedAt: null,
  receivedAt: null,
  daysLate: null,
  versions: 0,
  tasks: null,
};
const cell = (patch: Partial<MatrixCell>): MatrixCell => ({ ...empty, ...patch });

const matrix: Matrix = {
  granularity: 'quarter',
  periods: [
    { key: '2016-Q3', label: '2016年第三季度', from: '2016-07-01', to: '2016-09-30', deadline: '2016-10-10' },
    { key: '2016-Q4', label: '2016年第四季度', from: '2016-10-01', to: '2016-12-31', deadline: '2017-01-31' },
  ],
  rows: [
    {
      department: '经济和信息化',
      cells: [
        cell({ status: 'received', submissionId: 11, versions: 2, tasks: { total: 5, done: 3 } }),
        cell({ status: 'untrusted', submissionId: 12, versions: 1 }),
      ],
    },
    { department: '财政', cells: [cell({ status: 'missing_overdue', daysLate: 80 }), cell({ status: 'missing' })] },
    {
      department: '质监',
      cells: [cell({ status: 'received_late', submissionId: 13, daysLate: 5, versions: 1 }), cell({ status: 'missing' })],
    },
  ],
  otherDepartments: ['省外事办'],
};

describe('the completeness matrix', () => {
  it('says each cell in words with its details, filters, sorts by lateness, and opens a cell with a report', async () => {
    answers['office.matrix'] = matrix;
    const screen = await render(withProviders(<MatrixScreen granularity="quarter" />));
    const grid = screen.getByTestId('matrix');
    await expect.element(grid).toBeVisible();
    const rows = () => [...grid.element().querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows()).toEqual([
      '经济和信息化已报送2 个版本 · 任务 3/5签名人未登记',
      '财政逾期未报迟 80 天未报送',
      '质监逾期报送迟 5 天未报送',
    ]);
    // Colour never alone: the status is a word (and the label a sentence) on every cell.
    await expect.element(screen.getByRole('button', { name: '质监，2016年第三季度：逾期报送（迟 5 天）' })).toBeVisible();
    await expect.element(screen.getByText('另有计划未列出的部门报送了报告：省外事办')).toBeVisible();
    expect(asked[0]).toEqual({ name: 'office.matrix', body: { granularity: 'quarter' } });

    await screen.getByLabelText('排序').selectOptions('lateness');
    expect(rows().map((row) => row?.slice(0, 2))).toEqual(['财政', '质监', '经济']);

    await screen.getByLabelText('按情况筛选').selectOptions('untrusted');
    expect(rows()).toHaveLength(1);
    await screen.getByLabelText('按情况筛选').selectOptions('');
    await screen.getByLabelText('按部门筛选').fill('质');
    expect(rows()).toEqual(['质监逾期报送迟 5 天未报送']);

    // The header row and the department column stay put while the grid scrolls.
    const corner = grid.element().querySelector('thead th')!;
    expect(getComputedStyle(corner).position).toBe('sticky');
    expect(getComputedStyle(grid.element().querySelector('tbody th')!).position).toBe('sticky');

    // Keyboard: the cell is a button; Enter opens its submission.
    const late = screen.getByRole('button', { name: /^质监，2016年第三季度/u });
    (late.element() as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/office/submissions/13');
    // Cells without a report are not targets: one button in the row, for the one report.
    expect(grid.element().querySelectorAll('tbody tr:first-child button')).toHaveLength(1);
  });

  it('asks for the granularity and months in the address (either way round), and shows a failed matrix’s error with a retry', async () => {
    const screen = await render(withProviders(<MatrixScreen granularity="month" from="2016-12" to="2016-07" />));
    await expect.element(screen.getByRole('button', { name: '重试' })).toBeVisible();
    expect(asked[0]).toEqual({ name: 'office.matrix', body: { granularity: 'month', from: '2016-07', to: '2016-12' } });
    await expect.element(screen.getByRole('radio', { name: '月' })).toBeChecked();
    await expect.element(screen.getByLabelText('起始月份')).toHaveValue('2016-12');
  });
});

describe('a batch in the inbox', () => {
  it('shows one progress bar with the running counts, and stops on Cancel keeping what came in', async () => {
    FakeUpload.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    let cancelled = false;
    answers['office.submissions'] = [];
    answers['office.watchState'] = {
      folder: null,
      state: 'off',
      lastScanAt: null,
      problem: null,
      counts: { accepted: 0, duplicates: 0, refused: 0 },
    };
    answers['office.receive'] = { jobId: 'job-1' };
    answers['jobs.cancel'] = {};
    const running = { id: 'job-1', kind: 'office.receive', error: null, result: null };
    Object.defineProperty(answers, 'jobs.get', {
      enumerable: true,
      get: () =>
        cancelled
          ? { ...running, state: 'cancelled', done: 2, total: 3, counts: { accepted: 1, duplicates: 0, refused: 1 } }
          : { ...running, state: 'running', done: 2, total: 3, counts: { accepted: 1, duplicates: 0, refused: 1 } },
    });
    // The app's own client: a finished batch refreshes the reads through it.
    const screen = await render(withProviders(<InboxScreen />, queryClient));
    await expect.element(screen.getByText('把报告文件拖到这里')).toBeVisible();

    const transfer = new DataTransfer();
    for (const name of ['甲.plreport', '乙.plreport', '丙.plreport']) transfer.items.add(new File(['PK'], name));
    const page = screen.getByTestId('inbox-page').element();
    page.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    page.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));

    const progress = screen.getByTestId('inbox-progress');
    await expect.element(progress).toHaveTextContent('正在核验并保存：2 / 3');
    await expect.element(screen.getByTestId('inbox-running-counts')).toHaveTextContent('已接收 1 · 重复 0 · 已拒收 1');
    await expect.element(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '67');
    expect(FakeUpload.sent).toEqual(['甲.plreport', '乙.plreport', '丙.plreport']);
    expect(asked.find((call) => call.name === 'office.receive')?.body).toEqual({
      fileIds: ['upload-1-0000', 'upload-2-0000', 'upload-3-0000'],
    });

    await screen.getByRole('button', { name: '取消' }).click();
    expect(asked.some((call) => call.name === 'jobs.cancel')).toBe(true);
    cancelled = true;
    await expect.element(screen.getByText('已取消。取消前已接收的报告文件都已保存。')).toBeVisible();
    expect(document.querySelector('[data-testid="inbox-progress"]')).toBeNull();
    // What came in before the cancel is listed: the submissions are asked for again.
    await expect.poll(() => asked.filter((call) => call.name === 'office.submissions').length).toBeGreaterThan(1);
  });
});

describe('a batch’s results', () => {
  const summary: ReceiveSummary = {
    accepted: 2,
    duplicates: 1,
    refused: 1,
    items: [
      {
        path: '收件/经济和信息化-2016年下半年.plreport',
        outcome: 'accepted',
        department: '经济和信息化',
        period: '2016年下半年',
        packageSha256: 'a'.repeat(64),
        signer: { fingerprint: 'b'.repeat(64), trust: 'trusted' },
        submissionId: 4,
      },
      {
        path: '质监-2016年下半年.plreport',
        outcome: 'accepted',
        department: '质监',
        period: '2016年下半年',
        packageSha256: 'c'.repeat(64),
        signer: { fingerprint: 'd'.repeat(64), trust: 'unknown' },
        supersedes: 'e'.repeat(64),
        submissionId: 5,
      },
      { path: '质监-副本.plreport', outcome: 'duplicate', department: '质监', period: '2016年下半年', submissionId: 5 },
      { path: '被改动的.plreport', outcome: 'refused', reason: 'bad_signature' },
    ],
  };

  it('lists every file with its outcome, department, period, signer and reason, filterable by outcome', async () => {
    const screen = await render(withProviders(<BatchResults summary={summary} skipped={3} />));
    await expect.element(screen.getByTestId('inbox-counts')).toHaveTextContent('已接收 2 · 重复 1 · 已拒收 1');
    await expect.element(screen.getByText('文件夹中另有 3 个不是 .plreport 的文件，未处理。')).toBeVisible();
    const items = () => [...document.querySelectorAll('[data-testid="inbox-item"]')].map((item) => item.textContent);
    expect(items()).toHaveLength(4);
    expect(items()[0]).toContain('已接收经济和信息化-2016年下半年.plreport经济和信息化 · 2016年下半年已登记');
    expect(items()[1]).toContain('未登记的签名人');
    expect(items()[1]).toContain('取代了先前的版本（SHA-256 eeeeeeeeeeee…）');
    // A refusal without the backend's sentence still says why, in words.
    expect(items()[3]).toContain('已拒收被改动的.plreport');
    expect(items()[3]).toMatch(/签名/u);

    await screen.getByRole('radio', { name: '已拒收（1）' }).click();
    expect(items()).toHaveLength(1);
    await screen.getByRole('radio', { name: '重复（1）' }).click();
    expect(items()).toEqual([expect.stringContaining('重复质监-副本.plreport')]);
    await screen.getByRole('radio', { name: '全部（4）' }).click();
    expect(items()).toHaveLength(4);
    await expect
      .element(screen.getByRole('link', { name: '查看 经济和信息化-2016年下半年.plreport' }))
      .toHaveAttribute('href', '#/office/submissions/4');
  });
});

describe('the diff between versions', () => {
  const version = (id: number, generatedAt: string): Submission => ({
    id,
    packageSha256: String(id).repeat(64).slice(0, 64),
    size: 100,
    fileName: '质监-2016年下半年.plreport',
    department: '质监',
    period: { from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' },
    generatedAt,
    receivedAt: generatedAt,
    signer: { fingerprint: 'f'.repeat(64), trust: 'trusted', registeredAs: '质监' },
    plan: { title: '计划', docNumber: null, sha256: '0'.repeat(64) },
    summary: {},
    supersededBy: id === 1 ? 2 : null,
  });

  it('reads as a list of changes: where, what, before → after, statuses in words', async () => {
    const diff: SubmissionDiff = {
      older: version(1, '2017-01-20T10:00:00+08:00'),
      newer: version(2, '2017-01-25T10:00:00+08:00'),
      entries: [
        { scope: 'task', code: '2.1.1', item: '制定年度标准化工作计划', field: 'status', before: 'in_progress', after: 'done' },
        { scope: 'measure', code: '2.1.1', item: null, field: 'progress', before: 40, after: 100 },
        { scope: 'report', code: null, item: null, field: 'problems', before: '', after: '资金到位较慢' },
        { scope: 'file', code: null, item: 'attachments/2.1.1/纪要.pdf', field: 'added', before: null, after: '纪要.pdf' },
      ],
    };
    answers['office.diff'] = diff;
    const screen = await render(withProviders(<DiffList older={diff.older} newer={diff.newer} />));
    await expect.element(screen.getByTestId('diff-entry').first()).toBeVisible();
    const entries = [...document.querySelectorAll('[data-testid="diff-entry"]')].map((entry) => entry.textContent);
    expect(entries).toEqual([
      '措施 2.1.1 · 任务“制定年度标准化工作计划”状态进行中→已完成',
      '措施 2.1.1进度40%→100%',
      '报告存在问题（空）→资金到位较慢',
      '文件 attachments/2.1.1/纪要.pdf新增纪要.pdf',
    ]);
    expect(asked[0]).toEqual({ name: 'office.diff', body: { older: 1, newer: 2 } });
    await expect.element(screen.getByRole('link', { name: '查看较新的版本' })).toHaveAttribute('href', '#/office/submissions/2');
  });
});
