import { ArrowLeft, FileSignature } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Submission } from '../../../shared/api/calls/office';
import type { VerifyOutcome } from '../../../shared/api/calls/reports';
import { ApiCallError, messageKeyFor } from '../../../shared/api/errors';
import { formatFingerprint } from '../../../shared/report/manifest';
import { call } from '../../api/client';
import { useCall } from '../../api/queries';
import { useJob } from '../../api/useJob';
import { href } from '../../app/router';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { SignerForm } from '../../components/SignerForm';
import { formatBytes, formatDate, formatDateTime } from '../../components/format';
import { PackageFiles, ReportPreview } from '../verify/VerifyScreen';
import { DiffList } from './DiffList';
import { TrustLabel } from './OfficeBits';
import { ReceiptDialog } from './ReceiptDialog';
import './office.css';

const notFound = new ApiCallError({
  code: 'office.submission_not_found',
  messageKey: messageKeyFor('office.submission_not_found'),
  params: {},
});

/**
 * One received package: what its signed manifest says and how it came in, the report as the
 * verify screen shows it (the stored bytes verified again), its files, the other versions
 * for the same department and period with what changed, and its receipt.
 */
export function SubmissionScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const valid = Number.isInteger(id) && id > 0;
  const found = useCall('office.submission', { id }, { enabled: valid });
  if (!valid) return <ErrorPanel error={notFound} />;
  if (found.isPending) return <Loading />;
  if (found.isError) return <ErrorPanel error={found.error} onRetry={() => void found.refetch()} />;
  const { submission, versions } = found.data;
  // Versions come newest first: the one above this is what replaced it.
  const index = versions.findIndex((version) => version.id === submission.id);
  const successor = index > 0 ? versions[index - 1]! : null;
  return (
    <div className="page page-wide office-page" data-testid="submission-page">
      <a className="back-link" href={href('/office/inbox')}>
        <ArrowLeft size={14} aria-hidden />
        {t('office.submission.back')}
      </a>
      <Heading submission={submission} />
      <Summary key={submission.id} submission={submission} />
      {versions.length > 1 && <Versions current={submission} versions={versions} />}
      {successor && <DiffList older={submission} newer={successor} />}
      <PackageView key={`package-${submission.id}`} id={submission.id} />
    </div>
  );
}

