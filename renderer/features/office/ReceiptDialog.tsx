import { FileSignature } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Submission } from '../../../shared/api/calls/office';
import { userMessage } from '../../../shared/api/error-text';
import { receiptFileName } from '../../../shared/office/receipt';
import { call } from '../../api/client';
import { refreshAfterWrite, useCall } from '../../api/queries';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { checkKeyPassphrase, KeyPassphraseFields, keyPassphraseNeed } from '../../components/PassphraseFields';
import { useToasts } from '../../components/Toasts';
import { saveOutput } from '../../platform/files';

/**
 * Issues the signed receipt (回执) for a package, signed with this office's own key: asks for
 * the key's passphrase where the OS does not hold it, and for a new one (twice) when there
 * is no key yet and no OS store to seal one.
 */
export function ReceiptDialog({ submission, onClose }: { submission: Submission; onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const dialog = useRef<HTMLDialogElement>(null);
  const key = useCall('reports.keyStatus', {});
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const status = key.data;
  const needsNewKey = status !== undefined && status.fingerprint === null;
  const need = keyPassphraseNeed(status);
  const askPassphrase = need !== null;
  const fileName = receiptFileName(submission.department, submission.period.label);

  async function sign(): Promise<void> {
    const refusal = checkKeyPassphrase(need, passphrase, confirm, t);
    if (refusal) return setProblem(refusal);
    const secret = askPassphrase ? passphrase : null;
    setProblem(null);
    setSaving(true);
    try {
      // A wrong passphrase is refused before a place to save is asked for.
      if (needsNewKey) await call('reports.createKey', { passphrase: secret });
      else await call('reports.checkPassphrase', { passphrase: secret });
      const outcome = await saveOutput('receipt', fileName, (targetId) =>
        call('office.saveReceipt', { id: submission.id, targetId, passphrase: secret }),
      );
      if (outcome === 'saved') {
        toasts.show('success', t('office.submission.receiptSaved', { name: fileName }));
        dialog.current?.close();
      }
    } catch (error) {
      setProblem(userMessage(error, t));
    } finally {
      setSaving(false);
      await refreshAfterWrite();
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="receipt-title"
      onClose={onClose}
      onCancel={(event) => saving && event.preventDefault()}
    >
      <h2 id="receipt-title" className="dialog-title">
        <FileSignature size={18} aria-hidden />
        {t('office.submission.receiptTitle')}
      </h2>
      <p>{t('office.submission.receiptIntro')}</p>
      <p className="muted">{fileName}</p>
      {key.isPending && <Loading />}
      {key.isError && <ErrorPanel error={key.error} onRetry={() => void key.refetch()} />}
      {status && (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            void sign();
          }}
        >
          {needsNewKey && <p className="notice notice-info">{t('office.submission.receiptNoKey')}</p>}
          <KeyPassphraseFields
            need={need}
            existingLabel={t('office.submission.receiptPassphrase')}
            passphrase={passphrase}
            confirm={confirm}
            onChange={(nextPassphrase, nextConfirm) => {
              setPassphrase(nextPassphrase);
              setConfirm(nextConfirm);
            }}
          />
          {problem && (
            <p className="text-danger" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()} disabled={saving}>
              {t('office.submission.receiptCancel')}
            </button>
            <button type="submit" className="button button-primary" autoFocus={!askPassphrase} disabled={saving}>
              {saving ? t('office.submission.receiptSaving') : t('office.submission.receiptSign')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
