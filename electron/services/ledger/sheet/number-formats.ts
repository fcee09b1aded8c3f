/**
 * What a cell's number format says about its number: a calendar date, a percentage, or a plain
 * number. A .xlsx stores every date as a serial day count and every percentage as a fraction;
 * only the style tells them apart, through a built-in format id or a custom format code.
 */

export type NumberFormatKind = 'date' | 'percent' | 'number';

/**
 * Built-in ids that show a calendar day ([ECMA-376] 18.8.30, plus the ids Excel and WPS use for
 * Chinese date formats: 27–31, 36, 50–54, 57, 58, e.g. yyyy"年"m"月"d"日"). Time-only ids (18–21,
 * 32–35, 45–47, 55, 56) are left as numbers: a time of day has no calendar day to give.
 */
const builtInDateIds = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const builtInPercentIds = new Set([9, 10]);

/** The kind a built-in format id gives, or null when `id` is not one of the date or percent ids. */
export function builtInFormatKind(id: number): NumberFormatKind | null {
  if (builtInDateIds.has(id)) return 'date';
  if (builtInPercentIds.has(id)) return 'percent';
  return null;
}

/**
 * The format code as it decides the look of a positive number: its first section, without
 * quoted literals ("年"), bracketed parts ([Red], [$-804]; elapsed time [h] kept), escaped characters (\年) and
 * the fill/padding pairs (_x, *x).
 */
function significantPart(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === ';') break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, end < 0 ? code.length : end);
      // Elapsed time ([h]:mm, [mm]:ss) is time, kept; colours, locales and conditions are not.
      if (/^(?:h+|m+|s+)$/iu.test(inside)) out += inside;
      i = end < 0 ? code.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else {
      out += ch;
    }
  }
  return out.toLowerCase();
}

/**
 * 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'm/d/yy h:mm' → date; '0%', '0.0%' → percent; 'h:mm',
 * '0.00', 'General', '@' → number. An unquoted 年/月/日 counts like y/m/d; an 'm' only counts
 * as a month when no h or s makes it minutes.
 */
export function customFormatKind(code: string): NumberFormatKind {
  const part = significantPart(code);
  if (part.includes('general')) return 'number';
  if (/[yd年月日]/u.test(part) || (part.includes('m') && !/[hs]/u.test(part))) return 'date';
  if (part.includes('%')) return 'percent';
  return 'number';
}

/** A style's kind from its numFmtId and the workbook's custom codes (id → code). */
export function formatKind(id: number, customCodes: ReadonlyMap<number, string>): NumberFormatKind {
  const custom = customCodes.get(id);
  if (custom !== undefined) return customFormatKind(custom);
  return builtInFormatKind(id) ?? 'number';
}

const MS_PER_DAY = 86_400_000;
/** Serial day 0 of the 1900 system is 1899-12-31, but Excel counts a 1900-02-29 that never was (serial 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31 in the 1900 system, the last day Excel shows. */
const MAX_SERIAL = 2_958_465;

/**
 * Excel's serial day → 'YYYY-MM-DD' (any time of day dropped); null for serials no date format
 * can show (negative, below 1 in the 1900 system, or past 9999-12-31).
 */
export function serialToDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  const day = Math.floor(serial);
  let ms: number;
  if (date1904) ms = EPOCH_1904 + day * MS_PER_DAY;
  else if (day < 1) return null;
  else ms = EPOCH_1900 + (day >= 60 ? day - 1 : day) * MS_PER_DAY;
  // Serial 60, Excel's 1900-02-29 that never was, reads as 1900-02-28.
  return new Date(ms).toISOString().slice(0, 10);
}

/** A number as it reads without its format: up to 15 significant digits, like Excel's General ('0.4', not '0.40000000000000002'). */
export function plainNumberText(value: number): string {
  const shortest = String(value);
  // Up to 15 characters cannot hold more than 15 significant digits: most numbers stop here.
  return shortest.length <= 15 ? shortest : String(Number(value.toPrecision(15)));
}
