import { CircleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../shared/api/error-text';

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-panel" role="alert">
      <CircleAlert size={20} aria-hidden />
      <div>
        <strong>{t('failure.title')}</strong>
        <p>{userMessage(error, t)}</p>
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('actions.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden />
      {t('status.loading')}
    </div>
  );
}
