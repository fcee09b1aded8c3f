/**
 * One cell of a sheet as the reader gives it (the same shape as SheetCell in
 * electron/services/ledger/sheet/types.ts, which passes here as it is): shared/ stays free
 * of electron/, so the import's pure logic describes the cells it reads itself.
 */
export type LedgerCell =
  | { kind: 'text'; text: string }
  /** `percent`: the cell's number format shows it as a percentage (0.4 shown as 40%). */
  | { kind: 'number'; value: number; text: string; percent: boolean }
  | { kind: 'date'; date: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula_without_value' };

export interface LedgerRow {
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** By 0-based column; null where the cell is empty. */
  cells: readonly (LedgerCell | null)[];
}

/** A cell as the text a user sees in it (numbers without their format); '' for empty cells and uncalculated formulas. */
export function cellText(cell: LedgerCell | null | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.percent ? `${roundForDisplay(cell.value * 100)}%` : cell.text;
    case 'date':
      return cell.date;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula_without_value':
      return '';
  }
}

function roundForDisplay(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Whether the cell holds nothing a user would call a value (whitespace-only text included). */
export function isBlankCell(cell: LedgerCell | null | undefined): boolean {
  if (!cell) return true;
  if (cell.kind === 'text') return cell.text.trim() === '';
  return false;
}
