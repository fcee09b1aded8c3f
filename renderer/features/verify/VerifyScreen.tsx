import { Download, FileCheck2, FileSearch, ShieldAlert, ShieldCheck, ShieldQuestion, Upload } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../../shared/api/calls/files';
import type { VerifyOutcome } from '../../../shared/api/calls/reports';
import { formatFingerprint, manifestEntry, signatureEntry, signerKeyEntry } from '../../../shared/report/manifest';
import { signerVerdict, type SignerVerdict } from '../../../shared/report/trust';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { useJob } from '../../api/useJob';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useToasts } from '../../components/Toasts';
import { formatBytes, formatDate, formatDateTime } from '../../components/format';
import { useFileDrop } from '../../platform/file-drop';
import { filesFromDrop, pickFiles, saveOutput } from '../../platform/files';
import { SignerForm } from '../../components/SignerForm';
import './verify.css';
import { ApiCallError } from '../../../shared/api/errors';

type State =
  | { step: 'idle' }
  | { step: 'checking'; name: string; uploaded: number | null }
  | { step: 'done'; outcome: VerifyOutcome; run: number }
  | { step: 'failed'; error: unknown };

/**
 * Opens a received .plreport, checks it like the CLI does, and shows who signed what. A file
 * double-clicked on the desktop arrives as `initialFile` (the app routes it here).
 */
