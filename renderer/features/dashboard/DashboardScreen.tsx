import type { UseQueryResult } from '@tanstack/react-query';
import { FileStack } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/calls/plan';
import type { Settings } from '../../../shared/api/calls/settings';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { href } from '../../app/router';
import { Dashboard } from './Dashboard';
import { DepartmentPicker } from '../../app/DepartmentPicker';

export function DashboardScreen({
  plan,
  settings,
  choosing,
}: {
  plan: UseQueryResult<PlanSummary | null>;
  settings: Settings;
  choosing: boolean;
}) {
  const { t } = useTranslation();
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />;

  if (!plan.data) {
    return (
      <EmptyState
        icon={<FileStack size={40} />}
        title={t('dashboard.emptyPlanTitle')}
        actions={
          <a className="button button-primary" href={href('/plans')}>
            {t('plans.importButton')}
          </a>
        }
      >
        {t('dashboard.emptyPlanBody')}
      </EmptyState>
    );
  }
  if (!settings.department || choosing) return <DepartmentPicker plan={plan.data} current={settings.department} />;
  return <Dashboard />;
}
