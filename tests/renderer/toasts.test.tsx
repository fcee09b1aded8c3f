import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import './setup';
import { ToastProvider, useToasts } from '../../renderer/components/Toasts';

function Trigger({ kind, message, undo }: { kind: 'success' | 'error'; message: string; undo?: () => void }) {
  const toasts = useToasts();
  return (
    <button type="button" onClick={() => toasts.show(kind, message, undo ? { label: 'undo', run: undo } : undefined)}>
      go
    </button>
  );
}

describe('toasts', () => {
  it('announces a confirmation and lets the user dismiss it', async () => {
    const screen = await render(
      <ToastProvider>
        <Trigger kind="success" message="设置已保存" />
      </ToastProvider>,
    );
    await screen.getByRole('button', { name: 'go' }).click();
    await expect.element(screen.getByText('设置已保存')).toBeVisible();
    await screen.getByRole('button', { name: '关闭' }).click();
    await expect.element(screen.getByText('设置已保存')).not.toBeInTheDocument();
  });

  it('shows errors as alerts and runs the offered action once', async () => {
    let undone = 0;
    const screen = await render(
      <ToastProvider>
        <Trigger kind="error" message="保存失败" undo={() => (undone += 1)} />
      </ToastProvider>,
    );
    await screen.getByRole('button', { name: 'go' }).click();
    await expect.element(page.getByRole('alert')).toHaveTextContent('保存失败');
    await screen.getByRole('button', { name: 'undo' }).click();
    expect(undone).toBe(1);
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });
});
