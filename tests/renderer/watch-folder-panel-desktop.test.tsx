import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import './setup';
import type { WatchState } from '../../shared/api/calls/office';

const folder = 'E:\\收件';
const idle: WatchState = {
  folder: null,
  state: 'off',
  lastScanAt: null,
  problem: null,
  counts: { accepted: 0, duplicates: 0, refused: 0 },
};
const watching: WatchState = { ...idle, folder, state: 'watching', lastScanAt: '2017-01-20T02:00:00.000Z' };

/** The desktop app's preload bridge (the IPC boundary): answers by call name and records the requests. */
function desktopBridge() {
  let state = idle;
  const requests: { name: string; request: unknown }[] = [];
  const answers: Record<string, (request: unknown) => unknown> = {
    'office.watchState': () => state,
    'files.pick': () => [{ id: 'chosen-folder-1', name: '收件', size: 0 }],
    'office.watch': () => (state = watching),
  };
  (window as unknown as { planledger: unknown }).planledger = new Proxy(
    {},
    {
      get: (_target, name: string) => async (request: unknown) => {
        requests.push({ name, request });
        return { ok: true, value: answers[name]?.(request) ?? null };
      },
    },
  );
  return requests;
}

describe('watched folder panel in the desktop app', () => {
  it('chooses a folder in the native dialog and watches it', async () => {
    const requests = desktopBridge();
    // Imported after the bridge is in place: the client decides desktop or browser when it loads.
    const { QueryClientProvider } = await import('@tanstack/react-query');
    const { queryClient } = await import('../../renderer/api/queries');
    const { ToastProvider } = await import('../../renderer/components/Toasts');
    const { WatchFolderPanel } = await import('../../renderer/features/office/WatchFolderPanel');
    const screen = await render(
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <WatchFolderPanel />
        </ToastProvider>
      </QueryClientProvider>,
    );
    await expect.element(screen.getByText('未设置', { exact: true })).toBeVisible();
    expect(screen.getByText('--watch', { exact: false }).query()).toBeNull();

    await screen.getByRole('button', { name: '选择文件夹…' }).click();
    await expect.element(screen.getByText('正在监视', { exact: true })).toBeVisible();
    await expect.element(screen.getByText(folder, { exact: true })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: '更换文件夹…' })).toBeVisible();
    expect(requests.filter((call) => call.name !== 'office.watchState')).toEqual([
      { name: 'files.pick', request: { purpose: 'packages', multiple: false, folders: true } },
      { name: 'office.watch', request: { fileId: 'chosen-folder-1' } },
    ]);
  });
});
