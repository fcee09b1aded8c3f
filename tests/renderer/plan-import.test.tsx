import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import './setup';
import { MAX_PASTED_CHARS } from '../../shared/api/calls/plan';
import type { ApiResult } from '../../shared/api/errors';
import { ToastProvider } from '../../renderer/components/Toasts';
import { PlansScreen } from '../../renderer/features/plans/PlansScreen';
import { deadlineFragment, fragmentPreview } from './plan-preview';

afterEach(() => {
  vi.unstubAllGlobals();
});

interface Sent {
  name: string;
  body: unknown;
}

/**
 * The dev host at the network boundary: plans.list answers an empty list, plans.previewText
 * answers `answer` once `release` is called (so a test can look at the screen while it reads).
 */
function fakeHost(answer: () => ApiResult<unknown>) {
  const sent: Sent[] = [];
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const name = url.replace('/api/', '');
    sent.push({ name, body: JSON.parse(String(init.body)) as unknown });
    let result: ApiResult<unknown>;
    if (name === 'plans.list') result = { ok: true, value: { plans: [], activeId: null } };
    else if (name === 'plans.previewText') {
      await released;
      result = answer();
    } else result = { ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: {} } };
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return { sent: () => sent.filter((request) => request.name === 'plans.previewText'), release: () => release() };
}

async function renderScreen() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <PlansScreen />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

/** A paste event carrying text, as the clipboard gives it. */
function pasteEvent(text: string): ClipboardEvent {
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  return new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData });
}

function fileDrag(type: string, names: string[]): DragEvent {
  const dataTransfer = new DataTransfer();
  for (const name of names) dataTransfer.items.add(new File(['一、任务'], name, { type: 'text/plain' }));
  return new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer });
}

describe('pasting a plan on the import screen', () => {
  it('previews pasted text with Ctrl+Enter under a dated name, busy until the answer comes, and sends it once', async () => {
    const host = fakeHost(() => ({ ok: true, value: fragmentPreview() }));
    const screen = await renderScreen();
    const box = screen.getByLabelText('粘贴方案全文');
    const button = screen.getByRole('button', { name: '预览' });
    await expect.element(button).toBeDisabled();

    await userEvent.fill(box, deadlineFragment);
    await expect.element(screen.getByTestId('paste-count')).toHaveTextContent(`${deadlineFragment.length} 字`);

    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    const busy = screen.getByRole('button', { name: '正在识别…' });
    await expect.element(busy).toBeDisabled();
    await expect.element(busy).toHaveAttribute('aria-busy', 'true');
    await expect.element(box).toHaveAttribute('readonly');
    // A second Ctrl+Enter while it reads sends nothing more.
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    host.release();

    await expect.element(screen.getByRole('heading', { level: 1, name: '导入预览' })).toBeVisible();
    await expect.element(screen.getByTestId('preview-reader')).toHaveTextContent('粘贴的文本');
    expect(host.sent()).toHaveLength(1);
    const body = host.sent()[0]?.body as { text: string; name: string };
    expect(body.text).toBe(deadlineFragment);
    expect(body.name).toMatch(/^粘贴的文本 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/u);

    // Cancel brings the pasted text back.
    await screen.getByRole('button', { name: '取消' }).click();
    await expect.element(screen.getByLabelText('粘贴方案全文')).toHaveValue(deadlineFragment);
  });

  it('takes Ctrl+V on the screen into the box when no field has the focus', async () => {
    fakeHost(() => ({ ok: true, value: fragmentPreview() }));
    const screen = await renderScreen();
    const box = screen.getByLabelText('粘贴方案全文');
    await expect.element(box).toBeVisible();
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.dispatchEvent(pasteEvent('一、总体要求\n二、重点任务'));
    await expect.element(box).toHaveValue('一、总体要求\n二、重点任务');
    await expect.element(box).toHaveFocus();
    await expect.element(screen.getByRole('button', { name: '预览' })).toBeEnabled();
  });

  it('shows the server’s reason in words when the text is no plan, and lets the user try again', async () => {
    const host = fakeHost(() => ({
      ok: false,
      error: { code: 'plan.no_structure', messageKey: 'errors.plan.no_structure', params: {} },
    }));
    host.release();
    const screen = await renderScreen();
    await userEvent.fill(screen.getByLabelText('粘贴方案全文'), '这是一段没有编号的文字。');
    await screen.getByRole('button', { name: '预览' }).click();
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('无法预览');
    await expect.element(alert).toHaveTextContent('文件中没有找到方案的层次编号');
    await expect.element(screen.getByRole('button', { name: '预览' })).toBeEnabled();
    await expect.element(screen.getByLabelText('粘贴方案全文')).toHaveValue('这是一段没有编号的文字。');
  });

  // Five million characters in a real textarea take seconds to lay out.
  it('refuses a paste over the limit before sending it, saying what to do', { timeout: 60_000 }, async () => {
    const host = fakeHost(() => ({ ok: true, value: fragmentPreview() }));
    const screen = await renderScreen();
    const box = screen.getByLabelText('粘贴方案全文').element() as HTMLTextAreaElement;
    box.value = '一'.repeat(MAX_PASTED_CHARS + 1);
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await screen.getByRole('button', { name: '预览' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('粘贴的文本有 5,000,001 字，超过 5,000,000 字的上限');
    expect(host.sent()).toHaveLength(0);
  });
});

describe('dropping on the import screen', () => {
  it('shows where to drop while a file hovers, and refuses several files at once', async () => {
    fakeHost(() => ({ ok: true, value: fragmentPreview() }));
    const screen = await renderScreen();
    const zone = screen.getByTestId('plans-page').element();
    zone.dispatchEvent(fileDrag('dragenter', ['a.txt']));
    zone.dispatchEvent(fileDrag('dragover', ['a.txt']));
    await expect.element(screen.getByText('松开鼠标，预览这个方案文件')).toBeVisible();
    zone.dispatchEvent(fileDrag('drop', ['a.txt', 'b.pdf']));
    await expect.element(page.getByRole('alert')).toHaveTextContent('一次只能导入一个方案文件');
    await expect.element(screen.getByText('松开鼠标，预览这个方案文件')).not.toBeInTheDocument();
  });
});
