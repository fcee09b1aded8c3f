import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../electron/lib/i18n';
import { resources } from '../../../shared/i18n/resources';
import { describeHistoryEntry, type HistoryEntryText, type HistoryTranslate } from '../../../shared/workspace/history-text';

// The translator the report builder uses (main process, always zh-CN) and the English one.
const zh: HistoryTranslate = createTranslator('zh-CN');
const en: HistoryTranslate = createTranslator('en');

function entry(fields: Partial<HistoryEntryText> & Pick<HistoryEntryText, 'action'>): HistoryEntryText {
  return { field: null, oldValue: null, newValue: null, taskText: null, attachmentName: null, ...fields };
}

const task = '开展行业对标助推转型升级活动';
const long = '围绕轨道交通装备、高端船舶和海洋工程装备、工业机器人、新能源(电动)汽车、现代农业机械、高端医疗器械和药品等六大领域';

describe('describeHistoryEntry', () => {
  it('words a new task, a move, a merge, a delete and a restore', () => {
    expect(describeHistoryEntry(entry({ action: 'task.create', newValue: task, taskText: task }), zh)).toBe(`新增任务“${task}”`);
    expect(describeHistoryEntry(entry({ action: 'task.move', oldValue: '3', newValue: '1', taskText: task }), zh)).toBe(
      `任务“${task}”从第 3 项移到第 1 项`,
    );
    expect(
      describeHistoryEntry(entry({ action: 'task.merge', oldValue: '组织对标培训', newValue: `${task};组织对标培训`, taskText: task }), zh),
    ).toBe(`把“组织对标培训”并入任务“${task};组织对标培训”`);
    expect(describeHistoryEntry(entry({ action: 'task.delete', oldValue: task, taskText: task }), zh)).toBe(`删除任务“${task}”`);
    expect(describeHistoryEntry(entry({ action: 'task.restore', newValue: task, taskText: task }), zh)).toBe(`恢复任务“${task}”`);
  });

  it('falls back to the recorded values when the task text is gone', () => {
    expect(describeHistoryEntry(entry({ action: 'task.create', newValue: task }), zh)).toBe(`新增任务“${task}”`);
    expect(describeHistoryEntry(entry({ action: 'task.delete', oldValue: task }), zh)).toBe(`删除任务“${task}”`);
    expect(describeHistoryEntry(entry({ action: 'task.restore', newValue: task }), zh)).toBe(`恢复任务“${task}”`);
    expect(describeHistoryEntry(entry({ action: 'task.restore' }), zh)).toBe('恢复任务“”');
  });

  it('words a change of every field, with statuses in words, progress in per cent and empty values marked', () => {
    const update = (field: string, oldValue: string | null, newValue: string | null) =>
      describeHistoryEntry(entry({ action: 'task.update', field, oldValue, newValue, taskText: task }), zh);
    expect(update('text', '开展对标活动', task)).toBe(`任务“${task}”：内容 开展对标活动 → ${task}`);
    expect(update('status', 'not_started', 'in_progress')).toBe(`任务“${task}”：状态 未开始 → 进行中`);
    expect(update('status', 'in_progress', 'done')).toBe(`任务“${task}”：状态 进行中 → 已完成`);
    expect(update('status', 'in_progress', 'blocked')).toBe(`任务“${task}”：状态 进行中 → 受阻`);
    expect(update('progress', '0', '60')).toBe(`任务“${task}”：进度 0% → 60%`);
    expect(update('owner', '', '李明')).toBe(`任务“${task}”：责任人 （空） → 李明`);
    expect(update('due', '2016-10-31', null)).toBe(`任务“${task}”：完成时限 2016-10-31 → （空）`);
    expect(update('notes', null, long)).toBe(`任务“${task}”：备注 （空） → ${long.slice(0, 40)}…`);
    expect(long.length).toBeGreaterThan(40);
    // No field recorded: the text.
    expect(describeHistoryEntry(entry({ action: 'task.update', oldValue: 'a', newValue: 'b', taskText: task }), zh)).toBe(
      `任务“${task}”：内容 a → b`,
    );
  });

  it('words evidence added and removed, by the recorded name or the attachment', () => {
    expect(describeHistoryEntry(entry({ action: 'evidence.add', newValue: '会议纪要.pdf' }), zh)).toBe('添加材料“会议纪要.pdf”');
    expect(describeHistoryEntry(entry({ action: 'evidence.add', attachmentName: '照片.jpg' }), zh)).toBe('添加材料“照片.jpg”');
    expect(describeHistoryEntry(entry({ action: 'evidence.remove', oldValue: '会议纪要.pdf' }), zh)).toBe('移除材料“会议纪要.pdf”');
    expect(describeHistoryEntry(entry({ action: 'evidence.remove', attachmentName: '照片.jpg' }), zh)).toBe('移除材料“照片.jpg”');
    expect(describeHistoryEntry(entry({ action: 'evidence.remove' }), zh)).toBe('移除材料“”');
  });

  it('shows an action it does not know as it is', () => {
    expect(describeHistoryEntry(entry({ action: 'report.export' }), zh)).toBe('report.export');
  });

  it('speaks the translator’s language', () => {
    expect(
      describeHistoryEntry(
        entry({ action: 'task.update', field: 'status', oldValue: 'not_started', newValue: 'done', taskText: 'Train staff' }),
        en,
      ),
    ).toBe('Task “Train staff”: status Not started → Done');
    expect(describeHistoryEntry(entry({ action: 'evidence.add', newValue: 'minutes.pdf' }), en)).toBe('Added file “minutes.pdf”');
  });

  it('only asks for keys that exist, in both languages', () => {
    const asked = new Set<string>();
    const recording: HistoryTranslate = (key, params) => {
      asked.add(key);
      return zh(key, params);
    };
    const actions = [
      'task.create',
      'task.update',
      'task.move',
      'task.merge',
      'task.delete',
      'task.restore',
      'evidence.add',
      'evidence.remove',
    ];
    const fields = ['text', 'status', 'progress', 'owner', 'due', 'notes'];
    for (const action of actions) describeHistoryEntry(entry({ action, oldValue: 'x', newValue: 'y' }), recording);
    for (const field of fields) describeHistoryEntry(entry({ action: 'task.update', field, oldValue: null, newValue: 'done' }), recording);
    for (const status of ['not_started', 'in_progress', 'done', 'blocked']) {
      describeHistoryEntry(entry({ action: 'task.update', field: 'status', oldValue: status, newValue: status }), recording);
    }
    expect(asked.size).toBe(8 + fields.length + 4 + 1);
    for (const language of ['zh-CN', 'en'] as const) {
      for (const key of asked) {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[language].translation);
        expect(typeof value, `${language} ${key}`).toBe('string');
      }
    }
  });
});
