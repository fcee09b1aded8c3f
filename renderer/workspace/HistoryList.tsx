import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/api/calls/workspace';
import { formatDateTime } from '../format';

type Translate = ReturnType<typeof useTranslation>['t'];

/** One line per change, in the words a coordinator would use. */
export function describeEntry(entry: HistoryEntry, t: Translate): string {
  const task = entry.taskText ?? entry.oldValue ?? entry.newValue ?? '';
  const value = (raw: string | null) => {
    if (raw === null || raw === '') return t('workspace.history.empty_value');
    if (entry.field === 'status') return t(`workspace.status.${raw as 'done'}`);
    if (entry.field === 'progress') return `${raw}%`;
    return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  };
  switch (entry.action) {
    case 'task.create':
      return t('workspace.history.taskCreate', { task: entry.newValue ?? task });
    case 'task.update':
      return t('workspace.history.taskUpdate', {
        task,
        field: t(`workspace.history.fields.${(entry.field ?? 'text') as 'text'}`),
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

const rowHeight = 56;

/** Newest first; virtualised, since a busy measure collects hundreds of entries. */
export function HistoryList({ entries, showMeasure = false, maxHeight = 420 }: { entries: HistoryEntry[]; showMeasure?: boolean; maxHeight?: number }) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  if (entries.length === 0) return <p className="muted">{t('workspace.history.empty')}</p>;
  return (
    <div ref={scroller} className="history-scroller" style={{ maxHeight }}>
      <ol className="history-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index] as HistoryEntry;
          return (
            <li
              key={entry.id}
              className="history-entry"
              data-index={item.index}
              data-entry-id={entry.id}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <span className="history-text">
                {showMeasure && <span className="measure-label">{entry.measureLabel}</span>} {describeEntry(entry, t)}
              </span>
              <span className="history-meta">
                {t('workspace.history.byline', { actor: entry.actor || '—', time: formatDateTime(entry.at, i18n.language) })}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
