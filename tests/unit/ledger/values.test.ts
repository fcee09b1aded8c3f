import { describe, expect, it } from 'vitest';
import { readDue, readProgress, readStatus } from '../../../shared/ledger/values';
import type { LedgerCell } from '../../../shared/ledger/cell';

const text = (value: string): LedgerCell => ({ kind: 'text', text: value });
const number = (value: number, percent = false): LedgerCell => ({ kind: 'number', value, text: String(value), percent });

describe('status', () => {
  it('reads the four statuses and their near variants', () => {
    const cases: [string, string][] = [
      ['未开始', 'not_started'],
      ['未启动', 'not_started'],
      ['尚未开始', 'not_started'],
      ['待启动', 'not_started'],
      ['进行中', 'in_progress'],
      ['推进中', 'in_progress'],
      ['正在推进', 'in_progress'],
      ['实施中', 'in_progress'],
      ['在办', 'in_progress'],
      ['持续推进', 'in_progress'],
      ['未完成', 'in_progress'],
      ['已完成', 'done'],
      ['完成', 'done'],
      ['已办结', 'done'],
      ['办结', 'done'],
      ['已落实', 'done'],
      ['√', 'done'],
      ['✓', 'done'],
      ['受阻', 'blocked'],
      ['阻塞', 'blocked'],
      ['暂停', 'blocked'],
      ['停滞', 'blocked'],
      ['滞后', 'blocked'],
      [' 已 完成。', 'done'],
      ['Done', 'done'],
      ['In progress', 'in_progress'],
    ];
    for (const [word, status] of cases) expect(readStatus(text(word)), word).toEqual({ kind: 'value', value: status });
  });

  it('says what it cannot read, and nothing for an empty cell', () => {
    expect(readStatus(text('差不多'))).toEqual({ kind: 'invalid', text: '差不多' });
    expect(readStatus(text('  '))).toEqual({ kind: 'empty' });
    expect(readStatus(null)).toEqual({ kind: 'empty' });
  });
});

describe('progress', () => {
  it('reads fractions, percents and percent text alike', () => {
    for (const cell of [
      number(0.4),
      number(40),
      number(0.4, true),
      text('40%'),
      text('40％'),
      text('40'),
      text('0.4'),
      text('“40%”'),
      text(' 40 % '),
    ]) {
      expect(readProgress(cell), JSON.stringify(cell)).toEqual({ kind: 'value', value: 40 });
    }
    expect(readProgress(number(1))).toEqual({ kind: 'value', value: 1 });
    expect(readProgress(number(1, true))).toEqual({ kind: 'value', value: 100 });
    expect(readProgress(number(100))).toEqual({ kind: 'value', value: 100 });
    expect(readProgress(number(0))).toEqual({ kind: 'value', value: 0 });
    expect(readProgress(number(0.29))).toEqual({ kind: 'value', value: 29 });
    expect(readProgress(number(0.335))).toEqual({ kind: 'value', value: 34 });
  });

  it('refuses what is no percentage', () => {
    for (const cell of [
      number(101),
      number(-5),
      text('大半'),
      text('120%'),
      text('40%%'),
      { kind: 'date', date: '2016-01-01' } as LedgerCell,
    ]) {
      expect(readProgress(cell).kind, JSON.stringify(cell)).toBe('invalid');
    }
  });
});

describe('due', () => {
  it('reads date cells and the ways dates are written', () => {
    const cases: [LedgerCell, string][] = [
      [{ kind: 'date', date: '2016-09-30' }, '2016-09-30'],
      [text('2016-09-30'), '2016-09-30'],
      [text('2016-9-30'), '2016-09-30'],
      [text('2016-09-30 00:00:00'), '2016-09-30'],
      [text('2016/9/30'), '2016-09-30'],
      [text('2016.9.30'), '2016-09-30'],
      [text('2016年9月30日'), '2016-09-30'],
      [text('2016年9月底前'), '2016-09-30'],
      [text('2016年底前'), '2016-12-31'],
      [text('9月底前'), '2016-09-30'],
    ];
    for (const [cell, date] of cases) expect(readDue(cell, 2016), JSON.stringify(cell)).toEqual({ kind: 'value', value: date });
  });

  it('sets no date for a deadline that recurs or never ends', () => {
    expect(readDue(text('长期坚持'), 2016)).toEqual({ kind: 'no_date' });
    expect(readDue(text('每季度'), 2016)).toEqual({ kind: 'no_date' });
  });

  it('refuses what is no date', () => {
    expect(readDue(text('尽快'), 2016)).toEqual({ kind: 'invalid', text: '尽快' });
    expect(readDue(text('2016-02-30'), 2016).kind).toBe('invalid');
    expect(readDue(number(2016), 2016).kind).toBe('invalid');
  });
});
