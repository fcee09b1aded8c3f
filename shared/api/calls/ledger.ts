import { z } from 'zod';
import { call } from '../define';
import { Empty } from './common';
import { Download, FileId, SaveTargetId } from './files';

/**
 * The ledger (工作台账) at the spreadsheet border: a task breakdown (任务分解表) imported from
 * .xlsx or .csv through a preview with an editable column mapping, and the whole ledger
 * exported as .xlsx. Identity on import is the measure plus the task's text, so importing
 * the same sheet again updates instead of duplicating.
 */

/** The task fields a sheet column can fill; `measure` and `task` are required, the rest optional. */
export const ledgerFields = ['measure', 'task', 'owner', 'due', 'status', 'progress', 'notes'] as const;
export const LedgerField = z.enum(ledgerFields);
export type LedgerField = z.infer<typeof LedgerField>;

/** 0-based column index in the sheet (column A is 0). */
const ColumnIndex = z.number().int().min(0).max(999);

/** Which column fills each field (null: the sheet has none; the field is left as it is). */
export const ColumnMapping = z
  .object({
    measure: ColumnIndex.nullable(),
    task: ColumnIndex.nullable(),
    owner: ColumnIndex.nullable(),
    due: ColumnIndex.nullable(),
    status: ColumnIndex.nullable(),
    progress: ColumnIndex.nullable(),
    notes: ColumnIndex.nullable(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Why one row of the sheet was not imported; the UI and CLI word it (errors.ledger.row.<code>). */
export const importProblemCodes = [
  'measure_missing',
  'measure_unknown',
  'measure_not_assigned',
  'task_missing',
  'task_too_long',
  'notes_too_long',
  'owner_too_long',
  'status_unknown',
  'progress_invalid',
  'due_invalid',
  'formula_without_value',
  'duplicate_row',
] as const;
export const ImportProblemCode = z.enum(importProblemCodes);
export type ImportProblemCode = z.infer<typeof ImportProblemCode>;

export const ImportProblem = z.object({
  /** The row number as Excel shows it (1-based, header included). */
  row: z.number().int().positive(),
  code: ImportProblemCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** What an import did (or, in a preview or a dry run, would do). */
export const ImportOutcome = z.object({
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  problems: z.array(ImportProblem),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const rowActions = ['add', 'update', 'unchanged', 'skip', 'problem'] as const;
export type RowAction = (typeof rowActions)[number];

/** One row of the preview: the mapped cells as text, and what importing would do with it. */
export const PreviewRow = z.object({
  row: z.number().int().positive(),
  values: z.record(LedgerField, z.string()),
  /** 'skip': a row the importer passes over silently (blank, or a measure heading row of an exported ledger). */
  action: z.enum(rowActions),
  /** The measure it was placed in, as the app prints it: (一)1 …; null when it could not be placed. */
  measureLabel: z.string().nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

/** Notes about the file as a whole, worded by the UI (ledger.notes.<code>). */
export const sheetNoteCodes = ['merged_cells_filled', 'encoding_gbk', 'encoding_utf16', 'header_not_first_row', 'header_two_rows'] as const;
export const SheetNote = z.object({
  code: z.enum(sheetNoteCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type SheetNote = z.infer<typeof SheetNote>;

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  /** The worksheets of an .xlsx, in order (one entry for a .csv); `sheet` is the one read. */
  sheets: z.array(z.string()),
  sheet: z.string(),
  /** Where the header row was found (as Excel numbers rows). */
  headerRow: z.number().int().positive(),
  /** Every column of the header row: its index and its heading as written. */
  columns: z.array(z.object({ index: ColumnIndex, header: z.string() })),
  /** The mapping used (the guess from the headings, or the one asked for). */
  mapping: ColumnMapping,
  /** Data rows after the header. */
  rowCount: z.number().int().nonnegative(),
  /** The first rows, for the user to check the mapping against. */
  sample: z.array(PreviewRow),
  /** What importing with this mapping would do; problems list every row that cannot be placed. */
  outcome: ImportOutcome,
  notes: z.array(SheetNote),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** The most data rows a sheet may have; a larger one is refused as a whole (ledger.too_many_rows). */
export const maxImportRows = 100_000;
/** How many rows the preview shows. */
export const previewSampleRows = 50;

const ImportSource = z
  .object({
    fileId: FileId,
    /** The worksheet to read; null: the first one with a recognisable header row. */
    sheet: z.string().max(200).nullable().default(null),
    /** null: guess from the headings. */
    mapping: ColumnMapping.nullable().default(null),
  })
  .strict();

export const ledgerCalls = {
  /** Reads the sheet and reports, without changing anything, what importing it would do. */
  'ledger.previewImport': call(ImportSource, ImportPreview),
  /** Imports as previewed, in one transaction; a job (progress, cancel) whose result is the ImportOutcome. */
  'ledger.import': call(ImportSource.extend({ mapping: ColumnMapping }).strict(), z.object({ jobId: z.string() })),
  /** Writes the department's whole ledger as .xlsx; a job whose result names the file. */
  'ledger.export': call(z.object({ targetId: SaveTargetId.nullable() }).strict(), z.object({ jobId: z.string() })),
  /** The file name the export would suggest (工作台账-<单位>-<date>.xlsx), for the save dialog. */
  'ledger.exportName': call(Empty, z.object({ fileName: z.string() })),
};

export const LedgerExportResult = z.object({
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  tasks: z.number().int().nonnegative(),
  measures: z.number().int().nonnegative(),
  /** In the browser the file comes as a download; on the desktop it is already where the user chose. */
  download: Download.nullable(),
});
