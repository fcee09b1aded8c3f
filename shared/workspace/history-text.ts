import type { HistoryEntry } from '../api/calls/workspace';

/**
 * A translator as both sides have one: `createTranslator` in the main process (which words
 * the report's changes in Chinese whatever the UI language) and i18next's `t` in the
 * renderer (through a one-line adapter there, since its `t` is typed to known keys only).
 */
export type HistoryTranslate = (key: string, params?: Record<string, unknown>) => string;

export type HistoryEntryText = Pick<HistoryEntry, 'action' | 'field' | 'oldValue' | 'newValue' | 'taskText' | 'attachmentName'>;

/** Longest free-text value quoted in full; longer ones are cut with an ellipsis. */
const maxQuoted = 40;

/**
 * One change in the words a coordinator would use, e.g. `任务“…”:状态 未开始 → 进行中`.
 * The history view and the report's 本期变更情况 word entries alike through this.
 */
export function describeHistoryEntry(entry: HistoryEntryText, t: HistoryTranslate): string {
  const task = entry.taskText ?? entry.oldValue ?? entry.newValue ?? '';
  const value = (raw: string | null) => {
    if (raw === null || raw === '') return t('workspace.history.empty_value');
    if (entry.field === 'status') return t(`workspace.status.${raw}`);
    if (entry.field === 'progress') return `${raw}%`;
    return raw.length > maxQuoted ? `${raw.slice(0, maxQuoted)}…` : raw;
  };
  switch (entry.action) {
    case 'task.create':
      return t('workspace.history.taskCreate', { task: entry.newValue ?? task });
    case 'task.update':
      return t('workspace.history.taskUpdate', {
        task,
        field: t(`workspace.history.fields.${entry.field ?? 'text'}`),
        from: value(entry.oldValue),
        to: value(entry.newValue),
      });
    case 'task.move':
      return t('workspace.history.taskMove', { task, from: entry.oldValue, to: entry.newValue });
    case 'task.merge':
      return t('workspace.history.taskMerge', { task: entry.newValue ?? task, from: entry.oldValue });
    case 'task.delete':
      return t('workspace.history.taskDelete', { task: entry.oldValue ?? task });
    case 'task.restore':
      return t('workspace.history.taskRestore', { task });
    case 'evidence.add':
      return t('workspace.history.evidenceAdd', { name: entry.newValue ?? entry.attachmentName ?? '' });
    case 'evidence.remove':
      return t('workspace.history.evidenceRemove', { name: entry.oldValue ?? entry.attachmentName ?? '' });
    default:
      return entry.action;
  }
}
