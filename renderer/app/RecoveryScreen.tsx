import { DatabaseBackup, ShieldAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../shared/api/calls/backups';
import { userMessage } from '../../shared/api/error-text';
import { useCall, useCallMutation } from '../api/queries';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { InlineConfirm } from '../components/InlineConfirm';
import { useToasts } from '../components/Toasts';
import { formatBytes, formatDateTime } from '../components/format';
import './recovery.css';

type Damaged = Extract<RecoveryStatus, { damaged: true }>;

/** Shown instead of the app when the database failed its check at start, or is missing while backups exist. */
export function RecoveryScreen() {
  const { t } = useTranslation();
  const status = useCall('recovery.status', {});
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.damaged) return <Loading />;
  const missing = status.data.cause === 'missing';
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery-card">
        <ShieldAlert size={40} aria-hidden className="recovery-icon" />
        <h1 id="recovery-title">{missing ? t('recovery.missingTitle') : t('recovery.title')}</h1>
        <p>{missing ? t('recovery.missingBody') : t('recovery.body')}</p>
        <p className="muted">{t('recovery.file', { file: status.data.file })}</p>
        {!missing && <p className="muted">{t('recovery.detail', { detail: status.data.detail })}</p>}
        <Backups status={status.data} />
      </div>
    </main>
  );
}

function Backups({ status }: { status: Damaged }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const restore = useCallMutation('recovery.restore', {
    onSuccess: ({ damagedCopy }) =>
      toasts.show('success', damagedCopy === null ? t('recovery.restoredPlain') : t('recovery.restored', { name: damagedCopy })),
  });
  const usable = status.backups.filter((backup) => backup.ok);
  const latest = usable[0];
  if (!latest) {
    return (
      <>
        <p className="notice">{t('recovery.none')}</p>
        <StartFresh />
      </>
    );
  }

  const describe = (backup: Damaged['backups'][number]) =>
    `${t(`recovery.kinds.${backup.kind}`)} · ${formatDateTime(backup.createdAt, i18n.language)} · ${formatBytes(backup.size, i18n.language)}`;
  const choose = (name: string) => restore.mutate({ name }, { onError: (error) => toasts.show('error', userMessage(error, t)) });

  return (
    <>
      <section className="recovery-latest" aria-labelledby="latest-backup">
        <h2 id="latest-backup">{t('recovery.latest')}</h2>
        <p>
          <DatabaseBackup size={16} aria-hidden /> {describe(latest)}
        </p>
        <button type="button" className="button button-primary" disabled={restore.isPending} onClick={() => choose(latest.name)} autoFocus>
          {restore.isPending ? t('recovery.restoring') : t('recovery.restore')}
        </button>
      </section>
      {status.backups.length > 1 && (
        <section aria-labelledby="other-backups">
          <h2 id="other-backups">{t('recovery.others')}</h2>
          <ul className="plain-list">
            {status.backups.slice(1).map((backup) => (
              <li key={backup.name} className="recovery-backup">
                <span>{describe(backup)}</span>
                {backup.ok ? (
                  <button type="button" className="button button-small" disabled={restore.isPending} onClick={() => choose(backup.name)}>
                    {t('recovery.restore')}
                  </button>
                ) : (
                  <span className="text-danger">{t('recovery.unusable')}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The way out when no backup can be used: a new database, the damaged file kept aside; confirmed inline. */
function StartFresh() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [confirming, setConfirming] = useState(false);
  const fresh = useCallMutation('recovery.startFresh', {
    onSuccess: ({ damagedCopy }) =>
      toasts.show('success', damagedCopy === null ? t('recovery.fresh.donePlain') : t('recovery.fresh.done', { name: damagedCopy })),
  });
  const start = () => fresh.mutate({}, { onError: (error) => toasts.show('error', userMessage(error, t)) });

  return (
    <section className="recovery-latest" aria-labelledby="start-fresh">
      <h2 id="start-fresh">{t('recovery.fresh.title')}</h2>
      <p>{t('recovery.fresh.body')}</p>
      {confirming ? (
        <InlineConfirm
          question={t('recovery.fresh.confirm')}
          confirmLabel={fresh.isPending ? t('recovery.fresh.starting') : t('recovery.fresh.confirmYes')}
          cancelLabel={t('recovery.fresh.cancel')}
          busy={fresh.isPending}
          danger
          onConfirm={start}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('recovery.fresh.start')}
        </button>
      )}
    </section>
  );
}
