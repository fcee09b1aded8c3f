import { FileCheck } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../../shared/api/errors';
import { userMessage } from '../../../shared/api/error-text';
import { formatFingerprint, normalizeFingerprint } from '../../../shared/report/manifest';
import { useCallMutation } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { SignerForm } from '../../components/SignerForm';
import { useToasts } from '../../components/Toasts';
import { pickFiles } from '../../platform/files';

interface Refusal {
  message: string;
  /** Set when the office's key is not registered: who signed, so it can be registered and the receipt imported again. */
  unregistered: { office: string; fingerprint: string } | null;
}

/**
 * 导入回执: the office's signed receipt for an exported report. Once imported the export shows
 * as delivered in the history. A refusal is shown in words; for an office key not registered
 * yet, the signer form is offered (the fingerprint must be typed as the office gave it, not
 * taken from the file), and the same receipt is imported again once it is registered.
 */
export function ReceiptImport() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const [fileId, setFileId] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const importing = useCallMutation('reports.importReceipt');

  function importFile(id: string): void {
    setRefusal(null);
    importing.mutate(
      { fileId: id },
      {
        onSuccess: ({ delivery }) => {
          setFileId(null);
          toasts.show(
            'success',
            t('office.receipt.delivery.imported', { office: delivery.office, time: formatDateTime(delivery.receivedAt, i18n.language) }),
          );
        },
        onError: (error) => setRefusal({ message: userMessage(error, t), unregistered: unregisteredOffice(error) }),
      },
    );
  }

  async function choose(): Promise<void> {
    setChoosing(true);
    try {
      const [file] = await pickFiles('receipt');
      if (!file) return;
      setFileId(file.id);
      importFile(file.id);
    } catch (error) {
      setRefusal({ message: userMessage(error, t), unregistered: null });
    } finally {
      setChoosing(false);
    }
  }

  const busy = choosing || importing.isPending;
  return (
    <div className="receipt-import">
      <button type="button" className="button" disabled={busy} onClick={() => void choose()}>
        <FileCheck size={16} aria-hidden />
        {importing.isPending ? t('office.receipt.delivery.importing') : t('office.receipt.delivery.import')}
      </button>
      {refusal && (
        <div className="receipt-refusal" data-testid="receipt-refusal">
          <p className="text-danger" role="alert">
            <strong>{t('office.receipt.delivery.refused')}:</strong> {refusal.message}
          </p>
          {refusal.unregistered && fileId && (
            <div className="receipt-register">
              <p>{t('office.receipt.delivery.registerOffice')}</p>
              <code className="fingerprint">{formatFingerprint(refusal.unregistered.fingerprint, 8)}</code>
              <SignerForm
                expected={refusal.unregistered.fingerprint}
                initialDepartment={refusal.unregistered.office}
                fingerprintLabel={t('office.receipt.delivery.officeFingerprint')}
                onRegistered={() => importFile(fileId)}
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function unregisteredOffice(error: unknown): Refusal['unregistered'] {
  if (!(error instanceof ApiCallError) || error.error.code !== 'receipt.untrusted') return null;
  const fingerprint = normalizeFingerprint(String(error.error.params.fingerprint ?? ''));
  return fingerprint === null ? null : { office: String(error.error.params.office ?? ''), fingerprint };
}
