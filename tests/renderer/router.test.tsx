import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { href, navigate, parseRoute, replaceRoute, useRoute } from '../../renderer/app/router';

function Where() {
  const route = useRoute();
  return (
    <output>
      {route.path}|{route.params.get('department') ?? ''}
    </output>
  );
}

describe('hash routes', () => {
  it('parses paths and query parameters, including Chinese', () => {
    expect(parseRoute('/')).toMatchObject({ path: '/' });
    const route = parseRoute('/print/checklist?department=%E8%B4%A8%E7%9B%91&measure=2.1.1');
    expect(route.path).toBe('/print/checklist');
    expect(route.params.get('department')).toBe('质监');
    expect(route.params.get('measure')).toBe('2.1.1');
    expect(href('/print/checklist', { department: '质监', measure: undefined })).toBe('#/print/checklist?department=%E8%B4%A8%E7%9B%91');
  });

  it('follows the location hash', async () => {
    navigate('/');
    const screen = await render(<Where />);
    await expect.element(screen.getByRole('status')).toHaveTextContent('/|');
    navigate('/print/checklist', { department: '经济和信息化' });
    await expect.element(screen.getByRole('status')).toHaveTextContent('/print/checklist|经济和信息化');
  });

  it('follows a replaced address, without a history entry', async () => {
    navigate('/');
    const screen = await render(<Where />);
    await expect.element(screen.getByRole('status')).toHaveTextContent('/|');
    const entries = window.history.length;
    replaceRoute('/print/checklist', { department: '质监' });
    await expect.element(screen.getByRole('status')).toHaveTextContent('/print/checklist|质监');
    expect(window.location.hash).toBe(href('/print/checklist', { department: '质监' }));
    expect(window.history.length).toBe(entries);
  });
});
