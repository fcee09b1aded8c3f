import { describe, expect, it } from 'vitest';
import { expectApiError, openAsDepartment, useBackends, type TestBackend } from '../support/backend';

const openTestBackend = useBackends();
/** 2016-09-01, between the plan's issue date and its reporting deadline. */
const clock = () => new Date(2016, 8, 1, 9, 30);

const asDepartment = (department?: string) => openAsDepartment(openTestBackend, department, { now: clock });

describe('dashboard', () => {
  it('lists the department’s measures in plan order with their groups', async () => {
    const backend = await asDepartment();
    const dashboard = await backend.call('workspace.dashboard', {});
    expect(dashboard.department).toBe('经济和信息化');
    expect(dashboard.today).toBe('2016-09-01');
    expect(dashboard.measures.map((m) => m.label)).toEqual([
      '(一)1',
      '(一)2',
      '(一)3',
      '(二)1',
      '(二)3',
      '(三)2',
      '(三)3',
      '(三)5',
      '(三)6',
      '(四)2',
      '(四)4',
    ]);
    expect(new Set(dashboard.measures.map((m) => m.group)).size).toBe(4);
    expect(dashboard.measures.every((m) => m.status === 'not_started' && m.total === 0)).toBe(true);
    expect(dashboard.totals).toEqual({ measures: 11, tasks: 0, done: 0, overdue: 0, dueSoon: 0, blocked: 0 });
    expect(dashboard.nextDeadline).toMatchObject({ date: '2017-01-31', daysLeft: 152, recipient: '省质监局' });
    expect(dashboard.recentActivity).toEqual([]);
  });

  it('needs a chosen department', async () => {
    const backend = await openTestBackend({ now: clock });
    await expectApiError(backend.call('workspace.dashboard', {}), 'department.not_chosen');
  });

  it('counts progress, overdue, due-soon and blocked tasks and derives each measure’s status', async () => {
    const backend = await asDepartment();
    const [a, b, c, d] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['甲', '乙', '丙', '丁'] });
    await backend.call('tasks.update', { id: a!.id, patch: { status: 'done' } });
    await backend.call('tasks.update', { id: b!.id, patch: { due: '2016-08-31' } });
    await backend.call('tasks.update', { id: c!.id, patch: { due: '2016-09-05' } });
    await backend.call('tasks.update', { id: d!.id, patch: { status: 'blocked', due: '2016-12-01' } });
    await backend.call('tasks.create', { measureCode: '2.1.2', texts: ['戊'] });
    const [e] = await backend.call('tasks.create', { measureCode: '2.1.3', texts: ['己'] });
    await backend.call('tasks.update', { id: e!.id, patch: { progress: 30 } });

    const dashboard = await backend.call('workspace.dashboard', {});
    const byCode = new Map(dashboard.measures.map((m) => [m.code, m]));
    expect(byCode.get('2.1.1')).toMatchObject({ total: 4, done: 1, percent: 25, overdue: 1, dueSoon: 1, blocked: 1, status: 'blocked' });
    expect(byCode.get('2.1.2')).toMatchObject({ total: 1, done: 0, status: 'not_started' });
    expect(byCode.get('2.1.3')).toMatchObject({ total: 1, status: 'in_progress' });
    expect(dashboard.totals).toEqual({ measures: 11, tasks: 6, done: 1, overdue: 1, dueSoon: 1, blocked: 1 });
    expect(dashboard.recentActivity[0]).toMatchObject({
      action: 'task.update',
      field: 'progress',
      oldValue: '0',
      newValue: '30',
      actor: '张三',
    });
  });
});

