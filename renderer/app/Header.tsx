import { FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/api/calls/plan';
import type { Settings } from '../../shared/api/calls/settings';
import { href } from './router';
import { DepartmentSwitcher } from './DepartmentSwitcher';

export function Header({ plan, settings }: { plan: PlanSummary | null | undefined; settings: Settings }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="header-plan" href={href('/plans')} title={plan ? `${plan.title} ${plan.docNumber ?? ''}` : undefined}>
        <FileText size={18} aria-hidden className="header-icon" />
        <span className="header-text">
          <span className="header-label">{t('header.plan')}</span>
          {plan ? (
            <span className="header-value">
              {plan.title}
              {plan.docNumber && <span className="doc-number">{plan.docNumber}</span>}
            </span>
          ) : (
            <span className="header-value muted">{t('header.noPlan')}</span>
          )}
        </span>
      </a>
      <DepartmentSwitcher settings={settings} />
    </header>
  );
}
