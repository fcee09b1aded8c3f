import { FileSearch, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileRef } from '../../shared/api/calls/files';
import type { VerifyOutcome } from '../../shared/api/calls/reports';
import { formatFingerprint } from '../../shared/report/manifest';
import { call } from '../api/client';
import { errorMessage } from '../api/errors';
import { useCallMutation } from '../api/queries';
import { ErrorPanel } from '../components/ErrorPanel';
import { useToasts } from '../components/Toasts';
import { formatBytes, formatDate, formatDateTime } from '../format';
import { pickFiles } from '../platform/files';

type State = { step: 'idle' } | { step: 'checking'; name: string } | { step: 'done'; outcome: VerifyOutcome } | { step: 'failed'; error: unknown };

/**
 * Opens a received .plreport, checks it like the CLI does, and shows who signed what. A file
 * double-clicked on the desktop arrives as `initialFile` (the app routes it here).
 */
export function VerifyScreen({ initialFile }: { initialFile: FileRef | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });

  const verify = useCallback(async (file: FileRef) => {
    setState({ step: 'checking', name: file.name });
    try {
      setState({ step: 'done', outcome: await call('reports.verify', { fileId: file.id }) });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  }, []);

  // Keyed by id: the route hands over a new object on every render.
  const initialId = initialFile?.id;
  const initial = useRef(initialFile);
  initial.current = initialFile;
  useEffect(() => {
    if (initialId && initial.current) void verify(initial.current);
  }, [initialId, verify]);

  async function choose(): Promise<void> {
    try {
      const [file] = await pickFiles('report');
      if (file) await verify(file);
    } catch (error) {
      setState({ step: 'failed', error });
    }
  }

  return (
    <div className="page page-wide verify-page">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('reporting.verify.title')}</h1>
          <p className="page-subtitle">{t('reporting.verify.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => void choose()} disabled={state.step === 'checking'}>
            <FileSearch size={16} aria-hidden />
            {t('reporting.verify.open')}
          </button>
        </div>
      </div>
      {state.step === 'checking' && (
        <p className="muted" role="status">
          {t('reporting.verify.checking')} {state.name}
        </p>
      )}
      {state.step === 'failed' && <ErrorPanel error={state.error} />}
      {state.step === 'done' && <Outcome outcome={state.outcome} />}
    </div>
  );
}

function Outcome({ outcome }: { outcome: VerifyOutcome }) {
  const { t, i18n } = useTranslation();
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
  return (
    <>
      <section className="verdict verdict-good" role="status" data-testid="verdict">
        <ShieldCheck size={28} aria-hidden />
        <div>
          <h2>{t('reporting.verify.intact')}</h2>
          <p>{t('reporting.verify.intactBody')}</p>
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
          <Trust outcome={outcome} claimed={report?.department ?? ''} />
        </section>
        {report && (
          <section className="card" aria-labelledby="verify-facts">
            <h2 id="verify-facts" className="card-title">
              {t('reporting.verify.report')}
            </h2>
            <dl className="facts">
              <dt>{t('reporting.verify.department')}</dt>
              <dd>{report.department}</dd>
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
      {report && (
        <section className="card report-preview" aria-label={t('reporting.verify.report')}>
          <iframe title={t('reporting.verify.report')} sandbox="" src={`/preview/verified/${encodeURIComponent(outcome.verifiedId)}/report.html`} />
        </section>
      )}
      <details className="card verify-files">
        <summary>{t('reporting.verify.files', { count: outcome.files.length })}</summary>
        <ul className="plain-list">
          {outcome.files.map((file) => (
            <li key={file.path}>
              <code>{file.path}</code> <span className="muted">{formatBytes(file.size, i18n.language)}</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

function Trust({ outcome, claimed }: { outcome: Extract<VerifyOutcome, { ok: true }>; claimed: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [department, setDepartment] = useState(claimed);
  const departmentId = useId();
  const [trustedAs, setTrustedAs] = useState(outcome.trustedAs);
  const trust = useCallMutation('reports.trust', {
    onSuccess: () => {
      setTrustedAs(department.trim());
      toasts.show('success', t('reporting.verify.registered'));
    },
  });
  if (trustedAs) {
    return (
      <>
        <p className="text-success">{t('reporting.verify.trustedAs', { department: trustedAs })}</p>
        {claimed && claimed !== trustedAs && <p className="text-danger">{t('reporting.verify.mismatch', { claimed, trusted: trustedAs })}</p>}
      </>
    );
  }
  return (
    <form
      className="trust-form"
      onSubmit={(event) => {
        event.preventDefault();
        trust.mutate(
          { fingerprint: outcome.fingerprint, department: department.trim() },
          { onError: (error) => toasts.show('error', errorMessage(error, t)) },
        );
      }}
    >
      <p className="text-warning">{t('reporting.verify.untrusted')}</p>
      <div className="field-row">
        <label htmlFor={departmentId}>{t('reporting.verify.registerAs')}</label>
        <input id={departmentId} className="field-input" value={department} maxLength={100} onChange={(e) => setDepartment(e.target.value)} />
        <button type="submit" className="button" disabled={department.trim() === '' || trust.isPending}>
          {t('reporting.verify.register')}
        </button>
      </div>
    </form>
  );
}
