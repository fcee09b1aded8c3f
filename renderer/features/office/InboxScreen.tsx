import { FolderOpen, Inbox, Upload, Files } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../shared/api/calls/files';
import type { TFunction } from 'i18next';
import type { ReceiveItem, ReceiveRefusalReason, ReceiveSummary } from '../../../shared/api/calls/office';
import { verifyFailureReasons } from '../../../shared/report/manifest';
import { ApiCallError } from '../../../shared/api/errors';
import { call, isDesktop } from '../../api/client';
import { refreshAfterWrite } from '../../api/queries';
import { useJob } from '../../api/useJob';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { droppedEntries, readDroppedEntries, useFileDrop } from '../../platform/file-drop';
import { acceptedFor, filesFromDrop, keepAccepted, pickFiles, pickFolders, uploadFiles } from '../../platform/files';
import { OutcomeLabel, TrustLabel, shortSha } from './OfficeBits';
import { SubmissionsList } from './SubmissionsList';
import { WatchFolderPanel } from './WatchFolderPanel';
import './office.css';

type Batch =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number | null }
  | { step: 'receiving' }
  | { step: 'done'; summary: ReceiveSummary; skipped: number }
  | { step: 'cancelled'; skipped: number }
  | { step: 'empty'; skipped: number }
  | { step: 'failed'; error: unknown };

type Filter = 'all' | ReceiveItem['outcome'];

/**
 * 收件: many report files or whole folders in one batch (one office.receive job with one
 * progress bar, its running counts and a cancel button), the batch's results by file, and
 * every submission received so far below.
 */
