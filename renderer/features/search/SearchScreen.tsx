import { useVirtualizer } from '@tanstack/react-virtual';
import { FileText, ListChecks, Paperclip, Search, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../shared/api/calls/search';
import { taskStatuses, type TaskStatus } from '../../../shared/api/calls/workspace';
import { useCall } from '../../api/queries';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';
import { href, navigate, replaceRoute } from '../../app/router';
import { StatusBadge } from '../../components/StatusBadge';
import './search.css';

const debounceMs = 200;
const rowHeight = 76;

function marked(text: string, query: string): ReactNode[] {
  if (!query) return [text];
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + query.length)}</mark>);
    from = at + query.length;
  }
  parts.push(text.slice(from));
  return parts;
}

function resultLink(result: SearchResult): string {
  return href(`/measures/${encodeURIComponent(result.measureCode)}`, result.taskId ? { task: String(result.taskId) } : undefined);
}

export function SearchScreen({ initialQuery }: { initialQuery: string }) {
  const { t, i18n } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery.trim());
  const [statuses, setStatuses] = useState<TaskStatus[]>([]);
  const [overdue, setOverdue] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(text.trim());
      // Keep the query in the address so a reload shows the same results.
      replaceRoute('/search', text.trim() ? { q: text.trim() } : undefined);
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [text]);

  const filtered = statuses.length > 0 || overdue || owner !== null || group !== null;
  const active = query !== '' || filtered;
  const facets = useCall('search.facets', {});
  const results = useCall('search.query', { q: query, statuses, overdue, owner, group, limit: 500 }, { enabled: active });
  const rows = results.data?.results ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });

  const toggleStatus = (status: TaskStatus) =>
    setStatuses((current) => (current.includes(status) ? current.filter((item) => item !== status) : [...current, status]));

  return (
    <div className="page page-wide search-page">
      <h1 className="page-title">{t('search.title')}</h1>
      <div className="search-field search-field-large">
        <Search size={18} aria-hidden />
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={inputId}
          ref={input}
          type="search"
          value={text}
          placeholder={t('search.placeholder')}
          data-testid="search-input"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' && rows.length > 0) {
              event.preventDefault();
              scroller.current?.querySelector<HTMLAnchorElement>('a.search-result')?.focus();
            }
          }}
        />
      </div>

      <div className="filter-bar" role="group" aria-label={t('search.filters')}>
        <span className="filter-label">{t('search.status')}</span>
        {taskStatuses.map((status) => (
          <button
            key={status}
            type="button"
            className={`filter-chip${statuses.includes(status) ? ' on' : ''}`}
            aria-pressed={statuses.includes(status)}
            onClick={() => toggleStatus(status)}
          >
            {t(`workspace.status.${status}`)}
          </button>
        ))}
        <button
          type="button"
          className={`filter-chip${overdue ? ' on' : ''}`}
          aria-pressed={overdue}
          onClick={() => setOverdue((value) => !value)}
        >
          {t('search.overdue')}
        </button>
        <select aria-label={t('search.owner')} value={owner ?? ''} onChange={(event) => setOwner(event.target.value || null)}>
          <option value="">{t('search.anyOwner')}</option>
          {facets.data?.owners.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label={t('search.group')} value={group ?? ''} onChange={(event) => setGroup(event.target.value || null)}>
          <option value="">{t('search.anyGroup')}</option>
          {facets.data?.groups.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {filtered && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setStatuses([]);
              setOverdue(false);
              setOwner(null);
              setGroup(null);
            }}
          >
            <X size={14} aria-hidden />
            {t('search.clear')}
          </button>
        )}
      </div>

      {!active && <p className="muted">{t('search.hint')}</p>}
      {results.isError && <ErrorPanel error={results.error} onRetry={() => void results.refetch()} />}
      {active && results.data && (
        <p className="muted" role="status">
          {rows.length === 0
            ? t('search.none')
            : results.data.truncated
              ? t('search.truncated', { count: rows.length })
              : t('search.count', { count: rows.length })}
        </p>
      )}
      {rows.length > 0 && (
        <div ref={scroller} className="search-results">
          <ul style={{ height: virtualizer.getTotalSize() }} aria-label={t('search.title')}>
            {virtualizer.getVirtualItems().map((item) => {
              const result = rows[item.index] as SearchResult;
              const Icon = result.kind === 'measure' ? FileText : result.kind === 'task' ? ListChecks : Paperclip;
              return (
                <li
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <a
                    className="search-result"
                    href={resultLink(result)}
                    data-testid="search-result"
                    onKeyDown={(event) => {
                      const sibling = (direction: 'next' | 'previous') =>
                        (
                          event.currentTarget.parentElement?.[`${direction}ElementSibling`] as HTMLElement | null
                        )?.querySelector<HTMLAnchorElement>('a');
                      if (event.key === 'ArrowDown') sibling('next')?.focus();
                      else if (event.key === 'ArrowUp') (sibling('previous') ?? input.current)?.focus();
                      else if (event.key === ' ') navigate(resultLink(result).slice(1));
                      else return;
                      event.preventDefault();
                    }}
                  >
                    <span className="search-kind">
                      <Icon size={14} aria-hidden />
                      {t(`search.kinds.${result.kind}`)}
                    </span>
                    <span className="search-body">
                      <span className="search-title">
                        <span className="measure-label">{result.measureLabel}</span>{' '}
                        {result.kind === 'measure'
                          ? marked(result.measureTitle, query)
                          : marked(result.taskText ?? result.attachmentName ?? '', query)}
                      </span>
                      <span className="search-snippet">{marked(result.snippet, query)}</span>
                      {result.kind !== 'measure' && <span className="search-context">{result.measureTitle}</span>}
                    </span>
                    <span className="search-meta">
                      {result.status && <StatusBadge status={result.status} />}
                      {result.owner && <span>{result.owner}</span>}
                      {result.due && <span>{formatDate(result.due, i18n.language)}</span>}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
