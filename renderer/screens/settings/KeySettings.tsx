import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicKeyFileName } from '../../../shared/report/file-names';
import { formatFingerprint } from '../../../shared/report/manifest';
import { call } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCall, useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../format';
import { saveOutput } from '../../platform/files';

/** The department's signing key: its fingerprint to read out, and the public key file to register. */
export function KeySettings() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const status = useCall('reports.keyStatus', {});
  const [passphrase, setPassphrase] = useState('');
  const passphraseId = useId();
  const create = useCallMutation('reports.createKey', { onSuccess: () => toasts.show('success', t('reporting.keys.created')) });
  const fail = (error: unknown) => toasts.show('error', errorMessage(error, t));
  const key = status.data;

  async function exportPublic(department: string): Promise<void> {
    try {
      const outcome = await saveOutput('key', publicKeyFileName(department), async (targetId) => {
        const { download } = await call('reports.exportPublicKey', { targetId });
        return { downloadId: download?.downloadId ?? null };
      });
      if (outcome === 'saved') toasts.show('success', t('reporting.keys.exported'));
    } catch (error) {
      fail(error);
    }
  }

  return (
    <section className="card" aria-labelledby="settings-key">
      <h2 id="settings-key" className="card-title">
        <KeyRound size={16} aria-hidden />
        {t('reporting.keys.title')}
      </h2>
      <p className="field-hint">{t('reporting.keys.hint')}</p>
      {key && key.fingerprint === null && (
        <form
          className="field-row key-create"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ passphrase: key.osStoreAvailable ? null : passphrase }, { onError: fail });
          }}
        >
          <span className="muted">{t('reporting.keys.none')}</span>
          {!key.osStoreAvailable && (
            <>
              <label className="visually-hidden" htmlFor={passphraseId}>
                {t('reporting.dialog.newPassphrase')}
              </label>
              <input
                id={passphraseId}
                className="field-input field-input-short"
                type="password"
                autoComplete="off"
                placeholder={t('reporting.dialog.newPassphrase')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </>
          )}
          <button type="submit" className="button" disabled={create.isPending || (!key.osStoreAvailable && passphrase.length < 8)}>
            {t('reporting.keys.create')}
          </button>
        </form>
      )}
      {key?.fingerprint && (
        <dl className="facts">
          <dt>{t('reporting.keys.fingerprint')}</dt>
          <dd>
            <pre className="fingerprint" data-testid="key-fingerprint">
              {formatFingerprint(key.fingerprint, 8)}
            </pre>
          </dd>
          <dt>{t('reporting.keys.protection')}</dt>
          <dd>{key.protection && t(`reporting.keys.protections.${key.protection}`)}</dd>
          <dt>{t('reporting.keys.createdAt')}</dt>
          <dd>{key.createdAt && formatDateTime(key.createdAt, i18n.language)}</dd>
          <dt />
          <dd>
            <button type="button" className="button button-small" onClick={() => void exportPublic(key.department)}>
              {t('reporting.keys.exportPublic')}
            </button>
          </dd>
        </dl>
      )}
    </section>
  );
}
