import type { SheetNote } from '../../../../shared/api/calls/ledger';

/**
 * One cell as the sheet holds it, before any meaning is given to it: what the import reads
 * from an .xlsx (shared strings, inline strings, numbers, date-formatted numbers, cached
 * formula results) or a .csv (always text).
 */
export type SheetCell =
  | { kind: 'text'; text: string }
  /**
   * A number; `text` is how it reads without the cell's number format (0.4, 40, 2016);
   * `percent` when its format shows it as a percentage (0.4 shown as 40%).
   */
  | { kind: 'number'; value: number; text: string; percent: boolean }
  /** A number in a date format (Excel's serial day), as a calendar day. */
  | { kind: 'date'; date: string }
  | { kind: 'boolean'; value: boolean }
  /** A formula whose result the file does not hold (never calculated and saved). */
  | { kind: 'formula_without_value' };

export interface SheetRow {
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** By 0-based column; null where the cell is empty. Trailing empties may be left off. */
  cells: (SheetCell | null)[];
}

export interface SheetTable {
  format: 'xlsx' | 'csv';
  /** Every worksheet of the workbook in order (one, named after the file, for a .csv). */
  sheets: string[];
  /** The worksheet these rows come from. */
  sheet: string;
  /** Non-empty rows only, in order. A merged range's value is repeated into every cell it covers. */
  rows: SheetRow[];
  notes: SheetNote[];
}

export interface ReadSheetOptions {
  /** The worksheet to read; null: the first one. Unknown names are refused (ledger.sheet_not_found). */
  sheet: string | null;
  signal?: AbortSignal;
}
