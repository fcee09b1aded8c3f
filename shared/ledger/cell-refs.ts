/**
 * A1-style cell references as spreadsheets write them: column letters (A … XFD) and 1-based
 * row numbers. Pure, so the import preview and the tests can share it.
 */

/** The widest sheet Excel allows (XFD); references beyond it are not a real workbook's. */
export const maxSheetColumns = 16_384;

/** 'A' → 0, 'Z' → 25, 'AA' → 26, 'XFD' → 16383; null for anything that is not 1–3 letters within XFD. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/u.test(letters)) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index <= maxSheetColumns ? index - 1 : null;
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface CellAddress {
  /** 0-based column. */
  column: number;
  /** 1-based row, as Excel numbers it. */
  row: number;
}

/** 'B12' → {column: 1, row: 12}; '$B$12' too; null for anything else. Hand-scanned: it runs for every cell of a sheet. */
export function parseCellRef(ref: string): CellAddress | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  const lettersFrom = i;
  for (let code = ref.charCodeAt(i); (code >= 65 && code <= 90) || (code >= 97 && code <= 122); code = ref.charCodeAt(++i)) {
    column = column * 26 + ((code | 32) - 96);
  }
  const letters = i - lettersFrom;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (let code = ref.charCodeAt(i); code >= 48 && code <= 57; code = ref.charCodeAt(++i)) row = row * 10 + (code - 48);
  const digits = i - digitsFrom;
  if (i !== ref.length || letters < 1 || letters > 3 || digits < 1 || digits > 7 || row < 1 || column > maxSheetColumns) return null;
  return { column: column - 1, row };
}

export interface CellRange {
  from: CellAddress;
  to: CellAddress;
}

/** 'A1:C3' (either corner first) → the range; a single 'B2' is a one-cell range; null when unreadable. */
export function parseRange(ref: string): CellRange | null {
  const corners = ref.split(':');
  if (corners.length > 2) return null;
  const a = parseCellRef(corners[0] ?? '');
  const b = parseCellRef(corners[1] ?? corners[0] ?? '');
  if (!a || !b) return null;
  return {
    from: { column: Math.min(a.column, b.column), row: Math.min(a.row, b.row) },
    to: { column: Math.max(a.column, b.column), row: Math.max(a.row, b.row) },
  };
}