export function VerifyScreen({ initialFile }: { initialFile: FileRef | null }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [state, setState] = useState<State>({ step: 'idle' });
  const runs = useRef(0);
  const job = useJob();
  const runJob = job.run;

  const verify = useCallback(
    async (file: FileRef) => {
      setState({ step: 'checking', name: file.name, uploaded: null });
      try {
        const finished = await runJob(() => call('reports.verify', { fileId: file.id }));
        if (finished.state === 'cancelled') return setState({ step: 'idle' });
        if (finished.result?.kind !== 'report.verify') {
          return setState({
            step: 'failed',
            error: new ApiCallError(finished.error ?? { code: 'internal', messageKey: 'errors.internal', params: {} }),
          });
        }
        // Each verification starts its outcome afresh (the registration form included), even for the same file.
        runs.current += 1;
        setState({ step: 'done', outcome: finished.result.outcome, run: runs.current });
      } catch (error) {
        setState({ step: 'failed', error });
      }
    },
    [runJob],
  );

  // Keyed by id: the route hands over a new object on every render.
  const initialId = initialFile?.id;
  const initial = useRef(initialFile);
  initial.current = initialFile;
  useEffect(() => {
    if (initialId && initial.current) void verify(initial.current);
  }, [initialId, verify]);

  // In a browser the file is uploaded to the dev host first: shown as checking from the start, with the upload's progress.
  const uploading = (sent: number, total: number, name = '') =>
    setState({ step: 'checking', name, uploaded: total ? Math.round((sent / total) * 100) : null });

  async function choose(): Promise<void> {
    try {
      const [file] = await pickFiles('report', { onProgress: uploading });
      if (file) await verify(file);
    } catch (error) {
      setState({ step: 'failed', error });
    }
  }

  const checking = state.step === 'checking';
  const drop = useFileDrop((files) => {
    if (checking) return;
    if (files.length > 1) return toasts.show('error', t('reporting.verify.oneAtATime'));
    void (async () => {
      setState({ step: 'checking', name: files[0]!.name, uploaded: null });
      try {
        const [file] = await filesFromDrop(files, uploading);
        if (file) await verify(file);
      } catch (error) {
        setState({ step: 'failed', error });
      }
    })();
  });

  return (
    <div className="page page-wide verify-page" data-testid="verify-page" {...drop.handlers}>
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('reporting.verify.title')}</h1>
          <p className="page-subtitle">{t('reporting.verify.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => void choose()} disabled={checking}>
            <FileSearch size={16} aria-hidden />
            {t('reporting.verify.open')}
          </button>
        </div>
      </div>
      {state.step === 'idle' && (
        <EmptyState icon={<FileCheck2 size={28} />} title={t('reporting.verify.emptyTitle')}>
          {t('reporting.verify.emptyBody')}
        </EmptyState>
      )}
      {state.step === 'checking' && (
        <div className="muted" role="status">
          {state.uploaded === null ? t('reporting.verify.checking') : t('reporting.verify.uploading', { percent: state.uploaded })}{' '}
          {state.name}
          {state.uploaded !== null && <ProgressBar value={state.uploaded} label={t('reporting.verify.checking')} />}
          {state.uploaded === null && job.job?.state === 'running' && job.job.total > 0 && (
            <>
              <ProgressBar value={Math.round((job.job.done / job.job.total) * 100)} label={t('reporting.verify.checking')} />
              <button type="button" className="button" onClick={() => void job.cancel()}>
                {t('reporting.verify.cancel')}
              </button>
            </>
          )}
        </div>
      )}
      {state.step === 'failed' && <ErrorPanel error={state.error} />}
      {state.step === 'done' && <Outcome key={state.run} outcome={state.outcome} />}
      {drop.dragging && !checking && (
        <div className="drop-overlay" aria-hidden>
          <Upload size={22} />
          {t('reporting.verify.dropHere')}
        </div>
      )}
    </div>
  );
}

const verdictStyle: Record<SignerVerdict, { className: string; Icon: typeof ShieldCheck }> = {
  trusted: { className: 'verdict-good', Icon: ShieldCheck },
  unknown_signer: { className: 'verdict-warn', Icon: ShieldQuestion },
  other_department: { className: 'verdict-bad', Icon: ShieldAlert },
};

function Outcome({ outcome }: { outcome: VerifyOutcome }) {
  const { t, i18n } = useTranslation();
  // Registering here changes the verdict at once; a new verification remounts this (keyed by run).
  const [trustedAs, setTrustedAs] = useState(outcome.ok ? outcome.trustedAs : null);
  if (!outcome.ok) {
    return (
      <section className="verdict verdict-bad" role="alert" data-testid="verdict">
        <ShieldAlert size={28} aria-hidden />
        <div>
          <h2>{t('reporting.verify.broken')}</h2>
          <p>{t(`report.verify.reasons.${outcome.reason}`, { detail: outcome.detail })}</p>
          <p className="muted">{t('reporting.verify.file', { name: outcome.fileName })}</p>
        </div>
      </section>
    );
  }
  const report = outcome.report;
  const verdict = signerVerdict(trustedAs, outcome.department);
  const { className, Icon } = verdictStyle[verdict];
  return (
    <>
      <section
        className={`verdict ${className}`}
        role={verdict === 'trusted' ? 'status' : 'alert'}
        data-testid="verdict"
        data-verdict={verdict}
      >
        <Icon size={28} aria-hidden />
        <div>
          <h2>{t(`reporting.verify.verdicts.${verdict}`)}</h2>
          <p>{t(`reporting.verify.verdictBodies.${verdict}`, { department: outcome.department, trusted: trustedAs ?? '' })}</p>
          <p className="muted">{t('reporting.verify.file', { name: outcome.fileName })}</p>
        </div>
      </section>
      <div className="verify-columns">
        <section className="card" aria-labelledby="verify-signer">
          <h2 id="verify-signer" className="card-title">
            {t('reporting.verify.signer')}
          </h2>
          <pre className="fingerprint" data-testid="verify-fingerprint">
            {formatFingerprint(outcome.fingerprint, 8)}
          </pre>
          {verdict === 'trusted' && <p className="text-success">{t('reporting.verify.trustedAs', { department: trustedAs })}</p>}
          {verdict === 'other_department' && (
            <p className="text-danger">{t('reporting.verify.registeredElsewhere', { department: trustedAs })}</p>
          )}
          {verdict === 'unknown_signer' && (
            <>
              <p className="field-hint">{t('reporting.verify.untrusted')}</p>
              <SignerForm expected={outcome.fingerprint} initialDepartment={outcome.department} onRegistered={setTrustedAs} />
            </>
          )}
        </section>
        {report && (
          <section className="card" aria-labelledby="verify-facts">
            <h2 id="verify-facts" className="card-title">
              {t('reporting.verify.report')}
            </h2>
            <dl className="facts">
              <dt>{t('reporting.verify.department')}</dt>
              <dd>{outcome.department}</dd>
              <dt>{t('reporting.verify.period')}</dt>
              <dd>
                {report.period.label} · {formatDate(report.period.from, i18n.language)} – {formatDate(report.period.to, i18n.language)}
              </dd>
              <dt>{t('reporting.verify.plan')}</dt>
              <dd>
                {report.plan.title} {report.plan.docNumber}
              </dd>
              <dt>{t('reporting.verify.generatedAt')}</dt>
              <dd>{formatDateTime(report.generatedAt, i18n.language)}</dd>
            </dl>
          </section>
        )}
      </div>
      {!report && <p className="notice notice-warning">{t('reporting.verify.unreadable')}</p>}
      {report && <ReportPreview verifiedId={outcome.verifiedId} />}
      <PackageFiles verifiedId={outcome.verifiedId} files={outcome.files} />
    </>
  );
}

/**
 * A verified package's report.html in a sandboxed frame (no scripts, no same origin): the
 * verify screen's and the office's submission view's preview alike.
 */
export function ReportPreview({ verifiedId }: { verifiedId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card report-preview" aria-label={t('reporting.verify.report')}>
      <iframe title={t('reporting.verify.report')} sandbox="" src={`/preview/verified/${encodeURIComponent(verifiedId)}/report.html`} />
    </section>
  );
}

/** The report's own files in a package, described beside their names (“report.docx(Word 版报告)”). */
const reportFileKinds: Readonly<Record<string, 'html' | 'csv' | 'json' | 'docx' | 'pem' | 'manifest' | 'signature'>> = {
  'report.html': 'html',
  'report.csv': 'csv',
  'report.json': 'json',
  'report.docx': 'docx',
  [signerKeyEntry]: 'pem',
  [manifestEntry]: 'manifest',
  [signatureEntry]: 'signature',
};

/** Every file the package lists, each of which can be saved on its own (checked again as it is taken out). */
export function PackageFiles({ verifiedId, files }: { verifiedId: string; files: { path: string; size: number }[] }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const [saving, setSaving] = useState<string | null>(null);

  async function save(path: string): Promise<void> {
    const name = path.slice(path.lastIndexOf('/') + 1);
    setSaving(path);
    try {
      // The Word report saves through the .docx dialog (its filter and title); other files as evidence does.
      const outcome = await saveOutput(name.toLowerCase().endsWith('.docx') ? 'docx' : 'evidence', name, async (targetId) => {
        const { download } = await call('reports.saveVerifiedFile', { verifiedId, path, targetId });
        return { download };
      });
      if (outcome === 'saved') toasts.show('success', t('reporting.verify.fileSaved', { name }));
    } catch (error) {
      toasts.show('error', userMessage(error, t));
    } finally {
      setSaving(null);
    }
  }

  return (
    <details className="card verify-files">
      <summary>{t('reporting.verify.files', { count: files.length })}</summary>
      <p className="field-hint">{t('reporting.verify.filesHint')}</p>
      <ul className="plain-list verify-file-list">
        {files.map((file) => (
          <li key={file.path} data-testid="verify-file">
            <span className="verify-file-name">
              <code>{file.path}</code>
              {reportFileKinds[file.path] && (
                <span className="muted">
                  {t('reporting.verify.fileKind', { kind: t(`reporting.verify.fileKinds.${reportFileKinds[file.path]!}`) })}
                </span>
              )}
            </span>
            <span className="muted">{formatBytes(file.size, i18n.language)}</span>
            <button
              type="button"
              className="button button-small"
              disabled={saving !== null}
              aria-label={t('reporting.verify.saveFileNamed', { path: file.path })}
              onClick={() => void save(file.path)}
            >
              <Download size={14} aria-hidden />
              {saving === file.path ? t('reporting.verify.savingFile') : t('reporting.verify.saveFile')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
