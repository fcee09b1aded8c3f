import { ExternalLink, Paperclip, Trash2, Upload, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxEvidenceBytes, maxEvidenceLabel } from '../../../shared/api/calls/evidence';
import type { FileRef } from '../../../shared/api/calls/files';
import type { Attachment, MeasureDetail } from '../../../shared/api/calls/workspace';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { refreshAfterWrite } from '../../api/queries';
import { useJob } from '../../api/useJob';
import { InlineConfirm } from '../../components/InlineConfirm';
import { ProgressBar } from '../../components/ProgressBar';
import { useToasts } from '../../components/Toasts';
import { formatBytes, formatDateTime } from '../../components/format';
import { useFileDrop } from '../../platform/file-drop';
import { filesFromDrop, pickFiles, startDownload, type UploadProgress } from '../../platform/files';
import { EvidenceIcon } from './EvidenceIcon';
import { setEvidenceBusy, useAttachRequests, type AttachRequest } from './evidenceBus';
import './evidence.css';
import { ApiCallError } from '../../../shared/api/errors';

/** What is moving right now: the browser upload, then the backend's copy into the data folder. */
interface Transfer {
  phase: 'upload' | 'store';
  name: string;
  done: number;
  total: number;
  /** 1-based position in a batch of several files (0 while uploading). */
  index: number;
  count: number;
}

const tooLarge = (): ApiCallError =>
  new ApiCallError({ code: 'file.too_large', messageKey: 'errors.file.too_large', params: { max: maxEvidenceLabel } });

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Hands a prepared download (browser) to the browser's download manager. */

/**
 * The measure's evidence: a list with open and remove, an add button, and the whole card as
 * a drop zone. Files are copied by a backend job whose progress shows here, with cancel.
 */
