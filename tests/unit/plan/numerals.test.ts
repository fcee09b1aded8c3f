import { describe, expect, it } from 'vitest';
import { formatChineseInt, parseChineseDigits, parseChineseInt, parseOrdinal, toAsciiDigits } from '../../../shared/plan/numerals';

describe('numerals', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十九', 19],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
  ])('reads %s as %i', (text, n) => {
    expect(parseChineseInt(text)).toBe(n);
    expect(formatChineseInt(n)).toBe(text);
  });

  it.each(['', '零', '十十', '一一', '百', '二十十', 'x'])('refuses %s', (text) => {
    expect(parseChineseInt(text)).toBeNull();
  });

  it('formats every ordinal from 1 to 99 and back', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseInt(formatChineseInt(n))).toBe(n);
    expect(formatChineseInt(100)).toBe('100');
  });

  it('reads years digit by digit and ordinals in any digits', () => {
    expect(parseChineseDigits('二〇一六')).toBe(2016);
    expect(parseChineseDigits('二零二〇')).toBe(2020);
    expect(parseChineseDigits('二十')).toBeNull();
    expect(parseOrdinal('１２')).toBe(12);
    expect(parseOrdinal('12')).toBe(12);
    expect(parseOrdinal('十二')).toBe(12);
    expect(toAsciiDigits('２０１６年')).toBe('2016年');
  });
});
