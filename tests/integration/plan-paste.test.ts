import { describe, expect, it } from 'vitest';
import { expectApiError, useBackends } from '../support/backend';
import { fixtureText, rewrap, seedText } from '../unit/plan/helpers';

const openTestBackend = useBackends();

describe('pasted plans', () => {
  it('previews the seed as copied out of its PDF: read as pasted, hard-wrapped, its page numbers listed by line, the plan already there', async () => {
    const backend = await openTestBackend();
    const copied = rewrap(seedText(), 26);
    const preview = await backend.call('plans.previewText', { text: copied, name: '粘贴的文本 2026/12/03 09:30' });
    expect(preview).toMatchObject({ reader: 'paste', layout: 'wrapped', sourceName: '粘贴的文本 2026/12/03 09:30', omittedDropped: 0 });
    expect(preview.plan.measures).toHaveLength(17);
    expect(preview.plan.departments).toHaveLength(27);
    const pageNumbers = copied.split('\n').flatMap((line, index) => (/^— \d+ —$/u.test(line) ? [{ text: line, line: index + 1 }] : []));
    expect(preview.dropped).toEqual(pageNumbers.map(({ text, line }) => ({ kind: 'page_number', text, page: null, line })));
    // The same plan as the embedded one, whatever its layout.
    expect(preview.existing?.title).toBe('山东省贯彻实施质量发展纲要2016年行动计划');
  });

  it('imports pasted text, and the measure page carries each measure’s recurring deadline from the stored plan', async () => {
    const backend = await openTestBackend();
    const preview = await backend.call('plans.previewText', { text: fixtureText('deadlines-and-collectives.txt'), name: '粘贴的文本' });
    expect(preview.existing).toBeNull();
    const { plan, created } = await backend.call('plans.import', { previewId: preview.previewId });
    expect(created).toBe(true);
    expect(plan.sourceName).toBe('粘贴的文本');

    await backend.call('settings.update', { department: '市发展改革委' });
    const quarterly = await backend.call('workspace.measure', { code: '1.2' });
    expect(quarterly.measure).toMatchObject({ due: null, recurrence: 'quarterly' });
    await backend.call('settings.update', { department: '各区政府' });
    expect((await backend.call('workspace.measure', { code: '1.4' })).measure).toMatchObject({ due: '2018-12-31', recurrence: 'ongoing' });
    await backend.call('settings.update', { department: '市市场监管局' });
    expect((await backend.call('workspace.measure', { code: '1.1' })).measure).toMatchObject({ due: '2017-06-30', recurrence: null });
  });

  it('refuses blank text and an empty name with a clear error', async () => {
    const backend = await openTestBackend();
    await expectApiError(backend.call('plans.previewText', { text: ' \n ', name: '粘贴的文本' }), 'plan.empty');
    await expectApiError(backend.call('plans.previewText', { text: '一、任务', name: ' ' }), 'request.invalid');
  });
});
