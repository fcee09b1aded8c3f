import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import './setup';
import { ExportDialog } from '../../renderer/features/reports/ExportDialog';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The dev host's answers (the network boundary): the key status first fails, then answers. */
function keyStatusFailsOnce() {
  let asked = 0;
  vi.stubGlobal('fetch', async () => {
    asked += 1;
    const body =
      asked === 1
        ? { ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: {} } }
        : {
            ok: true,
            value: { fingerprint: null, protection: null, createdAt: null, department: '质监', osStoreAvailable: false, retired: [] },
          };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
}

describe('export dialog', () => {
  it('says why it cannot go on when the key status fails, retries, and can always be closed', async () => {
    keyStatusFailsOnce();
    let closed = 0;
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const screen = await render(
      <QueryClientProvider client={client}>
        <ExportDialog periodKey="2016-H2" periodLabel="2016 年下半年" fileName="报告.plreport" onClose={() => (closed += 1)} />
      </QueryClientProvider>,
    );
    await expect.element(screen.getByRole('alert')).toBeVisible();
    await screen.getByRole('button', { name: '重试' }).click();
    await expect.element(screen.getByLabelText('再次输入口令')).toBeVisible();
    await screen.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => closed).toBe(1);
  });
});
