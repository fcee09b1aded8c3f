/**
 * How much of a file the sheet reader takes in before refusing it. A task breakdown has tens to
 * thousands of rows and a dozen columns; these leave room for the largest honest one while
 * keeping a hostile file from exhausting the main process.
 */
import { maxImportRows } from '../../../../shared/api/calls/ledger';

const MB = 1024 * 1024;

/**
 * Non-empty rows a sheet may have: maxImportRows data rows plus the title and header rows above
 * them. The import counts data rows exactly; the reader stops streaming once past this.
 */
export const maxSheetRows = maxImportRows + 20;
/** Columns holding a value; a cell with a value beyond them refuses the sheet (ledger.too_many_columns). */
export const maxSheetColumnsInUse = 200;
/** A .csv is read whole, so it is capped before reading. */
export const maxCsvBytes = 50 * MB;
/** An OLE compound file is read whole only to tell an encrypted .xlsx from an .xls. */
export const maxOleBytes = 64 * MB;
/** Small workbook parts (workbook.xml, its rels, styles.xml) are read whole. */
export const maxSmallPartBytes = 20 * MB;
/** The shared-strings table is held in memory for the whole read: ten distinct texts per row of the largest sheet. */
export const maxSharedStrings = 1_000_000;
export const maxSharedStringChars = 60_000_000;
/** One cell's text: Excel and WPS stop at 32,767 characters; a cell far beyond is a forged file, not a task. */
export const maxCellChars = 100_000;
/** Merged ranges a sheet may declare (Excel files with tens of thousands are already unusual). */
export const maxMergedRanges = 200_000;
