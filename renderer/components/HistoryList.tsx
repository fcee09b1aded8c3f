import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/api/calls/workspace';
import { describeHistoryEntry } from '../../shared/workspace/history-text';
import { formatDateTime } from './format';
import './history.css';

const rowHeight = 56;

/** Newest first; virtualised, since a busy measure collects hundreds of entries. */
export function HistoryList({
  entries,
  showMeasure = false,
  maxHeight = 420,
}: {
  entries: HistoryEntry[];
  showMeasure?: boolean;
  maxHeight?: number;
}) {
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
                {showMeasure && <span className="measure-label">{entry.measureLabel}</span>}{' '}
                {describeHistoryEntry(entry, (key, params) => t(key as never, params))}
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
