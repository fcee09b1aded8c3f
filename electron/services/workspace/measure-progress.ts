import type { MeasureProgress } from '../../../shared/api/calls/workspace';
import { measureStatus, percentDone } from '../../../shared/workspace/progress';
import type { MeasureProgressRow } from '../../db/repos/measures';

export function toMeasureProgress(row: MeasureProgressRow): MeasureProgress {
  return {
    code: row.code,
    label: row.label,
    title: row.title,
    chapter: row.chapter,
    group: row.group,
    due: row.due,
    role: row.role,
    total: row.total,
    done: row.done,
    percent: percentDone(row.done, row.total),
    overdue: row.overdue,
    dueSoon: row.dueSoon,
    blocked: row.blocked,
    status: measureStatus(row),
    attachments: row.attachments,
  };
}
