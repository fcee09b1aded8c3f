import { KeyRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { publicKeyFileName } from '../../../shared/report/file-names';
import { formatFingerprint } from '../../../shared/report/manifest';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { InlineConfirm } from '../../components/InlineConfirm';
import { checkNewPassphrase, PassphraseFields } from '../../components/PassphraseFields';
import { useToasts } from '../../components/Toasts';
import { formatDateTime } from '../../components/format';
import { saveOutput } from '../../platform/files';

/**
 * The department's signing key: create it, read out its fingerprint, export the public key
 * to register, and replace it (after an inline confirmation) when it can no longer be used.
 * Keys used before stay listed, so the fingerprints on earlier reports can be explained.
 */
export function KeySettings() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const status = useCall('reports.keyStatus', {});
  const [replacing, setReplacing] = useState(false);
  const create = useCallMutation('reports.createKey', { onSuccess: () => toasts.show('success', t('reporting.keys.created')) });
  const replace = useCallMutation('reports.replaceKey', {
    onSuccess: () => {
      setReplacing(false);
      toasts.show('success', t('reporting.keys.replaced'));
    },
  });
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));
  const key = status.data;

  async function exportPublic(department: string): Promise<void> {
    try {
      const outcome = await saveOutput('key', publicKeyFileName(department), (targetId) => call('reports.exportPublicKey', { targetId }));
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
        <>
          <p className="muted">{t('reporting.keys.none')}</p>
          <KeyForm
            askPassphrase={!key.osStoreAvailable}
            submitLabel={t('reporting.keys.create')}
            busyLabel={t('reporting.keys.creating')}
            busy={create.isPending}
            onSubmit={(passphrase) => create.mutate({ passphrase }, { onError: fail })}
          />
        </>
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
          <dd className="key-actions">
            <button type="button" className="button button-small" onClick={() => void exportPublic(key.department)}>
              {t('reporting.keys.exportPublic')}
            </button>
            {!replacing && (
              <button type="button" className="button button-small" onClick={() => setReplacing(true)}>
                {t('reporting.keys.replace')}
              </button>
            )}
          </dd>
        </dl>
      )}
      {key?.fingerprint && replacing && (
        <KeyForm
          askPassphrase={!key.osStoreAvailable}
          question={t('reporting.keys.replaceWarning')}
          submitLabel={t('reporting.keys.replaceConfirm')}
          busyLabel={t('reporting.keys.replacing')}
          busy={replace.isPending}
          onSubmit={(passphrase) => replace.mutate({ passphrase }, { onError: fail })}
          onCancel={() => setReplacing(false)}
        />
      )}
      {key && key.retired.length > 0 && (
        <div className="key-retired">
          <h3>{t('reporting.keys.retired')}</h3>
          <p className="field-hint">{t('reporting.keys.retiredHint')}</p>
          <table className="data-table">
            <tbody>
              {key.retired.map((retired) => (
                <tr key={retired.fingerprint}>
                  <td>
                    <code className="fingerprint-cell">{formatFingerprint(retired.fingerprint, 8)}</code>
                  </td>
                  <td className="muted">
                    {t('reporting.keys.retiredPeriod', {
                      from: formatDateTime(retired.createdAt, i18n.language),
                      to: formatDateTime(retired.retiredAt, i18n.language),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Makes a key: with a passphrase entered twice where the OS cannot seal it, else with a
 * single button. With a question (replacing the key) it is asked inline, Cancel first.
 */
function KeyForm({
  askPassphrase,
  question,
  submitLabel,
  busyLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  askPassphrase: boolean;
  question?: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  onSubmit: (passphrase: string | null) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(): void {
    if (!askPassphrase) return onSubmit(null);
    const refusal = checkNewPassphrase(passphrase, confirm, t);
    setProblem(refusal);
    if (refusal === null) onSubmit(passphrase);
  }
  const fields = (
    <>
      {askPassphrase && (
        <PassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onChange={(nextPassphrase, nextConfirm) => {
            setPassphrase(nextPassphrase);
            setConfirm(nextConfirm);
            setProblem(null);
          }}
        />
      )}
      {problem && (
        <p className="text-danger" role="alert">
          {problem}
        </p>
      )}
    </>
  );

  if (question !== undefined && onCancel) {
    return (
      <InlineConfirm question={question} confirmLabel={busy ? busyLabel : submitLabel} busy={busy} onConfirm={submit} onCancel={onCancel}>
        {askPassphrase && <div className="key-form">{fields}</div>}
      </InlineConfirm>
    );
  }
  return (
    <form
      className="key-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      {fields}
      <div className="key-form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
