import type { TaskStatus } from '../../../shared/api/calls/workspace';
import type { PageOrientation } from '../../../shared/api/calls/print';

/** The statuses a checklist can filter on besides done (done has its own switch). */
export const openStatuses = ['not_started', 'in_progress', 'blocked'] as const satisfies readonly TaskStatus[];
export type OpenStatus = (typeof openStatuses)[number];

export type MeasureText = 'full' | 'title';

/** What a printed checklist shows; all of it lives in the route so a link reproduces the view. */
export interface ChecklistOptions {
  department: string | null;
  measure: string | null;
  statuses: OpenStatus[];
  done: boolean;
  notes: boolean;
  text: MeasureText;
  orientation: PageOrientation;
  /** Just the document, without the app frame and the preview around it. */
  bare: boolean;
}

export const checklistPath = '/print/checklist';

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Reads `#/print/checklist?department=…&measure=…&statuses=…&done=0|1&notes=0|1&text=full|title&orientation=…&bare=1`.
 * Missing options take their defaults: every status, done tasks included, no typed notes,
 * the official text, portrait. `statuses` may also name `done`; `done=` wins when given.
 */
export function readOptions(params: URLSearchParams): ChecklistOptions {
  const rawStatuses = params.get('statuses');
  const listed = rawStatuses === null ? null : rawStatuses.split(',').map((status) => status.trim());
  const statuses = listed === null ? [...openStatuses] : openStatuses.filter((status) => listed.includes(status));
  const doneParam = params.get('done');
  const done =
    doneParam === '1' || doneParam === 'true'
      ? true
      : doneParam === '0' || doneParam === 'false'
        ? false
        : listed === null || listed.includes('done');
  return {
    department: nonEmpty(params.get('department')),
    measure: nonEmpty(params.get('measure')),
    statuses,
    done,
    notes: params.get('notes') === '1' || params.get('notes') === 'true',
    text: params.get('text') === 'title' ? 'title' : 'full',
    orientation: params.get('orientation') === 'landscape' ? 'landscape' : 'portrait',
    bare: params.get('bare') === '1',
  };
}

/** The route parameters for `options`, every option spelled out. */
export function optionParams(options: ChecklistOptions): Record<string, string | undefined> {
  return {
    department: options.department ?? undefined,
    measure: options.measure ?? undefined,
    statuses: openStatuses.filter((status) => options.statuses.includes(status)).join(','),
    done: options.done ? '1' : '0',
    notes: options.notes ? '1' : '0',
    text: options.text,
    orientation: options.orientation,
    bare: options.bare ? '1' : undefined,
  };
}

/** The task statuses the checklist lists. */
export function shownStatuses(options: Pick<ChecklistOptions, 'statuses' | 'done'>): Set<TaskStatus> {
  return new Set<TaskStatus>([...options.statuses, ...(options.done ? (['done'] as const) : [])]);
}

export function isFiltered(options: Pick<ChecklistOptions, 'statuses' | 'done'>): boolean {
  return shownStatuses(options).size < openStatuses.length + 1;
}
