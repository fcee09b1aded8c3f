import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../shared/api/calls/workspace';

export function StatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`workspace.status.${status}`)}</span>;
}
