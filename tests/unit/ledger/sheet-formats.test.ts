import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, parseCellRef, parseRange } from '../../../shared/ledger/cell-refs';
import {
  builtInFormatKind,
  customFormatKind,
  formatKind,
  plainNumberText,
  serialToDate,
} from '../../../electron/services/ledger/sheet/number-formats';

describe('number formats', () => {
  it('tells dates by built-in id, Chinese date ids included, and leaves time-only ids as numbers', () => {
    for (const id of [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58])
      expect(builtInFormatKind(id), String(id)).toBe('date');
    for (const id of [18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]) expect(builtInFormatKind(id), String(id)).toBeNull();
    expect(builtInFormatKind(9)).toBe('percent');
    expect(builtInFormatKind(10)).toBe('percent');
    for (const id of [0, 1, 2, 3, 4, 11, 49]) expect(builtInFormatKind(id), String(id)).toBeNull();
  });

  it('tells dates in custom codes by y, m, d, 年, 月, 日 outside quotes, brackets and escapes', () => {
    expect(customFormatKind('yyyy-mm-dd')).toBe('date');
    expect(customFormatKind('yyyy"年"m"月"d"日";@')).toBe('date');
    expect(customFormatKind('[$-804]yyyy年m月d日')).toBe('date');
    expect(customFormatKind('[DBNum1][$-804]m月d日')).toBe('date');
    expect(customFormatKind('m/d/yy h:mm')).toBe('date');
    expect(customFormatKind('mmm-yy')).toBe('date');
    expect(customFormatKind('h:mm:ss')).toBe('number');
    expect(customFormatKind('[h]:mm')).toBe('number');
    expect(customFormatKind('mm:ss.0')).toBe('number');
    // Letters inside quotes, brackets or after a backslash are literal text, not date parts.
    expect(customFormatKind('0.00"day"')).toBe('number');
    expect(customFormatKind('[Red]0.00;[Blue]-0.00')).toBe('number');
    expect(customFormatKind('0\\d')).toBe('number');
    expect(customFormatKind('#,##0_);(#,##0)')).toBe('number');
    expect(customFormatKind('General')).toBe('number');
    expect(customFormatKind('@')).toBe('number');
    expect(customFormatKind('0.00E+00')).toBe('number');
  });

  it('tells percentages by a % outside quotes', () => {
    expect(customFormatKind('0%')).toBe('percent');
    expect(customFormatKind('0.0%;[Red]-0.0%')).toBe('percent');
    expect(customFormatKind('0"%"')).toBe('number');
    expect(customFormatKind('0\\%')).toBe('number');
  });

  it('lets a custom code override the built-in meaning of its id', () => {
    expect(formatKind(14, new Map())).toBe('date');
    expect(formatKind(14, new Map([[14, '0.00']]))).toBe('number');
    expect(formatKind(164, new Map([[164, '0.0%']]))).toBe('percent');
    expect(formatKind(164, new Map())).toBe('number');
  });

  it('turns serial days into calendar days in both date systems, with Excel’s 1900-02-29', () => {
    expect(serialToDate(1, false)).toBe('1900-01-01');
    expect(serialToDate(59, false)).toBe('1900-02-28');
    expect(serialToDate(60, false)).toBe('1900-02-28');
    expect(serialToDate(61, false)).toBe('1900-03-01');
    expect(serialToDate(42643, false)).toBe('2016-09-30');
    expect(serialToDate(42643.99, false)).toBe('2016-09-30');
    expect(serialToDate(2958465, false)).toBe('9999-12-31');
    expect(serialToDate(0, true)).toBe('1904-01-01');
    expect(serialToDate(42643, true)).toBe('2020-10-01');
    for (const serial of [0, -1, 2958466, Number.NaN]) expect(serialToDate(serial, false), String(serial)).toBeNull();
  });

  it('writes numbers as Excel’s General shows them (15 significant digits)', () => {
    expect(plainNumberText(0.4)).toBe('0.4');
    expect(plainNumberText(0.1 + 0.2)).toBe('0.3');
    expect(plainNumberText(40)).toBe('40');
    expect(plainNumberText(2016)).toBe('2016');
    expect(plainNumberText(-1.5)).toBe('-1.5');
  });
});

describe('cell references', () => {
  it('converts column letters and indexes both ways', () => {
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('az'), columnIndex('XFD')]).toEqual([0, 25, 26, 51, 16383]);
    expect([columnIndex('XFE'), columnIndex('AAAA'), columnIndex(''), columnIndex('A1')]).toEqual([null, null, null, null]);
    for (const index of [0, 25, 26, 51, 701, 702, 16383]) expect(columnIndex(columnLetters(index))).toBe(index);
    expect(columnLetters(702)).toBe('AAA');
  });

  it('reads cell references and ranges, either corner first', () => {
    expect(parseCellRef('B12')).toEqual({ column: 1, row: 12 });
    expect(parseCellRef('$C$3')).toEqual({ column: 2, row: 3 });
    expect(parseCellRef('B0')).toBeNull();
    expect(parseCellRef('12')).toBeNull();
    expect(parseRange('C3:A1')).toEqual({ from: { column: 0, row: 1 }, to: { column: 2, row: 3 } });
    expect(parseRange('B2')).toEqual({ from: { column: 1, row: 2 }, to: { column: 1, row: 2 } });
    expect(parseRange('A1:B2:C3')).toBeNull();
    expect(parseRange('')).toBeNull();
  });
});
