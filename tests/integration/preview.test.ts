import { describe, expect, it } from 'vitest';
import { useBackends } from '../support/backend';

const openTestBackend = useBackends();

describe('report preview frame', () => {
  it('explains in the user’s language why there is nothing to show', async () => {
    const backend = await openTestBackend();
    const notChosen = backend.preview('/preview/report.html', new URLSearchParams({ period: '2016' }));
    expect(notChosen).toMatchObject({ status: 400, contentType: 'text/plain; charset=utf-8' });
    expect(String(notChosen?.body)).toBe('请先选择本部门。');

    await backend.call('settings.update', { department: '经济和信息化' });
    const badPeriod = backend.preview('/preview/report.html', new URLSearchParams({ period: '2016-H7' }));
    expect(String(badPeriod?.body)).toContain('报告期间“2016-H7”无法识别');
    const unknown = backend.preview('/preview/verified/unknown-id-123/report.html', new URLSearchParams());
    expect(unknown).toMatchObject({ status: 404 });
    expect(String(unknown?.body)).toBe('找不到要预览的文件，请重新打开。');

    await backend.call('settings.update', { language: 'en' });
    expect(String(backend.preview('/preview/report.html', new URLSearchParams({ period: '2016-H7' }))?.body)).toContain(
      'The reporting period “2016-H7” is not understood.',
    );
  });
});
