import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/queries';
import { navigate } from '../../app/router';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { formatDateTime } from '../../components/format';
import { TrustLabel } from './OfficeBits';

/** Every submission received (the current versions; the replaced ones on request), each opening the submission view. */
export function SubmissionsList() {
  const { t, i18n } = useTranslation();
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const toggleId = useId();
  const submissions = useCall('office.submissions', { includeSuperseded });

  return (
    <section className="card" aria-labelledby="inbox-submissions-title" data-testid="submissions">
      <h2 id="inbox-submissions-title" className="card-title">
        {t('office.inbox.submissionsTitle')}
      </h2>
      <label className="office-toggle office-toggle-plain" htmlFor={toggleId}>
        <input id={toggleId} type="checkbox" checked={includeSuperseded} onChange={(event) => setIncludeSuperseded(event.target.checked)} />
        {t('office.inbox.includeSuperseded')}
      </label>
      {submissions.isPending && <Loading />}
      {submissions.isError && <ErrorPanel error={submissions.error} onRetry={() => void submissions.refetch()} />}
      {submissions.data?.length === 0 && <p className="muted">{t('office.inbox.submissionsEmpty')}</p>}
      {submissions.data && submissions.data.length > 0 && (
        <table className="data-table submissions-table">
          <thead>
            <tr>
              <th scope="col">{t('office.inbox.columns.department')}</th>
              <th scope="col">{t('office.inbox.columns.period')}</th>
              <th scope="col">{t('office.inbox.columns.generatedAt')}</th>
              <th scope="col">{t('office.inbox.columns.receivedAt')}</th>
              <th scope="col">{t('office.inbox.columns.signer')}</th>
              <th scope="col">{t('office.inbox.columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {submissions.data.map((submission) => (
              <tr
                key={submission.id}
                className="submission-row"
                data-testid="submission-row"
                // The whole row is a target for the mouse; the link in it is the keyboard's (Tab, Enter).
                onClick={(event) => {
                  if (!(event.target instanceof HTMLAnchorElement)) navigate(`/office/submissions/${submission.id}`);
                }}
              >
                <td>
                  <a href={`#/office/submissions/${submission.id}`}>{submission.department}</a>
                </td>
                <td>{submission.period.label}</td>
                <td>{formatDateTime(submission.generatedAt, i18n.language)}</td>
                <td>{formatDateTime(submission.receivedAt, i18n.language)}</td>
                <td>
                  <TrustLabel trust={submission.signer.trust} />
                </td>
                <td>
                  {submission.supersededBy === null ? (
                    <span className="badge badge-primary">{t('office.inbox.current')}</span>
                  ) : (
                    <span className="badge">{t('office.inbox.superseded')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
