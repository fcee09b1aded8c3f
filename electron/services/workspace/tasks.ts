import { AppError } from '../../../shared/api/errors';
import { maxTaskNotesLength, maxTaskTextLength, type Task, type TaskPatch } from '../../../shared/api/calls/workspace';
import { moveTaskAttachments } from '../../db/repos/attachments';
import { appendEntry } from '../../db/repos/entries';
import {
  findTask,
  insertTask,
  listTasks,
  markTaskDeleted,
  nextPosition,
  restoreTask as restoreTaskRow,
  setPositions,
  updateTaskField,
  updateTaskFields,
  type TaskField,
  type TaskRecord,
} from '../../db/repos/tasks';
import type { ServiceContext } from '../context';
import { activeScope, assignedMeasure, type Scope } from './scope';

/** Every change lands in one transaction together with its history entry. */
export function historyFor(ctx: ServiceContext, scope: Scope, measureId: number, at: string) {
  const actor = ctx.actor();
  return (entry: { taskId: number; action: string; field?: string; oldValue?: string | null; newValue?: string | null }) =>
    appendEntry(ctx.db, { at, actor, departmentId: scope.departmentId, measureId, ...entry });
}

/** A task of this department, alive unless `allowDeleted`. */
function ownTask(ctx: ServiceContext, scope: Scope, id: number, allowDeleted = false): TaskRecord {
  const task = findTask(ctx.db, id);
  if (!task || task.departmentId !== scope.departmentId || (task.deletedAt !== null && !allowDeleted)) {
    throw new AppError('task.not_found');
  }
  return task;
}

function toTask(record: TaskRecord): Task {
  const { measureId: _measureId, departmentId: _departmentId, deletedAt: _deletedAt, ...task } = record;
  return task;
}

function reload(ctx: ServiceContext, id: number): Task {
  const task = findTask(ctx.db, id);
  if (!task) throw new AppError('task.not_found');
  return toTask(task);
}

export function createTasks(ctx: ServiceContext, measureCode: string, texts: readonly string[]): Task[] {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const measure = assignedMeasure(ctx.db, scope, measureCode);
    const now = ctx.now().toISOString();
    const record = historyFor(ctx, scope, measure.id, now);
    let position = nextPosition(ctx.db, scope.departmentId, measure.id);
    return texts.map((text) => {
      const id = insertTaskRecorded(ctx, record, { measureId: measure.id, departmentId: scope.departmentId, position, text }, now);
      position += 1;
      return reload(ctx, id);
    });
  })();
}

const fields: readonly TaskField[] = ['text', 'status', 'progress', 'owner', 'due', 'notes'];

function asHistoryValue(value: string | number | null): string | null {
  return value === null ? null : String(value);
}

/** What a task holds when it is created. */
const freshTask = { status: 'not_started', progress: 0, owner: '', due: null, notes: '' } as const;

/**
 * Appends a new task at `position` of its measure with the fields of `values` set, recorded
 * exactly as if typed: task.create with the text, then task.update per field set (written in
 * one row insert). The caller holds the transaction.
 */
export function insertTaskRecorded(
  ctx: ServiceContext,
  record: ReturnType<typeof historyFor>,
  task: { measureId: number; departmentId: number; position: number; text: string },
  now: string,
  values: Omit<TaskPatch, 'text'> = {},
): number {
  const before = { text: task.text, ...freshTask };
  const changed = changedFields(before, values);
  const id = insertTask(ctx.db, { ...task, ...before, ...Object.fromEntries(changed), now });
  record({ taskId: id, action: 'task.create', newValue: task.text });
  recordChanges(record, id, before, changed);
  return id;
}

/**
 * Writes the fields of `patch` that differ from `task` in one row write, one task.update
 * history entry per field; the caller holds the transaction.
 */
export function writeTaskPatch(
  ctx: ServiceContext,
  record: ReturnType<typeof historyFor>,
  task: Pick<TaskRecord, 'id' | TaskField>,
  patch: TaskPatch,
  now: string,
): void {
  const changed = changedFields(task, patch);
  if (changed.length === 0) return;
  updateTaskFields(ctx.db, task.id, Object.fromEntries(changed), now);
  recordChanges(record, task.id, task, changed);
}

/**
 * The fields of `patch` that differ from `task`, in history order. Marking a task done means
 * it is complete (progress 100 unless the patch says otherwise); reopening keeps the progress
 * the user set.
 */
function changedFields(task: Pick<TaskRecord, TaskField>, patch: TaskPatch): [TaskField, string | number | null][] {
  const effective: TaskPatch = { ...patch };
  if (patch.status === 'done' && patch.progress === undefined) effective.progress = 100;
  return fields.flatMap((field) => {
    const value = effective[field];
    return value === undefined || value === task[field] ? [] : [[field, value] as [TaskField, string | number | null]];
  });
}

