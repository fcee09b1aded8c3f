import { CheckCircle2, FileUp, Upload } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../shared/api/calls/files';
import type { ColumnMapping, ImportOutcome, ImportPreview } from '../../../shared/api/calls/ledger';
import { ApiCallError } from '../../../shared/api/errors';
import { percentDone } from '../../../shared/workspace/progress';
import { call } from '../../api/client';
import { refreshAfterWrite } from '../../api/queries';
import { useJob } from '../../api/useJob';
import { href } from '../../app/router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useToasts } from '../../components/Toasts';
import { useFileDrop } from '../../platform/file-drop';
import { filesFromDrop, pickFiles, type UploadProgress } from '../../platform/files';
import { mappingRefusal } from './columns';
import { LedgerExport } from './LedgerExport';
import './ledger.css';
import { problemText, problemsShownAtFirst, SheetPreview } from './SheetPreview';

type ImportState =
  | { step: 'idle' }
  /** The chosen or dropped file being uploaded (percent) or read. */
  | { step: 'reading'; percent: number | null }
  | { step: 'preview'; fileId: string; preview: ImportPreview; mapping: ColumnMapping; updating: boolean }
  | { step: 'importing'; fileId: string; preview: ImportPreview; mapping: ColumnMapping }
  | { step: 'done'; outcome: ImportOutcome };

/**
 * The ledger at the spreadsheet border. Export: the whole ledger as .xlsx. Import: a sheet
 * chosen or dropped anywhere on the screen is previewed (nothing changes yet); the mapping
 * or worksheet can be changed and the preview follows; Import runs as a job with progress
 * and Stop, and ends with what it did. A refused file is said in one sentence and the
 * screen stays as it was.
 */
export function LedgerScreen() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const job = useJob();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  /** Why the last step failed (a refused file, a refused mapping, a failed import): shown, the screen stays usable. */
  const [problem, setProblem] = useState<unknown>(null);
  /** Numbers the previews asked for: an answer to an older question (the user changed the mapping again) is dropped. */
  const latestPreview = useRef(0);
  const inFlight = useRef(false);
  const previewHeading = useRef<string | null>(null);
  const busy = state.step === 'reading' || state.step === 'importing';

  useEffect(() => {
    // Keyboard users land on what appeared: the preview's heading, or the summary.
    if (state.step === 'preview' && previewHeading.current !== state.fileId) {
      previewHeading.current = state.fileId;
      document.querySelector('[data-testid="ledger-preview"]')?.scrollIntoView({ block: 'start' });
      document.getElementById('ledger-preview-title')?.focus({ preventScroll: true });
    }
    if (state.step === 'done') document.getElementById('ledger-done-title')?.focus();
    if (state.step === 'idle') previewHeading.current = null;
  }, [state]);

  async function open(choose: (progress: UploadProgress) => Promise<FileRef[]>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setProblem(null);
    const previous = state;
    try {
      const [file] = await choose((sent, total) => setState({ step: 'reading', percent: total ? percentDone(sent, total) : null }));
      if (!file) return setState(previous.step === 'reading' ? { step: 'idle' } : previous);
      setState({ step: 'reading', percent: null });
      latestPreview.current += 1;
      const preview = await call('ledger.previewImport', { fileId: file.id, sheet: null, mapping: null });
      setState({ step: 'preview', fileId: file.id, preview, mapping: preview.mapping, updating: false });
    } catch (error) {
      setState({ step: 'idle' });
      setProblem(error);
    } finally {
      inFlight.current = false;
    }
  }

  const drop = useFileDrop((files) => {
    if (busy || inFlight.current) return;
    if (files.length > 1) return toasts.show('error', t('ledger.import.oneAtATime'));
    void open(async (progress) => {
      setState({ step: 'reading', percent: null });
      return filesFromDrop(files, progress);
    });
  });

  /** Previews again with another mapping or worksheet (null mapping: guess from the new sheet's headings). */
  async function repreview(fileId: string, sheet: string, mapping: ColumnMapping | null): Promise<void> {
    const asked = ++latestPreview.current;
    setProblem(null);
    try {
      const preview = await call('ledger.previewImport', { fileId, sheet, mapping });
      if (asked !== latestPreview.current) return;
      setState((current) =>
        current.step === 'preview' ? { ...current, preview, mapping: mapping ?? preview.mapping, updating: false } : current,
      );
    } catch (error) {
      if (asked !== latestPreview.current) return;
      setState((current) => (current.step === 'preview' ? { ...current, updating: false } : current));
      setProblem(error);
    }
  }

  function changeMapping(mapping: ColumnMapping): void {
    if (state.step !== 'preview') return;
    // An incomplete or doubled mapping is explained beside Import; asking the backend would only refuse it.
    const ready = mappingRefusal(mapping, state.preview.columns, t) === null;
    if (!ready) latestPreview.current += 1;
    setState({ ...state, mapping, updating: ready });
    if (ready) void repreview(state.fileId, state.preview.sheet, mapping);
  }

  function changeSheet(sheet: string): void {
    if (state.step !== 'preview') return;
    setState({ ...state, updating: true });
    void repreview(state.fileId, sheet, null);
  }

  async function runImport(): Promise<void> {
    if (state.step !== 'preview') return;
    const { fileId, preview, mapping } = state;
    setProblem(null);
    setState({ step: 'importing', fileId, preview, mapping });
    try {
      const finished = await job.run(() => call('ledger.import', { fileId, sheet: preview.sheet, mapping }));
      if (finished.state === 'done' && finished.result?.kind === 'ledger.import') {
        setState({ step: 'done', outcome: finished.result.outcome });
      } else {
        setState({ step: 'preview', fileId, preview, mapping, updating: false });
        setProblem(
          finished.state === 'cancelled' ? t('errors.ledger.cancelled') : finished.error ? new ApiCallError(finished.error) : null,
        );
      }
    } catch (error) {
      setState({ step: 'preview', fileId, preview, mapping, updating: false });
      setProblem(error);
    } finally {
      job.reset();
      // The measure pages, the dashboard and the history show the imported tasks.
      await refreshAfterWrite();
    }
  }

  const percent = job.job && job.job.total > 0 ? percentDone(job.job.done, job.job.total) : null;
  return (
    <div className="page page-wide ledger-page" data-testid="ledger-page" {...drop.handlers}>
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('ledger.title')}</h1>
          <p className="page-subtitle">{t('ledger.subtitle')}</p>
        </div>
      </div>

      <LedgerExport />

      <section className="card ledger-card" aria-labelledby="ledger-import-title">
        <h2 id="ledger-import-title" className="card-title">
          <FileUp size={16} aria-hidden />
          {t('ledger.import.title')}
        </h2>
        <p className="field-hint">{t('ledger.import.hint')}</p>
        <div className="ledger-card-actions">
          <button
            type="button"
            className={`button${state.step === 'idle' || state.step === 'done' ? ' button-primary' : ''}`}
            disabled={busy}
            onClick={() => void open((progress) => pickFiles('sheet', { onProgress: progress }))}
          >
            <FileUp size={16} aria-hidden />
            {t('ledger.import.choose')}
          </button>
        </div>
        {state.step === 'reading' && (
          <div className="ledger-job" role="status">
            {state.percent === null ? t('ledger.import.reading') : t('ledger.import.uploading', { percent: state.percent })}
            <ProgressBar value={state.percent} label={t('ledger.import.reading')} />
          </div>
        )}
        {problem !== null && <ImportProblemPanel problem={problem} />}
        {state.step === 'done' && <ImportSummary outcome={state.outcome} onAgain={() => setState({ step: 'idle' })} />}
      </section>

      {(state.step === 'preview' || state.step === 'importing') && (
        <>
          {state.step === 'importing' && (
            <div className="card ledger-job" role="status">
              <p>{t('ledger.running.working', { percent: percent ?? 0 })}</p>
              <ProgressBar value={percent} label={t('ledger.running.working', { percent: percent ?? 0 })} />
              <button type="button" className="button button-small" onClick={() => void job.cancel()}>
                {t('ledger.running.stop')}
              </button>
            </div>
          )}
          <fieldset className="ledger-preview-frame" disabled={state.step === 'importing'}>
            <SheetPreview
              preview={state.preview}
              mapping={state.mapping}
              updating={state.step === 'importing' || state.updating}
              onMappingChange={changeMapping}
              onSheetChange={changeSheet}
              onImport={() => void runImport()}
              onCancel={() => {
                latestPreview.current += 1;
                setProblem(null);
                setState({ step: 'idle' });
              }}
            />
          </fieldset>
        </>
      )}

      {drop.dragging && !busy && (
        <div className="drop-overlay" aria-hidden>
          <Upload size={22} />
          {t('ledger.import.dropHere')}
        </div>
      )}
    </div>
  );
}

