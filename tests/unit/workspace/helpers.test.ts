import { describe, expect, it } from 'vitest';
import { scaleBytes } from '../../../shared/file-size';
import { groupByHeading } from '../../../shared/plan/headings';
import { isTaskOverdue, percentDone } from '../../../shared/workspace/progress';

describe('small shared helpers', () => {
  it('bunches items under consecutive chapter and group headings, in document order', () => {
    const item = (code: string, chapter: string | null, group: string | null) => ({ code, chapter, group });
    const runs = groupByHeading([
      item('1', '一', 'A'),
      item('2', '一', 'A'),
      item('3', '一', null),
      item('4', '二', 'A'),
      item('5', '一', 'A'),
    ]);
    expect(runs.map((run) => [run.chapter, run.group, run.items.map((it) => it.code).join('')])).toEqual([
      ['一', 'A', '12'],
      ['一', null, '3'],
      ['二', 'A', '4'],
      ['一', 'A', '5'],
    ]);
  });

  it('scales byte counts to binary units', () => {
    expect(scaleBytes(1023)).toEqual({ value: 1023, unit: 'B' });
    expect(scaleBytes(1536)).toEqual({ value: 1.5, unit: 'KB' });
    expect(scaleBytes(5 * 1024 ** 4)).toEqual({ value: 5, unit: 'TB' });
  });

  it('counts a task overdue when not done and due before today, and rounds percentages', () => {
    expect(isTaskOverdue({ status: 'not_started', due: '2016-08-31' }, '2016-09-01')).toBe(true);
    expect(isTaskOverdue({ status: 'in_progress', due: null }, '2016-09-01')).toBe(false);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(0, 0)).toBe(0);
  });
});
