import {
  ledgerFields,
  previewSampleRows,
  type ColumnMapping,
  type ImportOutcome,
  type ImportProblem,
  type LedgerField,
  type PreviewRow,
  type RowAction,
} from '../api/calls/ledger';
import { maxTaskNotesLength, maxTaskOwnerLength, maxTaskTextLength, type Task, type TaskStatus } from '../api/calls/workspace';
import { cellText, isBlankCell, type LedgerCell, type LedgerRow } from './cell';
import { measureColumns } from './columns';
import { MeasureMatcher, type MeasureRef } from './measures';
import { taskIdentity, taskTextFromCell } from './text';
import { readDue, readProgress, readStatus } from './values';

/** A task already in the ledger, as far as an import compares it. */
export type ExistingTask = Pick<Task, 'id' | 'text' | 'status' | 'progress' | 'owner' | 'due' | 'notes'>;

/** The fields an imported row sets besides its text; a field left out is left as it is. */
export interface TaskValues {
  status?: TaskStatus;
  progress?: number;
  owner?: string;
  due?: string;
  notes?: string;
}

export interface PlannedAdd {
  row: number;
  measure: MeasureRef;
  text: string;
  values: TaskValues;
}

export interface PlannedUpdate {
  row: number;
  measure: MeasureRef;
  task: ExistingTask;
  /** Only the fields that differ from the task. */
  patch: TaskValues;
}

export interface ImportPlanInput {
  /** The data rows, after the header row. */
  rows: readonly LedgerRow[];
  /** The header row's headings by column. */
  headers: readonly string[];
  mapping: ColumnMapping;
  /** Every measure of the active plan (a measure of another department is named as such, not as unknown). */
  measures: readonly MeasureRef[];
  /** The department's live tasks of a measure, in their order. */
  tasksOf(measureId: number): readonly ExistingTask[];
  /** The plan's year, for dates written without one (9月底前). */
  planYear: number | null;
  /** How many rows to describe for the preview (default previewSampleRows). */
  sampleRows?: number;
  /** Called every few thousand rows, so a long plan can report progress and be cancelled. */
  onRow?(index: number): void;
}

export interface ImportPlan {
  outcome: ImportOutcome;
  /** New tasks in sheet order; each is appended after its measure's tasks. */
  adds: PlannedAdd[];
  updates: PlannedUpdate[];
  sample: PreviewRow[];
}

const valueFields = ['owner', 'due', 'status', 'progress', 'notes'] as const;
/** What a measure heading row leaves empty; a row with a measure and one of these but no task lacks its task. */
const headingBlankFields = ['owner', 'status', 'progress'] as const;

/**
 * Decides, without touching anything, what importing the rows does: per row add, update,
 * unchanged, skip (blank rows and measure heading rows such as the exported ledger's) or
 * problem (every reason listed, by row number). Identity is the measure plus the task's
 * text (whitespace collapsed): a known task is updated in the fields whose cells hold a
 * value that differs (an empty cell never clears), a second row with the same identity is
 * a duplicate of the first.
 */
export function planImport(input: ImportPlanInput): ImportPlan {
  const state: PlanState = {
    input,
    matcher: new MeasureMatcher(input.measures),
    measureCells: measureColumns(input.headers, input.mapping),
    mappedColumns: ledgerFields.map((field) => input.mapping[field]).filter((index): index is number => index !== null),
    firstRowOf: new Map(),
    existingByMeasure: new Map(),
    groupMeasure: null,
    adds: [],
    updates: [],
  };
  const sampleRows = input.sampleRows ?? previewSampleRows;
  const outcome: ImportOutcome = { added: 0, updated: 0, unchanged: 0, problems: [] };
  const sample: PreviewRow[] = [];
  input.rows.forEach((sheetRow, index) => {
    if (index % 2000 === 0) input.onRow?.(index);
    const planned = planRow(state, sheetRow);
    if (planned.action === 'add') outcome.added += 1;
    else if (planned.action === 'update') outcome.updated += 1;
    else if (planned.action === 'unchanged') outcome.unchanged += 1;
    outcome.problems.push(...planned.problems);
    if (sample.length < sampleRows) {
      sample.push({
        row: sheetRow.row,
        values: previewValues(input.mapping, sheetRow, planned.measureText),
        action: planned.action,
        measureLabel: planned.measure?.label ?? null,
      });
    }
  });
  return { outcome, adds: state.adds, updates: state.updates, sample };
}

interface PlanState {
  input: ImportPlanInput;
  matcher: MeasureMatcher;
  /** The measure column, then other columns naming the measure (措施名称 beside 措施编号). */
  measureCells: number[];
  mappedColumns: number[];
  /** Identity (measure + task text) → the row that first had it. */
  firstRowOf: Map<string, number>;
  existingByMeasure: Map<number, Map<string, ExistingTask>>;
  /** The measure of the last heading row: the exported ledger lists a measure's tasks under it. */
  groupMeasure: MeasureRef | null;
  adds: PlannedAdd[];
  updates: PlannedUpdate[];
}

interface PlannedRow {
  action: RowAction;
  problems: ImportProblem[];
  measure: MeasureRef | null;
  /** The measure cell's text as used (the title, when the code column was empty). */
  measureText: string;
}

function cellAt(row: LedgerRow, column: number | null): LedgerCell | null {
  return column === null ? null : (row.cells[column] ?? null);
}