function Heading({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState(false);
  return (
    <div className="page-heading">
      <div>
        <h1 className="page-title">
          {submission.department} · {submission.period.label}
        </h1>
        <p className="page-subtitle">
          {submission.supersededBy === null ? (
            <span className="badge badge-primary">{t('office.submission.current')}</span>
          ) : (
            <span className="badge">{t('office.submission.superseded')}</span>
          )}
        </p>
      </div>
      <div className="page-actions">
        <button type="button" className="button button-primary" onClick={() => setReceipt(true)}>
          <FileSignature size={16} aria-hidden />
          {t('office.submission.receipt')}
        </button>
      </div>
      {receipt && <ReceiptDialog submission={submission} onClose={() => setReceipt(false)} />}
    </div>
  );
}

function Summary({ submission }: { submission: Submission }) {
  const { t, i18n } = useTranslation();
  const { signer } = submission;
  return (
    <section className="card" aria-labelledby="submission-summary" data-testid="submission-summary">
      <h2 id="submission-summary" className="card-title">
        {t('office.submission.summary')}
      </h2>
      <dl className="facts">
        <dt>{t('office.submission.department')}</dt>
        <dd>{submission.department}</dd>
        <dt>{t('office.submission.period')}</dt>
        <dd>
          {submission.period.label} · {formatDate(submission.period.from, i18n.language)} –{' '}
          {formatDate(submission.period.to, i18n.language)}
        </dd>
        <dt>{t('office.submission.plan')}</dt>
        <dd>
          {submission.plan.title} {submission.plan.docNumber}
        </dd>
        <dt>{t('office.submission.generatedAt')}</dt>
        <dd>{formatDateTime(submission.generatedAt, i18n.language)}</dd>
        <dt>{t('office.submission.receivedAt')}</dt>
        <dd>{formatDateTime(submission.receivedAt, i18n.language)}</dd>
        <dt>{t('office.submission.fileName')}</dt>
        <dd>
          {submission.fileName} · {formatBytes(submission.size, i18n.language)}
        </dd>
        <dt>{t('office.submission.trust')}</dt>
        <dd data-testid="submission-trust">
          <TrustLabel trust={signer.trust} />
          {signer.trust === 'trusted' && signer.registeredAs && (
            <span className="muted"> {t('office.submission.trustedAs', { department: signer.registeredAs })}</span>
          )}
          {signer.trust === 'mismatch' && signer.registeredAs && (
            <span className="text-danger"> {t('office.submission.mismatchAs', { department: signer.registeredAs })}</span>
          )}
        </dd>
        <dt>{t('office.submission.signer')}</dt>
        <dd>
          <pre className="fingerprint" data-testid="submission-fingerprint">
            {formatFingerprint(signer.fingerprint, 8)}
          </pre>
        </dd>
        <dt>{t('office.submission.sha256')}</dt>
        <dd>
          <code className="sha256" data-testid="submission-sha256">
            {submission.packageSha256}
          </code>
        </dd>
      </dl>
      {signer.trust === 'unknown' && (
        <div className="submission-register">
          <p className="field-hint">{t('office.submission.unknownHint')}</p>
          <SignerForm expected={signer.fingerprint} initialDepartment={submission.department} />
        </div>
      )}
    </section>
  );
}

/** Every version for the department and period, newest first: the current one marked, each viewable. */
function Versions({ current, versions }: { current: Submission; versions: Submission[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="submission-versions">
      <h2 id="submission-versions" className="card-title">
        {t('office.submission.versions')}
      </h2>
      <ol className="plain-list submission-versions">
        {versions.map((version) => (
          <li key={version.id} data-testid="submission-version" aria-current={version.id === current.id ? 'true' : undefined}>
            {version.supersededBy === null ? (
              <span className="badge badge-primary">{t('office.submission.current')}</span>
            ) : (
              <span className="badge">{t('office.inbox.superseded')}</span>
            )}
            <span>
              {t('office.submission.versionRow', {
                generatedAt: formatDateTime(version.generatedAt, i18n.language),
                receivedAt: formatDateTime(version.receivedAt, i18n.language),
              })}
            </span>
            <span className="muted">{version.fileName}</span>
            {version.id === current.id ? (
              <strong className="submission-viewing">{t('office.submission.viewing')}</strong>
            ) : (
              <a className="button button-small" href={href(`/office/submissions/${version.id}`)}>
                {t('office.submission.view')}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The stored package verified again (a report.verify job), then shown with the verify screen's own preview and file list. */
function PackageView({ id }: { id: number }) {
  const { t } = useTranslation();
  const job = useJob();
  const runJob = job.run;
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    runJob(() => call('office.openPackage', { id }))
      .then((finished) => {
        if (!live) return;
        if (finished.result?.kind === 'report.verify') setOutcome(finished.result.outcome);
        else setError(new ApiCallError(finished.error ?? { code: 'internal', messageKey: 'errors.internal', params: {} }));
      })
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, [id, runJob]);

  if (error) return <ErrorPanel error={error} />;
  if (!outcome) {
    const running = job.job?.state === 'running' && job.job.total > 0 ? job.job : null;
    return (
      <div className="muted" role="status">
        {t('office.submission.opening')}
        <ProgressBar value={running ? Math.round((running.done / running.total) * 100) : null} label={t('office.submission.opening')} />
      </div>
    );
  }
  if (!outcome.ok) {
    return (
      <p className="notice text-danger" role="alert">
        {t(`report.verify.reasons.${outcome.reason}`, { detail: outcome.detail })}
      </p>
    );
  }
  return (
    <>
      {outcome.report && <ReportPreview verifiedId={outcome.verifiedId} />}
      <PackageFiles verifiedId={outcome.verifiedId} files={outcome.files} />
    </>
  );
}