describe('tasks', () => {
  it('records every change in the history, old → new, and skips no-op updates', async () => {
    const backend = await asDepartment();
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['制定年度标准化工作计划'] });
    await backend.call('tasks.update', { id: task!.id, patch: { status: 'in_progress', owner: '王科长', due: '2016-10-31' } });
    await backend.call('tasks.update', { id: task!.id, patch: { owner: '王科长' } });
    await backend.call('tasks.update', { id: task!.id, patch: { notes: '已报分管领导' } });
    const updated = await backend.call('tasks.update', { id: task!.id, patch: { status: 'done' } });
    expect(updated).toMatchObject({ status: 'done', progress: 100, owner: '王科长', due: '2016-10-31', notes: '已报分管领导' });

    const { history } = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(history.map((entry) => [entry.action, entry.field, entry.oldValue, entry.newValue])).toEqual([
      ['task.update', 'progress', '0', '100'],
      ['task.update', 'status', 'in_progress', 'done'],
      ['task.update', 'notes', '', '已报分管领导'],
      ['task.update', 'due', null, '2016-10-31'],
      ['task.update', 'owner', '', '王科长'],
      ['task.update', 'status', 'not_started', 'in_progress'],
      ['task.create', null, null, '制定年度标准化工作计划'],
    ]);
    expect(history.every((entry) => entry.actor === '张三' && entry.taskText === '制定年度标准化工作计划')).toBe(true);
  });

  it('keeps the history append-only', async () => {
    const backend = await asDepartment();
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['一项任务'] });
    expect(() => backend.db.prepare("UPDATE entry SET actor = 'x'").run()).toThrow(/append-only/u);
    expect(() => backend.db.prepare('DELETE FROM entry').run()).toThrow(/append-only/u);
  });

  it('reorders, merges, deletes and restores where the task was', async () => {
    const backend = await asDepartment();
    const tasks = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['一', '二', '三', '四'] });
    const ids = tasks.map((task) => task.id);
    const order = async () => (await backend.call('workspace.measure', { code: '2.1.1' })).tasks.map((task) => task.text);

    await backend.call('tasks.move', { id: ids[3]!, toIndex: 0 });
    expect(await order()).toEqual(['四', '一', '二', '三']);
    await backend.call('tasks.move', { id: ids[3]!, toIndex: 99 });
    expect(await order()).toEqual(['一', '二', '三', '四']);

    await backend.call('tasks.delete', { id: ids[1]! });
    expect(await order()).toEqual(['一', '三', '四']);
    await expectApiError(backend.call('tasks.update', { id: ids[1]!, patch: { owner: 'x' } }), 'task.not_found');
    await backend.call('tasks.restore', { id: ids[1]! });
    expect(await order()).toEqual(['一', '二', '三', '四']);

    const merged = await backend.call('tasks.merge', { id: ids[3]!, intoId: ids[2]! });
    expect(merged.text).toBe('三；四');
    expect(await order()).toEqual(['一', '二', '三；四']);

    const actions = (await backend.call('workspace.measure', { code: '2.1.1' })).history.map((entry) => entry.action);
    expect(actions.slice(0, 6)).toEqual(['task.merge', 'task.delete', 'task.restore', 'task.delete', 'task.move', 'task.move']);
  });

  it('records everything a merge changes: the joined notes and the folded task’s removal', async () => {
    const backend = await asDepartment();
    const [into, from] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['起草方案', '征求意见'] });
    await backend.call('tasks.update', { id: into!.id, patch: { notes: '初稿已完成' } });
    await backend.call('tasks.update', { id: from!.id, patch: { notes: '已发函 12 个部门' } });

    const merged = await backend.call('tasks.merge', { id: from!.id, intoId: into!.id });
    expect(merged).toMatchObject({ text: '起草方案；征求意见', notes: '初稿已完成\n已发函 12 个部门' });
    const { history } = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(history.slice(0, 3).map((entry) => [entry.action, entry.taskId, entry.field, entry.oldValue, entry.newValue])).toEqual([
      ['task.merge', into!.id, null, '征求意见', '起草方案；征求意见'],
      ['task.update', into!.id, 'notes', '初稿已完成', '初稿已完成\n已发函 12 个部门'],
      ['task.delete', from!.id, null, '征求意见', null],
    ]);
    // One transaction: the three entries share one instant.
    expect(new Set(history.slice(0, 3).map((entry) => entry.at)).size).toBe(1);
  });

  it('refuses a merge whose text or notes would exceed what a task can hold, changing nothing', async () => {
    const backend = await asDepartment();
    const long = '长'.repeat(1500);
    const [a, b, c] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: [long, long, '短'] });
    await expectApiError(backend.call('tasks.merge', { id: b!.id, intoId: a!.id }), 'task.merge_too_long');

    const notes = '注'.repeat(15_000);
    await backend.call('tasks.update', { id: a!.id, patch: { notes } });
    await backend.call('tasks.update', { id: c!.id, patch: { notes } });
    await expectApiError(backend.call('tasks.merge', { id: c!.id, intoId: a!.id }), 'task.merge_too_long');

    const detail = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(detail.tasks.map((task) => [task.text.length, task.notes.length])).toEqual([
      [1500, 15_000],
      [1500, 0],
      [1, 15_000],
    ]);
    expect(detail.history.some((entry) => entry.action === 'task.merge')).toBe(false);
    // Exactly at the limits is fine.
    const [d, e] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['丁'.repeat(999), '戊'.repeat(1000)] });
    expect((await backend.call('tasks.merge', { id: e!.id, intoId: d!.id })).text).toHaveLength(2000);
  });

  it('offers the official text’s sentences as candidate tasks until adopted', async () => {
    const backend = await asDepartment();
    const before = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(before.candidates.length).toBeGreaterThan(5);
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: before.candidates.slice(0, 2) });
    const after = await backend.call('workspace.measure', { code: '2.1.1' });
    expect(after.candidates).toEqual(before.candidates.slice(2));
    expect(after.measure.departments.find((d) => d.name === '经济和信息化')).toMatchObject({
      role: 'responsible',
      writtenAs: '经济和信息化',
    });
  });

  it('keeps departments apart', async () => {
    const backend = await asDepartment('经济和信息化');
    const [mine] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['经信的任务'] });
    await expectApiError(backend.call('tasks.create', { measureCode: '2.2.2', texts: ['不属于经信'] }), 'measure.not_assigned');
    await expectApiError(backend.call('workspace.measure', { code: '9.9.9' }), 'measure.not_found');

    await backend.call('settings.update', { department: '质监' });
    await expectApiError(backend.call('tasks.update', { id: mine!.id, patch: { status: 'done' } }), 'task.not_found');
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).tasks).toEqual([]);
    await backend.call('settings.update', { department: '经济和信息化' });
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).tasks.map((t) => t.text)).toEqual(['经信的任务']);
  });

  it('validates input at the boundary', async () => {
    const backend = await asDepartment();
    const [task] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['任务'] });
    await expectApiError(backend.call('tasks.create', { measureCode: '2.1.1', texts: ['  '] }), 'request.invalid');
    await expectApiError(backend.call('tasks.update', { id: task!.id, patch: {} }), 'request.invalid');
    await expectApiError(backend.call('tasks.update', { id: task!.id, patch: { progress: 101 } }), 'request.invalid');
    await expectApiError(backend.call('tasks.update', { id: task!.id, patch: { due: '2016/09/01' } }), 'request.invalid');
    // The right shape but no such day: refused here, not later by the report schema.
    for (const due of ['2016-02-30', '2015-02-29', '2016-13-01', '2016-04-31', '2016-00-10']) {
      await expectApiError(backend.call('tasks.update', { id: task!.id, patch: { due } }), 'request.invalid');
    }
    expect(await backend.call('tasks.update', { id: task!.id, patch: { due: '2016-02-29' } })).toMatchObject({ due: '2016-02-29' });
    await backend.call('tasks.update', { id: task!.id, patch: { due: null } });
    await expectApiError(backend.call('tasks.update', { id: task!.id, patch: { status: 'finished' as never } }), 'request.invalid');
    expect((await backend.call('workspace.measure', { code: '2.1.1' })).tasks[0]).toMatchObject({ text: '任务', progress: 0, due: null });
  });
});