function planRow(state: PlanState, sheetRow: LedgerRow): PlannedRow {
  const { mapping, headers } = state.input;
  const cell = (column: number | null) => cellAt(sheetRow, column);
  const problems: ImportProblem[] = [];
  const problem = (code: ImportProblem['code'], params: ImportProblem['params'] = {}) => problems.push({ row: sheetRow.row, code, params });
  const result = (action: RowAction, measure: MeasureRef | null, measureText: string): PlannedRow => ({
    action,
    problems,
    measure,
    measureText,
  });

  if (state.mappedColumns.every((column) => isBlankCell(cell(column)))) return result('skip', null, '');
  for (const column of state.mappedColumns) {
    if (cell(column)?.kind === 'formula_without_value') problem('formula_without_value', { column: headers[column] ?? '' });
  }
  const found = findMeasure(state.measureCells.map(cell), state.matcher);
  const taskCell = cell(mapping.task);
  // A measure's heading row (the exported ledger's): a measure and no task, nothing about a
  // task's state; its deadline and a summary in the notes column belong to the measure.
  const heading = isBlankCell(taskCell) && headingBlankFields.every((field) => isBlankCell(cell(mapping[field])));
  if (heading && found.text !== '' && problems.length === 0) {
    state.groupMeasure = found.measure;
    return result('skip', found.measure, found.text);
  }
  const measure = found.text === '' ? state.groupMeasure : found.measure;
  if (found.text === '' && measure === null) problem('measure_missing');
  else if (measure === null) problem('measure_unknown', { value: clip(found.text) });
  else if (!measure.assigned) problem('measure_not_assigned', { label: measure.label });

  const text = taskTextFromCell(cellText(taskCell));
  if (text === '') problem('task_missing');
  else if (text.length > maxTaskTextLength) problem('task_too_long', { max: maxTaskTextLength });
  const values = readValues(mapping, cell, state.input.planYear, problem);
  if (problems.length > 0 || measure === null) return result('problem', measure, found.text);

  const identity = taskIdentity(text);
  const key = `${String(measure.id)}\u0000${identity}`;
  const first = state.firstRowOf.get(key);
  if (first !== undefined) {
    problem('duplicate_row', { first });
    return result('problem', measure, found.text);
  }
  state.firstRowOf.set(key, sheetRow.row);
  const existing = existingTask(state, measure.id, identity);
  if (!existing) {
    state.adds.push({ row: sheetRow.row, measure, text, values });
    return result('add', measure, found.text);
  }
  const patch = changedValues(existing, values);
  if (Object.keys(patch).length === 0) return result('unchanged', measure, found.text);
  state.updates.push({ row: sheetRow.row, measure, task: existing, patch });
  return result('update', measure, found.text);
}

function existingTask(state: PlanState, measureId: number, identity: string): ExistingTask | undefined {
  let byIdentity = state.existingByMeasure.get(measureId);
  if (!byIdentity) {
    byIdentity = new Map();
    for (const task of state.input.tasksOf(measureId)) {
      const key = taskIdentity(task.text);
      if (!byIdentity.has(key)) byIdentity.set(key, task);
    }
    state.existingByMeasure.set(measureId, byIdentity);
  }
  return byIdentity.get(identity);
}

/** The first measure cell that names a known measure; else the first non-empty one's text, unplaced. */
function findMeasure(cells: readonly (LedgerCell | null)[], matcher: MeasureMatcher): { text: string; measure: MeasureRef | null } {
  let firstText = '';
  for (const cell of cells) {
    const text = cellText(cell).trim();
    if (text === '') continue;
    const measure = matcher.match(text);
    if (measure) return { text, measure };
    if (firstText === '') firstText = text;
  }
  return { text: firstText, measure: null };
}

function readValues(
  mapping: ColumnMapping,
  cell: (column: number | null) => LedgerCell | null,
  planYear: number | null,
  problem: (code: ImportProblem['code'], params?: ImportProblem['params']) => void,
): TaskValues {
  const values: TaskValues = {};
  const owner = cellText(cell(mapping.owner)).trim();
  if (owner.length > maxTaskOwnerLength) problem('owner_too_long', { max: maxTaskOwnerLength });
  else if (owner !== '') values.owner = owner;
  const notes = taskTextFromCell(cellText(cell(mapping.notes)));
  if (notes.length > maxTaskNotesLength) problem('notes_too_long', { max: maxTaskNotesLength });
  else if (notes !== '') values.notes = notes;
  const status = readStatus(cell(mapping.status));
  if (status.kind === 'invalid') problem('status_unknown', { value: clip(status.text) });
  else if (status.kind === 'value') values.status = status.value;
  const progress = readProgress(cell(mapping.progress));
  if (progress.kind === 'invalid') problem('progress_invalid', { value: clip(progress.text) });
  else if (progress.kind === 'value') values.progress = progress.value;
  const due = readDue(cell(mapping.due), planYear);
  if (due.kind === 'invalid') problem('due_invalid', { value: clip(due.text) });
  else if (due.kind === 'value') values.due = due.value;
  // As when typed: marking a task done makes it complete, unless the sheet says how far.
  if (values.status === 'done' && values.progress === undefined) values.progress = 100;
  return values;
}

function changedValues(task: ExistingTask, values: TaskValues): TaskValues {
  const patch: TaskValues = {};
  for (const field of valueFields) {
    const value = values[field];
    if (value !== undefined && value !== task[field]) Object.assign(patch, { [field]: value });
  }
  return patch;
}

function previewValues(mapping: ColumnMapping, row: LedgerRow, measureText: string): Record<LedgerField, string> {
  const values = {} as Record<LedgerField, string>;
  for (const field of ledgerFields) values[field] = clip(cellText(cellAt(row, mapping[field])).trim(), 500);
  if (measureText !== '') values.measure = clip(measureText, 500);
  return values;
}

/** Long cell text shortened for messages and the preview. */
function clip(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
