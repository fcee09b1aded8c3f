import { describe, expect, it } from 'vitest';
import { expectApiError, openAsDepartment, useBackends } from '../support/backend';

const openTestBackend = useBackends();
/** 2016-09-01, between the plan's issue date and its reporting deadline. */
const clock = () => new Date(2016, 8, 1, 9, 30);

const backendAs = (department: string) => openAsDepartment(openTestBackend, department, { now: clock });

describe('print.checklist', () => {
  it('lists all 11 measures of 质监 in document order on a first run, each with its tasks', async () => {
    const backend = await backendAs('质监');
    const { measures: assigned } = await backend.call('workspace.dashboard', {});
    const first = assigned[0]!.code;
    const third = assigned[2]!.code;
    const created = await backend.call('tasks.create', { measureCode: first, texts: ['制定年度标准化工作计划', '开展计量比对'] });
    await backend.call('tasks.update', {
      id: created[0]!.id,
      patch: { status: 'done', owner: '王科长', due: '2016-10-31', notes: '已报分管领导' },
    });
    await backend.call('tasks.create', { measureCode: third, texts: ['组织质量月活动'] });
    const deleted = await backend.call('tasks.create', { measureCode: third, texts: ['删掉的任务'] });
    await backend.call('tasks.delete', { id: deleted[0]!.id });

    const checklist = await backend.call('print.checklist', { department: '质监' });
    expect(checklist.department).toBe('质监');
    expect(checklist.printedAt).toBe('2016-09-01');
    expect(checklist.plan).toMatchObject({ docNumber: '鲁政办字〔2016〕103号' });
    expect(checklist.plan.title).toContain('质量发展纲要');
    expect(checklist.measures).toHaveLength(11);
    expect(checklist.measures.map((m) => m.code)).toEqual(assigned.map((m) => m.code));
    expect(checklist.measures.every((m) => m.title !== '' && m.text.length > m.title.length && m.chapter !== null)).toBe(true);

    const byCode = new Map(checklist.measures.map((m) => [m.code, m]));
    expect(byCode.get(first)?.tasks).toEqual([
      {
        id: created[0]!.id,
        text: '制定年度标准化工作计划',
        status: 'done',
        progress: 100,
        owner: '王科长',
        due: '2016-10-31',
        notes: '已报分管领导',
      },
      { id: created[1]!.id, text: '开展计量比对', status: 'not_started', progress: 0, owner: '', due: null, notes: '' },
    ]);
    expect(byCode.get(third)?.tasks.map((task) => task.text)).toEqual(['组织质量月活动']);
    expect(checklist.measures.filter((m) => m.tasks.length === 0)).toHaveLength(9);
  });

  it('prints any department of the plan, not only the chosen one, and only that department’s tasks', async () => {
    const backend = await backendAs('质监');
    const { measures } = await backend.call('workspace.dashboard', {});
    const shared = await backend.call('print.checklist', { department: '经济和信息化' });
    expect(shared.measures).toHaveLength(11);
    const common = measures.find((m) => shared.measures.some((s) => s.code === m.code))!;
    await backend.call('tasks.create', { measureCode: common.code, texts: ['质监的任务'] });

    const other = await backend.call('print.checklist', { department: '经济和信息化' });
    expect(other.measures.flatMap((m) => m.tasks)).toEqual([]);
    const own = await backend.call('print.checklist', { department: '质监' });
    expect(own.measures.flatMap((m) => m.tasks.map((task) => task.text))).toEqual(['质监的任务']);
  });

  it('works before a department is chosen', async () => {
    const backend = await openTestBackend({ now: clock });
    const checklist = await backend.call('print.checklist', { department: '质监', measure: null });
    expect(checklist.measures).toHaveLength(11);
  });

  it('filters to one measure', async () => {
    const backend = await backendAs('质监');
    const all = await backend.call('print.checklist', { department: '质监' });
    const fifth = all.measures[4]!;
    await backend.call('tasks.create', { measureCode: fifth.code, texts: ['甲', '乙'] });
    const one = await backend.call('print.checklist', { department: '质监', measure: fifth.code });
    expect(one.measures.map((m) => m.code)).toEqual([fifth.code]);
    expect(one.measures[0]!.tasks.map((task) => task.text)).toEqual(['甲', '乙']);
    expect(one.measures[0]).toMatchObject({ label: fifth.label, title: fifth.title, text: fifth.text, role: fifth.role });
  });

  it('refuses an unknown department, a measure the department does not carry, and an unknown measure', async () => {
    const backend = await backendAs('质监');
    await expectApiError(backend.call('print.checklist', { department: '不存在的部门' }), 'department.unknown');
    const others = await backend.call('print.checklist', { department: '经济和信息化' });
    const mine = new Set((await backend.call('print.checklist', { department: '质监' })).measures.map((m) => m.code));
    const notMine = others.measures.find((m) => !mine.has(m.code));
    expect(notMine).toBeDefined();
    await expectApiError(backend.call('print.checklist', { department: '质监', measure: notMine!.code }), 'measure.not_assigned');
    await expectApiError(backend.call('print.checklist', { department: '质监', measure: '9.9.9' }), 'measure.not_found');
    await expectApiError(backend.call('print.checklist', { department: '' }), 'request.invalid');
  });

  it('answers unsupported for printing outside the desktop app', async () => {
    const backend = await backendAs('质监');
    await expectApiError(backend.call('print.dialog', { orientation: 'portrait' }), 'unsupported');
    await expectApiError(backend.call('print.savePdf', { targetId: 'x', orientation: 'landscape' }), 'unsupported');
  });
});