describe('search', () => {
  async function seeded() {
    const backend = await asDepartment();
    const [a, b] = await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['编制计量测试中心建设方案', '走访重点企业'] });
    await backend.call('tasks.update', { id: a!.id, patch: { owner: '李处长', notes: '需要协调省财政厅安排专项资金', due: '2016-08-15' } });
    await backend.call('tasks.update', { id: b!.id, patch: { status: 'done', owner: '王科长' } });
    const [c] = await backend.call('tasks.create', { measureCode: '2.3.6', texts: ['推动电子商务平台建设'] });
    await backend.call('tasks.update', { id: c!.id, patch: { status: 'blocked' } });
    return backend;
  }

  it('finds words in task notes, task text and measure text through the trigram index', async () => {
    const backend = await seeded();
    const notes = await backend.call('search.query', { q: '专项资金' });
    expect(notes.results).toEqual([expect.objectContaining({ kind: 'task', taskText: '编制计量测试中心建设方案', measureCode: '2.1.1' })]);
    expect(notes.results[0]?.snippet).toContain('专项资金');
    const measures = await backend.call('search.query', { q: '电子商务' });
    expect(measures.results.map((r) => `${r.kind}:${r.measureCode}`)).toEqual(expect.arrayContaining(['measure:2.3.6', 'task:2.3.6']));
    // Another department's measures never show.
    expect(measures.results.every((r) => r.measureCode !== '2.2.4')).toBe(true);
  });

  it('handles one- and two-character queries', async () => {
    const backend = await seeded();
    expect((await backend.call('search.query', { q: '走访' })).results.map((r) => r.taskText)).toEqual(['走访重点企业']);
    expect((await backend.call('search.query', { q: '李' })).results.map((r) => r.owner)).toEqual(['李处长']);
    expect((await backend.call('search.query', { q: '%' })).results).toEqual([]);
  });

  it('filters by status, overdue, owner and group', async () => {
    const backend = await seeded();
    const texts = async (query: Parameters<TestBackend['call']>[1]) =>
      (await backend.call('search.query', query as never)).results.map((r) => r.taskText);
    expect(await texts({ q: '', statuses: ['done'] })).toEqual(['走访重点企业']);
    expect(await texts({ q: '', statuses: ['blocked', 'done'] })).toEqual(['走访重点企业', '推动电子商务平台建设']);
    expect(await texts({ q: '', overdue: true })).toEqual(['编制计量测试中心建设方案']);
    expect(await texts({ q: '', owner: '王科长' })).toEqual(['走访重点企业']);
    const group = (await backend.call('search.facets', {})).groups[2] as string;
    expect(group).toBe('实施质量提升工程,开创质量和品牌提升新局面');
    const inGroup = await backend.call('search.query', { q: '建设', group });
    expect(inGroup.results.every((r) => r.group === group)).toBe(true);
    expect(inGroup.results.some((r) => r.taskText === '推动电子商务平台建设')).toBe(true);
  });

  it('reports when results were cut at the limit', async () => {
    const backend = await seeded();
    const page = await backend.call('search.query', { q: '', limit: 2 });
    expect(page.results).toHaveLength(2);
    expect(page.truncated).toBe(true);
  });
});