export function InboxScreen() {
  const { t } = useTranslation();
  const job = useJob();
  const [batch, setBatch] = useState<Batch>({ step: 'idle' });
  const [uploads, setUploads] = useState<AbortController | null>(null);
  const busy = batch.step === 'uploading' || batch.step === 'receiving';

  const uploading = (sent: number, total: number) =>
    setBatch({ step: 'uploading', percent: total > 0 ? Math.round((sent / total) * 100) : null });

  /** Runs one batch: `gather` makes the chosen files known to the backend (an upload in a browser). */
  async function receive(gather: (signal: AbortSignal) => Promise<{ files: FileRef[]; skipped: number }>): Promise<void> {
    const controller = new AbortController();
    setUploads(controller);
    // A dialog closed without choosing leaves the last batch's results where they were.
    const before = batch;
    let skipped = 0;
    try {
      const gathered = await gather(controller.signal);
      skipped = gathered.skipped;
      if (gathered.files.length === 0) {
        setBatch(skipped > 0 ? { step: 'empty', skipped } : before);
        return;
      }
      setBatch({ step: 'receiving' });
      const finished = await job.run(() => call('office.receive', { fileIds: gathered.files.map((file) => file.id) }));
      if (finished.state === 'cancelled') setBatch({ step: 'cancelled', skipped });
      else if (finished.result?.kind === 'office.receive') setBatch({ step: 'done', summary: finished.result.summary, skipped });
      else
        setBatch({
          step: 'failed',
          error: new ApiCallError(finished.error ?? { code: 'internal', messageKey: 'errors.internal', params: {} }),
        });
    } catch (error) {
      setBatch(controller.signal.aborted ? { step: 'cancelled', skipped } : { step: 'failed', error });
    } finally {
      setUploads(null);
      // Whatever came in before a cancel or a failure is kept: the lists show it.
      await refreshAfterWrite();
    }
  }

  function chooseFiles(): void {
    void receive(async (signal) => ({
      files: await pickFiles('packages', { multiple: true, onProgress: uploading, signal }),
      skipped: 0,
    }));
  }

  function chooseFolder(): void {
    void receive((signal) => pickFolders('packages', { onProgress: uploading, signal, onChosen: () => uploading(0, 0) }));
  }

  const drop = useFileDrop((files, transfer) => {
    if (busy) return;
    if (isDesktop) {
      // The desktop registers dropped folders where they are; the backend walks them.
      void receive(async () => ({ files: await filesFromDrop(files), skipped: 0 }));
      return;
    }
    // Entries now, while the drop lasts; read (folders walked) afterwards.
    const entries = droppedEntries(transfer);
    uploading(0, 0);
    void receive(async (signal) => {
      const found = entries.length > 0 ? await readDroppedEntries(entries) : files.map((file) => ({ file, inFolder: false }));
      const fromFolders = keepAccepted(
        found.filter((item) => item.inFolder).map((item) => item.file),
        acceptedFor('packages'),
      );
      const chosen = [...found.filter((item) => !item.inFolder).map((item) => item.file), ...fromFolders.kept];
      return { files: await uploadFiles(chosen, uploading, signal), skipped: fromFolders.skipped };
    });
  });

  function cancel(): void {
    if (batch.step === 'uploading') uploads?.abort();
    else void job.cancel();
  }

  const running = job.job?.state === 'running' ? job.job : null;
  const counts = running?.counts ?? null;

  return (
    <div className="page page-wide office-page" data-testid="inbox-page" {...drop.handlers}>
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('office.inbox.title')}</h1>
          <p className="page-subtitle">{t('office.inbox.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={chooseFiles} disabled={busy}>
            <Files size={16} aria-hidden />
            {t('office.inbox.chooseFiles')}
          </button>
          <button type="button" className="button" onClick={chooseFolder} disabled={busy}>
            <FolderOpen size={16} aria-hidden />
            {t('office.inbox.chooseFolder')}
          </button>
        </div>
      </div>

      {batch.step === 'idle' && (
        <EmptyState icon={<Inbox size={28} />} title={t('office.inbox.emptyTitle')}>
          {t('office.inbox.emptyBody')}
        </EmptyState>
      )}

      {busy && (
        <section className="card inbox-progress" role="status" data-testid="inbox-progress">
          <p>
            {batch.step === 'uploading'
              ? batch.percent === null
                ? t('office.inbox.preparing')
                : t('office.inbox.uploading', { percent: batch.percent })
              : running && running.total > 0
                ? t('office.inbox.receiving', { done: running.done, total: running.total })
                : t('office.inbox.preparing')}
          </p>
          <ProgressBar
            value={
              batch.step === 'uploading'
                ? batch.percent
                : running && running.total > 0
                  ? Math.round((running.done / running.total) * 100)
                  : null
            }
            label={t('office.inbox.title')}
          />
          {counts && (
            <p className="inbox-counts" data-testid="inbox-running-counts">
              {t('office.inbox.counts', {
                accepted: counts.accepted ?? 0,
                duplicates: counts.duplicates ?? 0,
                refused: counts.refused ?? 0,
              })}
            </p>
          )}
          <button type="button" className="button" onClick={cancel}>
            {t('office.inbox.cancel')}
          </button>
        </section>
      )}

      {batch.step === 'failed' && <ErrorPanel error={batch.error} />}
      {batch.step === 'cancelled' && (
        <p className="notice notice-info" role="status">
          {t('office.inbox.cancelled')}
        </p>
      )}
      {batch.step === 'empty' && (
        <p className="notice notice-info" role="status">
          {t('office.inbox.nothingFound')} {t('office.inbox.skipped', { count: batch.skipped })}
        </p>
      )}
      {batch.step === 'done' && <BatchResults summary={batch.summary} skipped={batch.skipped} />}

      <SubmissionsList />
      <WatchFolderPanel />

      {drop.dragging && !busy && (
        <div className="drop-overlay" aria-hidden>
          <Upload size={22} />
          {t('office.inbox.dropHere')}
        </div>
      )}
    </div>
  );
}

type VerifyReason = (typeof verifyFailureReasons)[number];
const isVerifyReason = (reason: ReceiveRefusalReason): reason is VerifyReason =>
  (verifyFailureReasons as readonly string[]).includes(reason);

/** Why a file was refused, in words: the backend's sentence, else the reason's own. */
function refusalText(item: ReceiveItem, t: TFunction): string {
  if (item.detail) return item.detail;
  const reason = item.reason;
  if (!reason) return '';
  if (isVerifyReason(reason)) return t(`report.verify.reasons.${reason}`, { detail: '' });
  return t(`office.refusal.${reason}`, { detail: '' });
}

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The batch's outcome by file, filterable by outcome. */
export function BatchResults({ summary, skipped }: { summary: ReceiveSummary; skipped: number }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const filterName = useId();
  const shown = useMemo(() => summary.items.filter((item) => filter === 'all' || item.outcome === filter), [summary, filter]);
  const counted: Record<Filter, number> = {
    all: summary.items.length,
    accepted: summary.accepted,
    duplicate: summary.duplicates,
    refused: summary.refused,
  };

  return (
    <section className="card inbox-results" aria-labelledby="inbox-results-title" data-testid="inbox-results">
      <h2 id="inbox-results-title" className="card-title">
        {t('office.inbox.resultsTitle')}
      </h2>
      <p className="inbox-counts" data-testid="inbox-counts">
        {t('office.inbox.counts', { accepted: summary.accepted, duplicates: summary.duplicates, refused: summary.refused })}
      </p>
      {skipped > 0 && <p className="muted">{t('office.inbox.skipped', { count: skipped })}</p>}
      <div className="segmented inbox-filter" role="radiogroup" aria-label={t('office.inbox.filterLabel')}>
        {(['all', 'accepted', 'duplicate', 'refused'] as const).map((value) => (
          <label key={value} className={`segment${filter === value ? ' checked' : ''}`}>
            <input type="radio" name={filterName} value={value} checked={filter === value} onChange={() => setFilter(value)} />
            {value === 'all'
              ? t('office.inbox.filterAll', { count: counted.all })
              : t('office.inbox.filterOutcome', { outcome: t(`office.outcome.${value}`), count: counted[value] })}
          </label>
        ))}
      </div>
      {shown.length === 0 && <p className="muted">{t('office.inbox.noneForFilter')}</p>}
      <ul className="plain-list inbox-items">
        {shown.map((item, index) => (
          <li
            key={`${item.path}-${index}`}
            className={`inbox-item inbox-item-${item.outcome}`}
            data-testid="inbox-item"
            data-outcome={item.outcome}
          >
            <OutcomeLabel outcome={item.outcome} />
            <div className="inbox-item-body">
              <div className="inbox-item-title">
                <strong>{fileName(item.path)}</strong>
                {item.department && (
                  <span>
                    {item.department}
                    {item.period ? ` · ${item.period}` : ''}
                  </span>
                )}
                {item.signer && <TrustLabel trust={item.signer.trust} />}
              </div>
              {item.outcome === 'refused' && <p className="text-danger inbox-reason">{refusalText(item, t)}</p>}
              {item.supersedes && (
                <p className="muted inbox-supersedes">{t('office.inbox.supersedes', { sha: shortSha(item.supersedes) })}</p>
              )}
              {fileName(item.path) !== item.path && <p className="muted inbox-path">{item.path}</p>}
            </div>
            {item.submissionId !== undefined && (
              <a
                className="button button-small"
                href={`#/office/submissions/${item.submissionId}`}
                aria-label={t('office.inbox.openNamed', { name: fileName(item.path) })}
              >
                {t('office.inbox.open')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
