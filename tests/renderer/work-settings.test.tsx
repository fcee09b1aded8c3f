import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import './setup';
import type { Settings } from '../../shared/api/calls/settings';
import { ToastProvider } from '../../renderer/components/Toasts';
import { WorkSettings } from '../../renderer/features/settings/WorkSettings';

/** The settings.update requests the screen sends, answered as the backend would. */
let updates: Record<string, unknown>[] = [];
const settings: Settings = {
  language: 'zh-CN',
  department: '质监',
  recentDepartments: ['质监'],
  operator: '张三',
  office: false,
  unitNames: { 质监: '山东省质量技术监督局' },
};

beforeEach(() => {
  updates = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    if (url === '/api/settings.update') updates.push(body);
    return new Response(JSON.stringify({ ok: true, value: settings }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function renderSettings() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <WorkSettings settings={settings} />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

describe('work settings', () => {
  it("saves the department's 单位全称 trimmed when the field is left, and clears it when emptied", async () => {
    const screen = await renderSettings();
    const unitName = screen.getByLabelText('单位全称');
    await expect.element(unitName).toHaveValue('山东省质量技术监督局');

    await unitName.fill('  山东省市场监督管理局 ');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(updates).toEqual([{ unitName: { department: '质监', fullName: '山东省市场监督管理局' } }]));

    await unitName.fill('');
    await userEvent.tab();
    await vi.waitFor(() => expect(updates.at(-1)).toEqual({ unitName: { department: '质监', fullName: '' } }));
  });

  it('saves the 经办人 name written into the history, and sends nothing when a field is left unchanged', async () => {
    const screen = await renderSettings();
    const unitName = screen.getByLabelText('单位全称');
    await unitName.click();
    await userEvent.tab();
    const operator = screen.getByLabelText('经办人');
    await operator.fill('李四 ');
    await userEvent.tab();
    await vi.waitFor(() => expect(updates).toEqual([{ operator: '李四' }]));
  });
});