/** A refusal in words: an error from the backend, or a sentence already worded here. */
function ImportProblemPanel({ problem }: { problem: unknown }) {
  const { t } = useTranslation();
  if (typeof problem === 'string') {
    return (
      <p className="notice notice-warning" role="alert">
        {problem}
      </p>
    );
  }
  return (
    <div className="ledger-refusal" data-testid="ledger-refusal">
      <p className="visually-hidden">{t('ledger.import.failed')}</p>
      <ErrorPanel error={problem} />
    </div>
  );
}

function ImportSummary({ outcome, onAgain }: { outcome: ImportOutcome; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <div className="ledger-summary" role="status" data-testid="ledger-import-done">
      <h3 id="ledger-done-title" className="ledger-summary-title" tabIndex={-1}>
        <CheckCircle2 size={18} aria-hidden />
        {t('ledger.done.title')}
      </h3>
      <p>
        {t('ledger.done.summary', {
          added: count.format(outcome.added),
          updated: count.format(outcome.updated),
          unchanged: count.format(outcome.unchanged),
        })}
      </p>
      {outcome.problems.length > 0 && (
        <details>
          <summary>{t('ledger.done.problems', { count: outcome.problems.length })}</summary>
          <ul className="plain-list ledger-problems-scroll">
            {outcome.problems.slice(0, problemsShownAtFirst).map((problem) => (
              <li key={`${problem.row}-${problem.code}`}>{problemText(problem, t)}</li>
            ))}
          </ul>
          {outcome.problems.length > problemsShownAtFirst && (
            <p className="muted">{t('ledger.preview.more', { count: count.format(outcome.problems.length - problemsShownAtFirst) })}</p>
          )}
        </details>
      )}
      <p className="ledger-card-actions">
        <a className="button" href={href('/')}>
          {t('ledger.done.open')}
        </a>
        <button type="button" className="button" onClick={onAgain}>
          {t('ledger.done.again')}
        </button>
      </p>
    </div>
  );
}
