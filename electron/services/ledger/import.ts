import type { TFunction } from 'i18next';
import {
  previewSampleRows,
  type ColumnMapping,
  type ImportOutcome,
  type ImportPreview,
  type LedgerField,
  type SheetNote,
} from '../../../shared/api/calls/ledger';
import { AppError } from '../../../shared/api/errors';
import { cellText } from '../../../shared/ledger/cell';
import { checkMapping, combinedHeadings, findHeaderRow, findSubHeaderRow, guessMapping } from '../../../shared/ledger/columns';
import { planImport, type ExistingTask, type ImportPlan } from '../../../shared/ledger/plan-import';
import { listDepartmentTasks, listImportMeasures, planYear } from '../../db/repos/ledger';
import { nextPosition } from '../../db/repos/tasks';
import type { ServiceContext } from '../context';
import type { JobProgress } from '../jobs/runner';
import { historyFor, insertTaskRecorded, writeTaskPatch } from '../workspace/tasks';
import type { Scope } from '../workspace/scope';
import { columnLetters } from '../../../shared/ledger/cell-refs';
import { readSheetFile } from './sheet/read';
import type { SheetRow, SheetTable } from './sheet/types';

/** What an import reads from a sheet before it looks at the database. */
export interface ImportSheet {
  table: SheetTable;
  headerRow: SheetRow;
  headers: string[];
  dataRows: SheetRow[];
  /** The table's notes, header_not_first_row when there is a title above the header, header_two_rows for a two-row heading. */
  notes: SheetNote[];
}

/**
 * Reads the sheet to import: the worksheet asked for, or the first whose header row names
 * at least two fields. A sheet without such a row is read with its first row as the header,
 * so the user can still map its columns by hand.
 */
export async function readImportSheet(path: string, sheet: string | null, signal?: AbortSignal): Promise<ImportSheet> {
  const table = await readSheetFile(path, { sheet, signal });
  if (sheet === null && findHeaderRow(table.rows) === null) {
    for (const other of table.sheets.filter((name) => name !== table.sheet)) {
      signal?.throwIfAborted();
      const candidate = await readSheetFile(path, { sheet: other, signal });
      if (findHeaderRow(candidate.rows) !== null) return importSheetOf(candidate);
    }
  }
  return importSheetOf(table);
}

/** How many data rows are looked at to see how wide the sheet is. */
const columnScanRows = 1000;

/** The header row and the data rows below it; a sheet without a recognisable header row takes its first row as the header. */
export function importSheetOf(table: SheetTable): ImportSheet {
  const recognised = findHeaderRow(table.rows);
  const headerRow = recognised ?? table.rows[0] ?? null;
  if (headerRow === null) throw new AppError('ledger.empty');
  const subHeaderRow = recognised ? findSubHeaderRow(table.rows, recognised) : null;
  const dataRows = table.rows.slice(table.rows.indexOf(subHeaderRow ?? headerRow) + 1);
  if (dataRows.length === 0) throw new AppError('ledger.empty');
  const notes = [...table.notes];
  if (headerRow.row !== 1) notes.push({ code: 'header_not_first_row', params: { row: headerRow.row } });
  if (subHeaderRow) notes.push({ code: 'header_two_rows', params: { row: headerRow.row, subRow: subHeaderRow.row } });
  // A column with data under an empty heading can still be chosen: the columns run as wide as the data.
  const width = Math.max(headerRow.cells.length, ...dataRows.slice(0, columnScanRows).map((row) => row.cells.length));
  return { table, headerRow, headers: combinedHeadings(headerRow, subHeaderRow, width), dataRows, notes };
}

/** Lists fields in the user's words (所属措施、任务内容), for ledger.mapping_incomplete. */
export type FieldWords = (fields: readonly LedgerField[]) => string;

export function fieldWords(t: TFunction): FieldWords {
  return (fields) => fields.map((field) => t(`errors.ledger.field.${field}`)).join(t('errors.ledger.fieldSeparator'));
}

/** Refuses a mapping without a measure or task column, or with one column for two fields, in the user's words. */
export function assertUsableMapping(mapping: ColumnMapping, headers: readonly string[], words: FieldWords): void {
  const { missing, duplicateColumn } = checkMapping(mapping);
  if (duplicateColumn !== null) {
    throw new AppError('ledger.mapping_duplicate', { header: headers[duplicateColumn] || columnLetters(duplicateColumn) });
  }
  if (missing.length > 0) throw new AppError('ledger.mapping_incomplete', { fields: words(missing) });
}

/** Plans the import of `sheet` into the department's ledger; reads the database, changes nothing. */
export function planSheetImport(
  ctx: ServiceContext,
  scope: Scope,
  sheet: ImportSheet,
  mapping: ColumnMapping,
  onRow?: (index: number) => void,
): ImportPlan {
  const tasksByMeasure = new Map<number, ExistingTask[]>();
  for (const task of listDepartmentTasks(ctx.db, scope.planId, scope.departmentId)) {
    const list = tasksByMeasure.get(task.measureId);
    if (list) list.push(task);
    else tasksByMeasure.set(task.measureId, [task]);
  }
  return planImport({
    rows: sheet.dataRows,
    headers: sheet.headers,
    mapping,
    measures: listImportMeasures(ctx.db, scope.planId, scope.departmentId),
    tasksOf: (measureId) => tasksByMeasure.get(measureId) ?? [],
    planYear: planYear(ctx.db, scope.planId),
    onRow,
  });
}

