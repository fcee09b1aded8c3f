import { Building2, FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/api/calls/plan';

export function Header({ plan, department }: { plan: PlanSummary | null | undefined; department: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="header-plan" title={plan ? `${plan.title} ${plan.docNumber ?? ''}` : undefined}>
        <FileText size={18} aria-hidden className="header-icon" />
        <div className="header-text">
          <span className="header-label">{t('header.plan')}</span>
          {plan ? (
            <span className="header-value">
              {plan.title}
              {plan.docNumber && <span className="doc-number">{plan.docNumber}</span>}
            </span>
          ) : (
            <span className="header-value muted">{t('header.noPlan')}</span>
          )}
        </div>
      </div>
      <div className="header-department" data-testid="header-department">
        <Building2 size={18} aria-hidden className="header-icon" />
        <div className="header-text">
          <span className="header-label">{t('header.department')}</span>
          <span className={`header-value${department ? '' : ' muted'}`}>{department ?? t('header.noDepartment')}</span>
        </div>
      </div>
    </header>
  );
}
