import type { UseQueryResult } from '@tanstack/react-query';
import { Building2, FileStack } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/api/calls/plan';
import { EmptyState } from '../components/EmptyState';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { href } from '../router';

export function DashboardScreen({ plan, department }: { plan: UseQueryResult<PlanSummary | null>; department: string | null }) {
  const { t } = useTranslation();
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorPanel error={plan.error} onRetry={() => void plan.refetch()} />;

  if (!plan.data) {
    return (
      <EmptyState icon={<FileStack size={40} />} title={t('dashboard.emptyPlanTitle')}>
        {t('dashboard.emptyPlanBody')}
      </EmptyState>
    );
  }
  if (!department) {
    return (
      <EmptyState
        icon={<Building2 size={40} />}
        title={t('dashboard.emptyDepartmentTitle')}
        actions={
          <a className="button button-primary" href={href('/settings')}>
            {t('dashboard.openSettings')}
          </a>
        }
      >
        {t('dashboard.emptyDepartmentBody')}
      </EmptyState>
    );
  }
  return <h1 className="page-title">{t('dashboard.title')}</h1>;
}
