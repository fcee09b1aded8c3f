/** Chinese and arabic numerals as official documents write them. */

const ORDINAL_DIGITS: ReadonlyMap<string, number> = new Map([
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

/** Digits of years written character by character (二〇一六): zero has several spellings. */
const YEAR_DIGITS: ReadonlyMap<string, number> = new Map([['〇', 0], ['零', 0], ['○', 0], ['Ｏ', 0], ...ORDINAL_DIGITS]);

const CHINESE_DIGIT_CHARS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Full-width digits ０-９ become ASCII; the length is unchanged, so indices stay valid. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** '二〇一六' → 2016: one Chinese digit per decimal digit, the way years are written. */
export function parseChineseDigits(text: string): number | null {
  if (text.length === 0) return null;
  let value = 0;
  for (const ch of text) {
    const digit = YEAR_DIGITS.get(ch);
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  return value;
}

/** '三' → 3, '十' → 10, '十二' → 12, '二十' → 20, '九十九' → 99; anything else → null. */
export function parseChineseInt(text: string): number | null {
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (ORDINAL_DIGITS.get(text) ?? null) : null;
  const tensText = text.slice(0, ten);
  const onesText = text.slice(ten + 1);
  const tens = tensText === '' ? 1 : (ORDINAL_DIGITS.get(tensText) ?? null);
  const ones = onesText === '' ? 0 : (ORDINAL_DIGITS.get(onesText) ?? null);
  return tens === null || ones === null ? null : tens * 10 + ones;
}

/** An ordinal written in ASCII, full-width or Chinese digits ('12', '１２', '十二'); null if not one. */
export function parseOrdinal(text: string): number | null {
  const ascii = toAsciiDigits(text);
  if (/^[0-9]{1,4}$/u.test(ascii)) return Number(ascii);
  return parseChineseInt(text);
}

/** 1..99 in Chinese (3 → '三', 10 → '十', 21 → '二十一'), the inverse of parseChineseInt. */
export function formatChineseInt(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return CHINESE_DIGIT_CHARS[ones] ?? '';
  return `${tens === 1 ? '' : CHINESE_DIGIT_CHARS[tens]}十${CHINESE_DIGIT_CHARS[ones]}`;
}
