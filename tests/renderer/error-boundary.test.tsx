import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import './setup';
import { ErrorBoundary } from '../../renderer/components/ErrorBoundary';

function Broken(): never {
  throw new Error('render failed');
}

function Harness() {
  const [where, setWhere] = useState('/measures/x');
  return (
    <>
      <button type="button" onClick={() => setWhere('/')}>
        move
      </button>
      <ErrorBoundary resetKey={where}>{where === '/' ? <p>dashboard</p> : <Broken />}</ErrorBoundary>
    </>
  );
}

describe('a screen that fails to render', () => {
  it('shows what happened and a way back instead of a blank window, and recovers on navigation', async () => {
    const screen = await render(<Harness />);
    await expect.element(page.getByRole('alert')).toHaveTextContent('这个页面无法显示');
    await expect.element(screen.getByRole('button', { name: '返回工作台' })).toBeVisible();
    await screen.getByRole('button', { name: 'move' }).click();
    await expect.element(screen.getByText('dashboard')).toBeVisible();
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });
});