function recordChanges(
  record: ReturnType<typeof historyFor>,
  taskId: number,
  before: Pick<TaskRecord, TaskField>,
  changed: readonly [TaskField, string | number | null][],
): void {
  for (const [field, value] of changed) {
    record({ taskId, action: 'task.update', field, oldValue: asHistoryValue(before[field]), newValue: asHistoryValue(value) });
  }
}

export function updateTask(ctx: ServiceContext, id: number, patch: TaskPatch): Task {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const task = ownTask(ctx, scope, id);
    const now = ctx.now().toISOString();
    writeTaskPatch(ctx, historyFor(ctx, scope, task.measureId, now), task, patch, now);
    return reload(ctx, id);
  })();
}

export function moveTask(ctx: ServiceContext, id: number, toIndex: number): Task[] {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const task = ownTask(ctx, scope, id);
    const ordered = listTasks(ctx.db, scope.departmentId, task.measureId).map((row) => row.id);
    const from = ordered.indexOf(id);
    const to = Math.min(toIndex, ordered.length - 1);
    if (from !== to) {
      ordered.splice(from, 1);
      ordered.splice(to, 0, id);
      setPositions(ctx.db, ordered);
      historyFor(
        ctx,
        scope,
        task.measureId,
        ctx.now().toISOString(),
      )({
        taskId: id,
        action: 'task.move',
        oldValue: String(from + 1),
        newValue: String(to + 1),
      });
    }
    return listTasks(ctx.db, scope.departmentId, task.measureId);
  })();
}

/**
 * Folds one task into another of the same measure: texts and notes joined, the folded
 * task's files moved over, the folded one deleted; each change in the history, all in one
 * transaction. Refused, changing nothing, when the result would not fit in a task.
 */
export function mergeTasks(ctx: ServiceContext, id: number, intoId: number): Task {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const source = ownTask(ctx, scope, id);
    const target = ownTask(ctx, scope, intoId);
    if (source.id === target.id || source.measureId !== target.measureId) throw new AppError('task.not_found');
    const text = joinSentences(target.text, source.text);
    const notes = [target.notes, source.notes].filter((note) => note.trim() !== '').join('\n');
    if (text.length > maxTaskTextLength || notes.length > maxTaskNotesLength) {
      throw new AppError('task.merge_too_long', { maxText: maxTaskTextLength, maxNotes: maxTaskNotesLength });
    }
    const now = ctx.now().toISOString();
    const record = historyFor(ctx, scope, target.measureId, now);
    moveTaskAttachments(ctx.db, source.id, target.id);
    markTaskDeleted(ctx.db, source.id, now);
    setPositions(
      ctx.db,
      listTasks(ctx.db, scope.departmentId, target.measureId).map((row) => row.id),
    );
    record({ taskId: source.id, action: 'task.delete', oldValue: source.text });
    if (notes !== target.notes) {
      updateTaskField(ctx.db, target.id, 'notes', notes, now);
      record({ taskId: target.id, action: 'task.update', field: 'notes', oldValue: target.notes, newValue: notes });
    }
    updateTaskField(ctx.db, target.id, 'text', text, now);
    record({ taskId: target.id, action: 'task.merge', oldValue: source.text, newValue: text });
    return reload(ctx, target.id);
  })();
}

function joinSentences(first: string, second: string): string {
  const trimmed = first.replace(/[。；;，,、\s]+$/u, '');
  return `${trimmed}；${second}`;
}

export function deleteTask(ctx: ServiceContext, id: number): { id: number } {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const task = ownTask(ctx, scope, id);
    const now = ctx.now().toISOString();
    markTaskDeleted(ctx.db, id, now);
    setPositions(
      ctx.db,
      listTasks(ctx.db, scope.departmentId, task.measureId).map((row) => row.id),
    );
    historyFor(ctx, scope, task.measureId, now)({ taskId: id, action: 'task.delete', oldValue: task.text });
    return { id };
  })();
}

/** Undo of a delete: the task comes back where it was, with its history. */
export function restoreTask(ctx: ServiceContext, id: number): Task {
  return ctx.db.transaction(() => {
    const scope = activeScope(ctx.db);
    const task = ownTask(ctx, scope, id, true);
    if (task.deletedAt === null) return toTask(task);
    const now = ctx.now().toISOString();
    const ordered = listTasks(ctx.db, scope.departmentId, task.measureId).map((row) => row.id);
    const at = Math.min(task.position, ordered.length);
    restoreTaskRow(ctx.db, id, at, now);
    ordered.splice(at, 0, id);
    setPositions(ctx.db, ordered);
    historyFor(ctx, scope, task.measureId, now)({ taskId: id, action: 'task.restore', newValue: task.text });
    return reload(ctx, id);
  })();
}
