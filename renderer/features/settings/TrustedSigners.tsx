import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/report/manifest';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../components/format';
import { SignerForm } from '../../components/SignerForm';

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
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));
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
        <InlineConfirm
          question={t('reporting.trusted.removeConfirm', {
            department: confirming.department,
            fingerprint: formatFingerprint(confirming.fingerprint).slice(0, 19),
          })}
          confirmLabel={t('reporting.trusted.remove')}
          busy={trust.isPending}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
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
        />
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
      <SignerForm />
    </section>
  );
}
