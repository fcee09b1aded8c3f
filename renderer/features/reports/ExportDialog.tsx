import { CheckCircle2, FileLock2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../shared/api/calls/jobs';
import { formatFingerprint } from '../../../shared/report/manifest';
import { percentDone } from '../../../shared/workspace/progress';
import { call, isDesktop } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { refreshAfterWrite, useCall } from '../../api/queries';
import { useJob } from '../../api/useJob';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { checkKeyPassphrase, KeyPassphraseFields, keyPassphraseNeed } from '../../components/PassphraseFields';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes } from '../../components/format';
import { startDownload } from '../../platform/files';
import { ApiCallError } from '../../../shared/api/errors';

type Step = { step: 'form'; error: string | null } | { step: 'checking' } | { step: 'working' } | { step: 'done'; job: Job };

/**
 * Exports the signed package: creates the signing key on first use, asks for the
 * passphrase where the OS cannot hold the key (and checks it before the save location is
 * chosen, so a typo does not mean choosing the file again), shows progress with a stop
 * button, and ends with the file and the signer's fingerprint to read out to the office.
 */
export function ExportDialog({
  periodKey,
  periodLabel,
  fileName,
  onClose,
}: {
  periodKey: string;
  periodLabel: string;
  fileName: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const key = useCall('reports.keyStatus', {});
  const job = useJob();
  const [step, setStep] = useState<Step>({ step: 'form', error: null });
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const status = key.data;
  const needsNewKey = status !== undefined && status.fingerprint === null;
  const need = keyPassphraseNeed(status);
  const askPassphrase = need !== null;

  async function start(): Promise<void> {
    const refusal = checkKeyPassphrase(need, passphrase, confirm, t);
    if (refusal !== null) return setStep({ step: 'form', error: refusal });
    try {
      const secret = askPassphrase ? passphrase : null;
      if (!needsNewKey) {
        // Opens the key (passphrase or keychain) without exporting: a refusal is shown before any file is chosen.
        setStep({ step: 'checking' });
        await call('reports.checkPassphrase', { passphrase: secret });
        setStep({ step: 'form', error: null });
      }
      let targetId: string | null = null;
      if (isDesktop) {
        const target = await call('files.chooseSaveTarget', { purpose: 'report', suggestedName: fileName });
        if (!target) return;
        targetId = target.id;
      }
      if (needsNewKey) await call('reports.createKey', { passphrase: secret });
      setStep({ step: 'working' });
      const finished = await job.run(() => call('reports.export', { period: periodKey, targetId, passphrase: secret }));
      await refreshAfterWrite();
      if (finished.state === 'done') {
        setStep({ step: 'done', job: finished });
        const download = finished.result?.kind === 'report.export' ? finished.result.download : null;
        if (download) startDownload(download.downloadId, download.name);
      } else {
        setStep({ step: 'form', error: finished.error ? userMessage(new ApiCallError(finished.error), t) : null });
      }
    } catch (error) {
      await refreshAfterWrite();
      setStep({ step: 'form', error: userMessage(error, t) });
    }
  }

  const result = step.step === 'done' && step.job.result?.kind === 'report.export' ? step.job.result : null;
  const percent = job.job && job.job.total > 0 ? percentDone(job.job.done, job.job.total) : null;

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="export-title"
      onClose={onClose}
      onCancel={(event) => step.step === 'working' && event.preventDefault()}
    >
      <h2 id="export-title" className="dialog-title">
        <FileLock2 size={18} aria-hidden />
        {t('reporting.dialog.title')}
      </h2>

      {step.step !== 'done' && <p>{t('reporting.dialog.intro', { period: periodLabel })}</p>}

      {step.step === 'form' && key.isPending && <Loading />}
      {step.step === 'form' && key.isError && (
        <>
          <ErrorPanel error={key.error} onRetry={() => void key.refetch()} />
          <div className="dialog-actions">
            <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
              {t('reporting.dialog.close')}
            </button>
          </div>
        </>
      )}
      {(step.step === 'form' || step.step === 'checking') && status && (
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          {needsNewKey && <p className="notice notice-info">{t('reporting.dialog.keyMissing')}</p>}
          {status.protection === 'os' && <p className="muted">{t('reporting.dialog.keyOs')}</p>}
          {status.protection === 'passphrase' && <p className="muted">{t('reporting.dialog.keyPassphrase')}</p>}
          <KeyPassphraseFields
            need={need}
            existingLabel={t('reporting.dialog.passphrase')}
            passphrase={passphrase}
            confirm={confirm}
            onChange={(nextPassphrase, nextConfirm) => {
              setPassphrase(nextPassphrase);
              setConfirm(nextConfirm);
            }}
          />
          {step.step === 'form' && step.error && (
            <p className="text-danger" role="alert">
              {t('reporting.dialog.failed', { message: step.error })}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              {t('reporting.dialog.cancel')}
            </button>
            <button type="submit" className="button button-primary" autoFocus={!askPassphrase} disabled={step.step === 'checking'}>
              {step.step === 'checking' ? t('reporting.dialog.checking') : t('reporting.dialog.start')}
            </button>
          </div>
        </form>
      )}

      {step.step === 'working' && (
        <div role="status">
          <p>{t('reporting.dialog.working', { percent: percent ?? 0 })}</p>
          <ProgressBar value={percent} label={t('reporting.dialog.working', { percent: percent ?? 0 })} />
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void job.cancel()}>
              {t('reporting.dialog.stop')}
            </button>
          </div>
        </div>
      )}

      {result && (
        <div className="export-done" role="status">
          <p className="export-done-title">
            <CheckCircle2 size={20} aria-hidden />
            {t('reporting.dialog.done')}
          </p>
          <p>{t('reporting.dialog.doneFile', { name: result.fileName, size: formatBytes(result.size, i18n.language) })}</p>
          <p className="muted">{t('reporting.dialog.fingerprint')}</p>
          <pre className="fingerprint" data-testid="export-fingerprint">
            {formatFingerprint(result.fingerprint, 8)}
          </pre>
          {result.download && <p className="muted">{t('reporting.dialog.downloaded')}</p>}
          <div className="dialog-actions">
            <button type="button" className="button button-primary" autoFocus onClick={() => dialog.current?.close()}>
              {t('reporting.dialog.close')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