/** The preview: what importing with `mapping` (or the one the headings suggest) would do. */
export function previewFrom(
  ctx: ServiceContext,
  scope: Scope,
  fileName: string,
  sheet: ImportSheet,
  mapping: ColumnMapping | null,
): ImportPreview {
  const used = mapping ?? guessMapping(sheet.headers);
  const complete = checkMapping(used).missing.length === 0;
  const plan = complete ? planSheetImport(ctx, scope, sheet, used) : null;
  return {
    fileName,
    format: sheet.table.format,
    sheets: sheet.table.sheets,
    sheet: sheet.table.sheet,
    headerRow: sheet.headerRow.row,
    columns: sheet.headers.map((header, index) => ({ index, header })),
    mapping: used,
    rowCount: sheet.dataRows.length,
    // Without a measure and a task column nothing can be placed yet: the rows are shown as they are.
    sample:
      plan?.sample ??
      sheet.dataRows.slice(0, previewSampleRows).map((row) => ({
        row: row.row,
        values: Object.fromEntries(
          Object.entries(used).map(([field, index]) => [field, index === null ? '' : cellText(row.cells[index]).trim()]),
        ) as ImportPreview['sample'][number]['values'],
        action: 'skip' as const,
        measureLabel: null,
      })),
    outcome: plan?.outcome ?? { added: 0, updated: 0, unchanged: 0, problems: [] },
    notes: sheet.notes,
  };
}

/**
 * Applies a plan in ONE transaction: new tasks appended after their measure's tasks in sheet
 * order, changed fields written; each change with its history entry exactly as if typed
 * (task.create with the text, then task.update per field). Anything failing midway leaves
 * the ledger as it was. Refused when no row can be imported.
 */
export function applyImportPlan(ctx: ServiceContext, scope: Scope, plan: ImportPlan): ImportOutcome {
  assertSomethingToImport(plan);
  ctx.db.transaction(() => {
    const now = ctx.now().toISOString();
    const recorders = new Map<number, ReturnType<typeof historyFor>>();
    const recorderFor = (measureId: number) => {
      let record = recorders.get(measureId);
      if (!record) {
        record = historyFor(ctx, scope, measureId, now);
        recorders.set(measureId, record);
      }
      return record;
    };
    const positions = new Map<number, number>();
    for (const add of plan.adds) {
      const measureId = add.measure.id;
      const position = positions.get(measureId) ?? nextPosition(ctx.db, scope.departmentId, measureId);
      positions.set(measureId, position + 1);
      insertTaskRecorded(
        ctx,
        recorderFor(measureId),
        { measureId, departmentId: scope.departmentId, position, text: add.text },
        now,
        add.values,
      );
    }
    for (const update of plan.updates) writeTaskPatch(ctx, recorderFor(update.measure.id), update.task, update.patch, now);
  })();
  return plan.outcome;
}

/**
 * Refuses a sheet with no task to import: every row that is not blank has a problem, or there
 * is no task row at all (blank rows and measure headings only, such as the ledger of a
 * department without tasks).
 */
export function assertSomethingToImport(plan: ImportPlan): void {
  const { added, updated, unchanged, problems } = plan.outcome;
  if (added + updated + unchanged > 0) return;
  if (problems.length === 0) throw new AppError('ledger.empty');
  throw new AppError('ledger.nothing_to_import', { problems: new Set(problems.map((problem) => problem.row)).size });
}

/**
 * The ledger.import job: reads and plans (with progress; cancelling stops it before anything
 * is written), then applies in one transaction. `words` lists fields for mapping errors.
 */
export function startImportJob(
  ctx: ServiceContext,
  scope: Scope,
  request: { path: string; sheet: string | null; mapping: ColumnMapping },
  words: FieldWords,
  onDone?: () => void,
): string {
  return ctx.jobs.start('ledger.import', async (progress: JobProgress, signal: AbortSignal) => {
    const outcome = await runImport(ctx, scope, request, words, { progress, signal });
    onDone?.();
    return { outcome };
  });
}

/** Reads, plans and applies (or, with dryRun, only plans): the whole import, for the job and the CLI. */
export async function runImport(
  ctx: ServiceContext,
  scope: Scope,
  request: { path: string; sheet: string | null; mapping: ColumnMapping | null },
  words: FieldWords,
  options: { progress?: JobProgress; signal?: AbortSignal; dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  const { signal, progress } = options;
  const sheet = await readImportSheet(request.path, request.sheet, signal);
  const mapping = request.mapping ?? guessMapping(sheet.headers);
  assertUsableMapping(mapping, sheet.headers, words);
  const total = sheet.dataRows.length;
  progress?.(0, total);
  const plan = planSheetImport(ctx, scope, sheet, mapping, (index) => progress?.(index, total));
  // The last moment to cancel: after this the transaction runs to its end.
  if (signal?.aborted) throw new AppError('ledger.cancelled');
  if (options.dryRun) {
    assertSomethingToImport(plan);
    return plan.outcome;
  }
  return applyImportPlan(ctx, scope, plan);
}
