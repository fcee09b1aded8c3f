import { CircleAlert, Download, FileUp, Star, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../shared/api/calls/files';
import { MAX_PASTED_CHARS, type PlanPreview, type PlanSummary } from '../../../shared/api/calls/plan';
import { planFileName } from '../../../shared/plan';
import { percentDone } from '../../../shared/workspace/progress';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useToasts } from '../../components/Toasts';
import { formatDate, formatDateTime } from '../../components/format';
import { useFileDrop } from '../../platform/file-drop';
import { ImportPreview } from './ImportPreview';
import { PasteBox } from './PasteBox';
import { filesFromDrop, pickFiles, saveOutput, type UploadProgress } from '../../platform/files';
import { navigate } from '../../app/router';
import './plans.css';

type ImportState =
  | { step: 'idle' }
  /** A chosen or dropped file being uploaded (percent) or read; or pasted text being read. */
  | { step: 'reading'; source: 'file' | 'paste'; percent: number | null }
  | { step: 'preview'; preview: PlanPreview };

/**
 * The plans loaded so far, and importing a new one: a file chosen, a file dropped anywhere on
 * the screen, or the plan's text pasted; each is previewed before anything is imported.
 */
export function PlansScreen() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const plans = useCall('plans.list', {});
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  /** Why the last preview could not be made, in words; cleared by the next attempt. */
  const [importError, setImportError] = useState<string | null>(null);
  /** The paste box's text, kept while a preview is shown so Cancel brings it back. */
  const pasted = useRef('');
  /** Whether the preview on screen is of the pasted text (imported, the box is emptied). */
  const previewedPaste = useRef(false);
  /** Set while a preview is being made: a second click or drop before React re-renders is not sent. */
  const inFlight = useRef(false);
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));
  const reading = state.step === 'reading';

  const activate = useCallMutation('plans.activate', {
    onSuccess: (plan) => toasts.show('success', t('plans.activated', { title: plan.title })),
  });
  const confirm = useCallMutation('plans.import', {
    onSuccess: ({ plan }) => {
      toasts.show('success', t('plans.preview.imported', { title: plan.title, measures: plan.measureCount }));
      if (previewedPaste.current) pasted.current = '';
      setState({ step: 'idle' });
      navigate('/');
    },
  });

  /**
   * Runs one preview at a time (a second file or paste meanwhile is ignored); `read` shows
   * the reading state itself, so a file chooser still open is not shown as reading.
   */
  async function preview(source: 'file' | 'paste', read: () => Promise<PlanPreview | null>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setImportError(null);
    try {
      const result = await read();
      previewedPaste.current = source === 'paste';
      setState(result ? { step: 'preview', preview: result } : { step: 'idle' });
    } catch (error) {
      setState({ step: 'idle' });
      setImportError(userMessage(error, t));
    } finally {
      inFlight.current = false;
    }
  }

  const uploading: UploadProgress = (sent, total) =>
    setState({ step: 'reading', source: 'file', percent: total ? percentDone(sent, total) : null });

  const previewFile = async (file: FileRef | undefined): Promise<PlanPreview | null> => {
    if (!file) return null;
    setState({ step: 'reading', source: 'file', percent: null });
    return call('plans.preview', { fileId: file.id });
  };

  const chooseFile = () => void preview('file', async () => previewFile((await pickFiles('plan', { onProgress: uploading }))[0]));

  const previewPaste = (text: string) =>
    void preview('paste', () => {
      setState({ step: 'reading', source: 'paste', percent: null });
      return call('plans.previewText', {
        text,
        name: t('plans.import.pastedName', { date: formatDateTime(new Date().toISOString(), i18n.language) }),
      });
    });

  const tooLong = (chars: number) => {
    const format = new Intl.NumberFormat(i18n.language);
    setImportError(t('plans.import.tooLong', { formatted: format.format(chars), max: format.format(MAX_PASTED_CHARS) }));
  };

  const drop = useFileDrop((files) => {
    if (inFlight.current) return;
    if (files.length > 1) return toasts.show('error', t('plans.import.oneAtATime'));
    void preview('file', async () => {
      setState({ step: 'reading', source: 'file', percent: null });
      return previewFile((await filesFromDrop(files, uploading))[0]);
    });
  });

  async function exportPlan(plan: PlanSummary): Promise<void> {
    try {
      const outcome = await saveOutput('plan', planFileName(plan.title), (targetId) => call('plans.export', { planId: plan.id, targetId }));
      if (outcome === 'saved') toasts.show('success', t('plans.exported'));
    } catch (error) {
      fail(error);
    }
  }

  if (state.step === 'preview') {
    return (
      <ImportPreview
        preview={state.preview}
        busy={confirm.isPending || activate.isPending}
        onCancel={() => setState({ step: 'idle' })}
        onConfirm={() => confirm.mutate({ previewId: state.preview.previewId }, { onError: fail })}
        onSwitch={(planId) =>
          activate.mutate(
            { planId },
            {
              onSuccess: () => {
                setState({ step: 'idle' });
                navigate('/');
              },
              onError: fail,
            },
          )
        }
      />
    );
  }

  return (
    <div className="page page-wide plans-page" data-testid="plans-page" {...drop.handlers}>
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('plans.title')}</h1>
          <p className="page-subtitle">{t('plans.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={chooseFile} disabled={reading}>
            <FileUp size={16} aria-hidden />
            {t('plans.importButton')}
          </button>
        </div>
      </div>

      {plans.isPending && <Loading />}
      {plans.isError && <ErrorPanel error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data && (
        <ul className="plan-list">
          {plans.data.plans.map((plan) => {
            const isActive = plan.id === plans.data.activeId;
            return (
              <li key={plan.id} className={`card plan-card${isActive ? ' plan-card-active' : ''}`}>
                <div className="plan-card-main">
                  <h2 className="plan-card-title">
                    {plan.title}
                    {isActive && (
                      <span className="badge badge-primary">
                        <Star size={12} aria-hidden />
                        {t('plans.active')}
                      </span>
                    )}
                  </h2>
                  <p className="plan-card-meta">
                    {plan.docNumber && <span>{plan.docNumber}</span>}
                    {plan.issuer && plan.issuedOn && (
                      <span>{t('plans.issuedBy', { issuer: plan.issuer, date: formatDate(plan.issuedOn, i18n.language) })}</span>
                    )}
                  </p>
                  <p className="plan-card-meta muted">
                    <span>{t('plans.measures', { count: plan.measureCount })}</span>
                    <span>{t('plans.departments', { count: plan.departmentCount })}</span>
                    <span>{t('plans.importedAt', { date: formatDate(plan.importedAt, i18n.language) })}</span>
                    <span>{t('plans.source', { name: plan.sourceName })}</span>
                  </p>
                </div>
                <div className="plan-card-actions">
                  {!isActive && (
                    <button type="button" className="button" onClick={() => activate.mutate({ planId: plan.id }, { onError: fail })}>
                      {t('plans.activate')}
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => void exportPlan(plan)}>
                    <Download size={16} aria-hidden />
                    {t('plans.export')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <section className="card import-card" aria-labelledby="import-title">
        <h2 id="import-title" className="card-title">
          <FileUp size={16} aria-hidden />
          {t('plans.import.title')}
        </h2>
        <p className="import-formats">{t('plans.importHint')}</p>
        {state.step === 'reading' && state.source === 'file' && (
          <div className="import-reading" role="status">
            {state.percent === null ? t('plans.reading') : t('plans.uploading', { percent: state.percent })}
            <ProgressBar value={state.percent} label={t('plans.reading')} />
          </div>
        )}
        <PasteBox
          initialText={pasted.current}
          busy={reading}
          onPreview={previewPaste}
          onTooLong={tooLong}
          onChange={(text) => (pasted.current = text)}
        />
        {importError && (
          <div className="import-error" role="alert">
            <CircleAlert size={18} aria-hidden />
            <div>
              <strong>{t('plans.import.failed')}</strong>
              <p>{importError}</p>
            </div>
          </div>
        )}
      </section>

      {drop.dragging && !reading && (
        <div className="drop-overlay" aria-hidden>
          <Upload size={22} />
          {t('plans.import.dropHere')}
        </div>
      )}
    </div>
  );
}