export function EvidenceSection({ detail }: { detail: MeasureDetail }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const { job, run: runJob, cancel: cancelJob, reset: resetJob } = useJob();
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  /** From the click to the end, the file chooser and an empty answer included. */
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const active = useRef<AbortController | null>(null);
  const measureCode = detail.measure.code;
  const { attachments, tasks } = detail;

  useEffect(() => {
    setEvidenceBusy(busy);
  }, [busy]);
  useEffect(() => () => setEvidenceBusy(false), []);

  const attach = useCallback(
    async (request: AttachRequest) => {
      if (active.current) {
        toasts.show('error', t('evidence.busy'));
        return;
      }
      const controller = new AbortController();
      active.current = controller;
      setBusy(true);
      const onProgress: UploadProgress = (sent, total, name) =>
        setTransfer({ phase: 'upload', name: name ?? '', done: sent, total, index: 0, count: 0 });
      const added: Attachment[] = [];
      let cancelled = false;
      try {
        let refs: FileRef[];
        if (request.files) {
          if (request.files.some((file) => file.size > maxEvidenceBytes)) throw tooLarge();
          refs = await filesFromDrop(request.files, onProgress, controller.signal);
          // Desktop: things dragged from a web page or another program may have no file behind them.
          if (refs.length < request.files.length)
            toasts.show('error', t('evidence.notFromDisk', { count: request.files.length - refs.length }));
        } else {
          refs = await pickFiles('evidence', { multiple: true, onProgress, signal: controller.signal });
        }
        for (const [index, ref] of refs.entries()) {
          if (controller.signal.aborted) break;
          setTransfer({ phase: 'store', name: ref.name, done: 0, total: ref.size, index: index + 1, count: refs.length });
          let final;
          try {
            final = await runJob(() => call('evidence.add', { fileId: ref.id, measureCode, taskId: request.taskId }));
          } catch (error) {
            // Refused up front (too large, a folder, …): say why and go on with the others.
            if (controller.signal.aborted) break;
            toasts.show('error', userMessage(error, t));
            continue;
          }
          if (final.state === 'done' && final.result?.kind === 'evidence.add') added.push(final.result.attachment);
          else if (final.state === 'failed' && final.error) toasts.show('error', userMessage(new ApiCallError(final.error), t));
          if (final.state === 'cancelled') break;
          // Each file shows up in the list as soon as it is stored.
          await refreshAfterWrite();
        }
        cancelled = controller.signal.aborted;
      } catch (error) {
        if (controller.signal.aborted || isAbort(error)) cancelled = true;
        else toasts.show('error', userMessage(error, t));
      } finally {
        active.current = null;
        resetJob();
        setTransfer(null);
        setBusy(false);
      }
      if (cancelled && added.length === 0) toasts.show('success', t('evidence.cancelled'));
      else if (added.length === 1) toasts.show('success', t('evidence.added', { name: added[0]?.name ?? '' }));
      else if (added.length > 1) toasts.show('success', t('evidence.addedMany', { count: added.length }));
    },
    [runJob, resetJob, measureCode, t, toasts],
  );

  useAttachRequests((request) => void attach(request));

  const cancel = () => {
    active.current?.abort();
    cancelJob().catch(() => undefined);
  };

  async function open(attachment: Attachment) {
    try {
      const { download, shownInFolder } = await call('evidence.open', { id: attachment.id });
      if (download) startDownload(download.downloadId, download.name);
      // A program or script is never run from here: it was shown in its folder, and the user is told why.
      if (shownInFolder) toasts.show('error', t('evidence.shownInFolder', { name: attachment.name }));
    } catch (error) {
      toasts.show('error', userMessage(error, t));
    }
  }

  async function remove(attachment: Attachment) {
    setConfirming(null);
    try {
      await call('evidence.remove', { id: attachment.id });
      toasts.show('success', t('evidence.removed', { name: attachment.name }));
    } catch (error) {
      toasts.show('error', userMessage(error, t));
    }
    await refreshAfterWrite();
  }

  const drop = useFileDrop((files) => void attach({ taskId: null, files }));

  const taskText = (taskId: number | null) => (taskId === null ? null : (tasks.find((task) => task.id === taskId)?.text ?? null));
  const shown =
    transfer && transfer.phase === 'store' && job?.state === 'running' ? { ...transfer, done: job.done, total: job.total } : transfer;
  const percent = shown && shown.total > 0 ? Math.min(100, Math.floor((shown.done / shown.total) * 100)) : shown ? 0 : null;

  return (
    <section
      className={`card evidence-card${drop.dragging ? ' evidence-dragging' : ''}`}
      aria-labelledby="evidence-title"
      data-testid="evidence-section"
      {...drop.handlers}
    >
      <h2 id="evidence-title" className="card-title evidence-title">
        <Paperclip size={16} aria-hidden />
        {t('evidence.title')}
        <span className="badge">{t('evidence.count', { count: attachments.length })}</span>
        <button type="button" className="button button-small" disabled={busy} onClick={() => void attach({ taskId: null })}>
          <Upload size={14} aria-hidden />
          {t('evidence.add')}
        </button>
      </h2>

      {shown && percent !== null && (
        <div className="evidence-transfer" data-testid="evidence-progress">
          <div className="evidence-transfer-line">
            <span className="evidence-transfer-name">
              {t(shown.phase === 'upload' ? 'evidence.uploading' : 'evidence.storing', { name: shown.name })}
              {shown.count > 1 && <span className="muted"> · {t('evidence.ofFiles', { index: shown.index, count: shown.count })}</span>}
            </span>
            <span className="evidence-transfer-percent">{t('evidence.percent', { percent })}</span>
            <button type="button" className="button button-small" aria-label={t('evidence.cancelLabel')} onClick={cancel}>
              <X size={14} aria-hidden />
              {t('evidence.cancel')}
            </button>
          </div>
          <ProgressBar
            value={percent}
            label={t(shown.phase === 'upload' ? 'evidence.uploading' : 'evidence.storing', { name: shown.name })}
          />
        </div>
      )}

      {attachments.length === 0 ? (
        <p className="muted evidence-empty">{t('evidence.empty')}</p>
      ) : (
        <ul className="evidence-list" aria-label={t('evidence.listLabel')}>
          {attachments.map((attachment) => {
            const task = taskText(attachment.taskId);
            return (
              <li key={attachment.id} className="evidence-row" data-testid="evidence-row" data-attachment-id={attachment.id}>
                <EvidenceIcon mediaType={attachment.mediaType} />
                <div className="evidence-main">
                  <span className="evidence-name" title={attachment.name}>
                    {attachment.name}
                  </span>
                  <span className="evidence-meta">
                    <span data-testid="evidence-size">{formatBytes(attachment.size, i18n.language)}</span>
                    <span>{formatDateTime(attachment.addedAt, i18n.language)}</span>
                    <span className={`evidence-owner${task ? ' evidence-owner-task' : ''}`} title={task ?? undefined}>
                      {task ? t('evidence.forTask', { task }) : t('evidence.measureLevel')}
                    </span>
                  </span>
                </div>
                {confirming === attachment.id ? (
                  <InlineConfirm
                    question={t('evidence.confirmRemove', { name: attachment.name })}
                    confirmLabel={t('evidence.confirmYes')}
                    cancelLabel={t('evidence.keep')}
                    busy={false}
                    danger
                    onConfirm={() => void remove(attachment)}
                    onCancel={() => setConfirming(null)}
                  />
                ) : (
                  <div className="evidence-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('evidence.openLabel', { name: attachment.name })}
                      onClick={() => void open(attachment)}
                    >
                      <ExternalLink size={14} aria-hidden />
                      {t('evidence.open')}
                    </button>
                    <button
                      type="button"
                      className="button button-small evidence-remove"
                      aria-label={t('evidence.removeLabel', { name: attachment.name })}
                      onClick={() => setConfirming(attachment.id)}
                    >
                      <Trash2 size={14} aria-hidden />
                      {t('evidence.remove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="field-hint evidence-hint">{t('evidence.hint')}</p>

      {drop.dragging && (
        <div className="drop-overlay" aria-hidden>
          <Upload size={22} />
          {t('evidence.dropHere')}
        </div>
      )}
    </section>
  );
}
