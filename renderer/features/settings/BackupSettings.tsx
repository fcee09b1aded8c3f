import { DatabaseBackup } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../shared/api/calls/backups';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { InlineConfirm } from '../../components/InlineConfirm';
import { useToasts } from '../../components/Toasts';
import { formatBytes, formatDateTime } from '../../components/format';

/** The backups in the data folder: take one now, or restore one (after an inline confirmation). */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const backups = useCall('backups.list', {});
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));
  const create = useCallMutation('backups.create', {
    onSuccess: (backup) => toasts.show('success', t('settings.backupCreated', { name: backup.name })),
  });
  const restore = useCallMutation('backups.restore');
  const date = (backup: BackupInfo) => formatDateTime(backup.createdAt, i18n.language);

  return (
    <section className="card" aria-labelledby="settings-backups">
      <h2 id="settings-backups" className="card-title">
        <DatabaseBackup size={16} aria-hidden />
        {t('settings.backups')}
        <button
          type="button"
          className="button button-small"
          disabled={create.isPending}
          onClick={() => create.mutate({}, { onError: fail })}
        >
          {t('settings.backupNow')}
        </button>
      </h2>
      <p className="field-hint">{t('settings.backupsHint')}</p>
      {confirming && (
        <InlineConfirm
          question={t('settings.backupRestoreConfirm', { date: date(confirming) })}
          confirmLabel={t('settings.backupRestore')}
          busy={restore.isPending}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            restore.mutate(
              { name: confirming.name },
              {
                onSuccess: (outcome) => {
                  toasts.show('success', t('settings.backupRestored', { date: date(confirming), name: outcome.safetyCopy }));
                  setConfirming(null);
                },
                onError: fail,
              },
            )
          }
        />
      )}
      {backups.data?.length === 0 && <p className="muted">{t('settings.backupsEmpty')}</p>}
      {backups.data && backups.data.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.backupDate')}</th>
              <th>{t('settings.backupKind')}</th>
              <th>{t('settings.backupSize')}</th>
              <th aria-hidden />
            </tr>
          </thead>
          <tbody>
            {backups.data.map((backup) => (
              <tr key={backup.name}>
                <td>{date(backup)}</td>
                <td>{t(`recovery.kinds.${backup.kind}`)}</td>
                <td>{formatBytes(backup.size, i18n.language)}</td>
                <td className="cell-actions">
                  <button type="button" className="button button-small" onClick={() => setConfirming(backup)}>
                    {t('settings.backupRestore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
