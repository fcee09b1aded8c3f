import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DiffEntry, Submission } from '../../../shared/api/calls/office';
import { useCall } from '../../api/queries';
import { href } from '../../app/router';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { formatDateTime } from '../../components/format';

const taskStatuses = ['not_started', 'in_progress', 'done', 'blocked'] as const;
const isTaskStatus = (value: string): value is (typeof taskStatuses)[number] => (taskStatuses as readonly string[]).includes(value);

/** Where a change is, in words: the report, a measure, a task of a measure, or a file. */
export function diffPlace(entry: DiffEntry, t: TFunction): string {
  return t(`office.submission.scope.${entry.scope}`, { code: entry.code ?? '', item: entry.item ?? '' });
}

/** A before or after value as a reader wants it: statuses in words, progress in percent, nothing as “(empty)”. */
export function diffValue(field: string, value: string | number | null, t: TFunction): string {
  if (value === null || value === '') return t('office.submission.empty');
  if (field === 'status' && typeof value === 'string' && isTaskStatus(value)) return t(`workspace.status.${value}`);
  if (field === 'progress' && typeof value === 'number') return `${value}%`;
  return String(value);
}

/** What changed between a replaced version and the one that replaced it, as a readable list. */
export function DiffList({ older, newer }: { older: Submission; newer: Submission }) {
  const { t, i18n } = useTranslation();
  const diff = useCall('office.diff', { older: older.id, newer: newer.id });
  return (
    <section className="card" aria-labelledby="submission-diff" data-testid="submission-diff">
      <h2 id="submission-diff" className="card-title">
        {t('office.submission.diffTitle')}
      </h2>
      <p className="muted">
        {t('office.submission.diffIntro', {
          older: formatDateTime(older.generatedAt, i18n.language),
          newer: formatDateTime(newer.generatedAt, i18n.language),
        })}{' '}
        <a href={href(`/office/submissions/${newer.id}`)}>{t('office.submission.diffShowNewer')}</a>
      </p>
      {diff.isPending && <Loading />}
      {diff.isError && <ErrorPanel error={diff.error} onRetry={() => void diff.refetch()} />}
      {diff.data?.entries.length === 0 && <p>{t('office.submission.diffNone')}</p>}
      {diff.data && diff.data.entries.length > 0 && (
        <ul className="plain-list diff-list">
          {diff.data.entries.map((entry, index) => (
            <li key={index} className="diff-entry" data-testid="diff-entry">
              <div className="diff-place">
                <strong>{diffPlace(entry, t)}</strong>
                <span className="badge">{t(`office.submission.fields.${entry.field}`, { defaultValue: entry.field })}</span>
              </div>
              <div className="diff-values">
                {entry.before !== null && <del className="diff-before">{diffValue(entry.field, entry.before, t)}</del>}
                {entry.before !== null && entry.after !== null && <span aria-hidden>→</span>}
                {entry.after !== null && <ins className="diff-after">{diffValue(entry.field, entry.after, t)}</ins>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
