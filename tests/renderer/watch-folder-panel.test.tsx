import { QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import './setup';
import type { WatchState } from '../../shared/api/calls/office';
import { queryClient } from '../../renderer/api/queries';
import { ToastProvider } from '../../renderer/components/Toasts';
import { WatchFolderPanel } from '../../renderer/features/office/WatchFolderPanel';

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

const counts = { accepted: 3, duplicates: 1, refused: 2 };
const unavailable: WatchState = {
  folder: '\\\\server\\收件',
  state: 'unavailable',
  lastScanAt: '2017-01-20T02:00:00.000Z',
  problem: '无法读取监视的文件夹 \\\\server\\收件：长时间没有响应，网络或设备可能已断开。恢复连接后会自动继续接收。',
  counts,
};
const off: WatchState = { folder: null, state: 'off', lastScanAt: null, problem: null, counts: { accepted: 0, duplicates: 0, refused: 0 } };

/** The dev host's answers (the network boundary): the watch state, until office.watch changes it; records the requests. */
function devHost(initial: WatchState) {
  let state = initial;
  const requests: { name: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const name = url.replace('/api/', '');
    const body = JSON.parse(String(init.body)) as unknown;
    requests.push({ name, body });
    if (name === 'office.watch') state = off;
    return new Response(JSON.stringify({ ok: true, value: state }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return requests;
}

const panel = () =>
  render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <WatchFolderPanel />
      </ToastProvider>
    </QueryClientProvider>,
  );

describe('watched folder panel', () => {
  it('says in words that the share cannot be reached and why, and stops watching on request', async () => {
    const requests = devHost(unavailable);
    const screen = await panel();
    await expect.element(screen.getByText('无法访问', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('长时间没有响应', { exact: false })).toBeVisible();
    await expect.element(screen.getByText('已接收 3 份 · 重复 1 份 · 已拒收 2 份')).toBeVisible();
    // A browser cannot choose a folder: no button for it, a hint instead.
    expect(screen.getByRole('button', { name: '选择文件夹…' }).query()).toBeNull();
    expect(screen.getByRole('button', { name: '更换文件夹…' }).query()).toBeNull();
    await expect.element(screen.getByText('--watch', { exact: false })).toBeVisible();

    await screen.getByRole('button', { name: '停止监视' }).click();
    await expect.element(screen.getByText('未设置', { exact: true })).toBeVisible();
    await expect.element(screen.getByText('未选择', { exact: true })).toBeVisible();
    expect(requests.filter((request) => request.name === 'office.watch').map((request) => request.body)).toEqual([{ fileId: null }]);
    expect(screen.getByRole('button', { name: '停止监视' }).query()).toBeNull();
  });
});
