import { ShieldCheck } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint, normalizeFingerprint } from '../../../shared/report/manifest';
import { errorMessage } from '../../api/errors';
import { useCall, useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../format';

/**
 * The signers this office trusts, by department: registered here from the fingerprint a
 * department gives by phone or letter (or from the verify screen), removed after an inline
 * confirmation.
 */
export function TrustedSigners() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const signers = useCall('reports.trusted', {});
  const [removing, setRemoving] = useState<string | null>(null);
  const fail = (error: unknown) => toasts.show('error', errorMessage(error, t));
  const trust = useCallMutation('reports.trust');
  const confirming = signers.data?.find((signer) => signer.fingerprint === removing);

  return (
    <section className="card" aria-labelledby="settings-trusted">
      <h2 id="settings-trusted" className="card-title">
        <ShieldCheck size={16} aria-hidden />
        {t('reporting.trusted.title')}
      </h2>
      <p className="field-hint">{t('reporting.trusted.hint')}</p>
      {confirming && (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby="trusted-remove-question">
          <p id="trusted-remove-question">
            {t('reporting.trusted.removeConfirm', { department: confirming.department, fingerprint: formatFingerprint(confirming.fingerprint).slice(0, 19) })}
          </p>
          <div className="notice-actions">
            <button type="button" className="button" onClick={() => setRemoving(null)}>
              {t('actions.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              autoFocus
              disabled={trust.isPending}
              onClick={() =>
                trust.mutate(
                  { fingerprint: confirming.fingerprint, department: null },
                  {
                    onSuccess: () => {
                      setRemoving(null);
                      toasts.show('success', t('reporting.trusted.removed'));
                    },
                    onError: fail,
                  },
                )
              }
            >
              {t('reporting.trusted.remove')}
            </button>
          </div>
        </div>
      )}
      {signers.data?.length === 0 && <p className="muted">{t('reporting.trusted.empty')}</p>}
      {signers.data && signers.data.length > 0 && (
        <table className="data-table trusted-table" data-testid="trusted-signers">
          <thead>
            <tr>
              <th>{t('reporting.trusted.department')}</th>
              <th>{t('reporting.trusted.fingerprint')}</th>
              <th>{t('reporting.trusted.addedAt')}</th>
              <th className="cell-actions" aria-label={t('reporting.trusted.remove')} />
            </tr>
          </thead>
          <tbody>
            {signers.data.map((signer) => (
              <tr key={signer.fingerprint}>
                <td>{signer.department}</td>
                <td>
                  <code className="fingerprint-cell">{formatFingerprint(signer.fingerprint, 8)}</code>
                </td>
                <td>{formatDateTime(signer.addedAt, i18n.language)}</td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`${t('reporting.trusted.remove')} ${signer.department}`}
                    onClick={() => setRemoving(signer.fingerprint)}
                  >
                    {t('reporting.trusted.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="trusted-add-title">{t('reporting.trusted.addTitle')}</h3>
      <AddSigner onError={fail} />
    </section>
  );
}

/** Registers a signer from the department's name and the fingerprint it gave (pasted or typed, spaces and case ignored). */
function AddSigner({ onError }: { onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [department, setDepartment] = useState('');
  const [given, setGiven] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const departmentId = useId();
  const fingerprintId = useId();
  const trust = useCallMutation('reports.trust');

  function submit(event: FormEvent): void {
    event.preventDefault();
    const fingerprint = normalizeFingerprint(given);
    if (fingerprint === null) return setProblem(t('reporting.verify.fingerprintInvalid'));
    setProblem(null);
    trust.mutate(
      { fingerprint, department: department.trim() },
      {
        onSuccess: () => {
          setDepartment('');
          setGiven('');
          toasts.show('success', t('reporting.trusted.added'));
        },
        onError,
      },
    );
  }

  return (
    <form className="trusted-add" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={departmentId}>
          {t('reporting.trusted.department')}
        </label>
        <input id={departmentId} className="field-input" value={department} maxLength={100} onChange={(e) => setDepartment(e.target.value)} />
      </div>
      <div className="field trusted-add-fingerprint">
        <label className="field-label" htmlFor={fingerprintId}>
          {t('reporting.verify.fingerprintInput')}
        </label>
        <input
          id={fingerprintId}
          className="field-input fingerprint-input"
          spellCheck={false}
          autoComplete="off"
          value={given}
          placeholder={t('reporting.verify.fingerprintPlaceholder')}
          aria-invalid={problem !== null}
          onChange={(e) => {
            setGiven(e.target.value);
            setProblem(null);
          }}
        />
      </div>
      <button type="submit" className="button" disabled={department.trim() === '' || given.trim() === '' || trust.isPending}>
        {t('reporting.trusted.add')}
      </button>
      {problem && (
        <p className="text-danger trusted-add-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
