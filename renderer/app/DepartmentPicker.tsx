import { Building2, Search } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/api/calls/plan';
import { userMessage } from '../../shared/api/error-text';
import { useCall, useCallMutation } from '../api/queries';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { useToasts } from '../components/Toasts';
import { navigate } from './router';
import './department-picker.css';

/** First run (or “choose another”): the plan's departments, each with how many measures it carries. */
export function DepartmentPicker({ plan, current }: { plan: PlanSummary; current: string | null }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const departments = useCall('plans.departments', {});
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const choose = useCallMutation('settings.update', {
    onSuccess: (settings) => {
      toasts.show('success', t('plans.picker.chosen', { name: settings.department ?? '' }));
      navigate('/');
    },
  });

  if (departments.isPending) return <Loading />;
  if (departments.isError) return <ErrorPanel error={departments.error} onRetry={() => void departments.refetch()} />;

  const needle = filter.trim();
  const shown = departments.data.filter(
    (department) => needle === '' || department.name.includes(needle) || department.aliases.some((alias) => alias.includes(needle)),
  );

  return (
    <div className="page page-wide">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('plans.picker.title')}</h1>
          <p className="page-subtitle">{t('plans.picker.intro', { plan: plan.title, count: departments.data.length })}</p>
        </div>
      </div>
      <div className="search-field">
        <Search size={16} aria-hidden />
        <label htmlFor={filterId} className="visually-hidden">
          {t('plans.picker.filter')}
        </label>
        <input
          id={filterId}
          type="search"
          value={filter}
          placeholder={t('plans.picker.filterPlaceholder')}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('plans.picker.none', { text: needle })}</p>
      ) : (
        <ul className="department-grid" aria-label={t('plans.picker.title')}>
          {shown.map((department) => (
            <li key={department.name}>
              <button
                type="button"
                className={`department-card${department.name === current ? ' selected' : ''}`}
                aria-pressed={department.name === current}
                disabled={choose.isPending}
                onClick={() =>
                  choose.mutate({ department: department.name }, { onError: (error) => toasts.show('error', userMessage(error, t)) })
                }
              >
                <Building2 size={20} aria-hidden />
                <span className="department-card-name">{department.name}</span>
                <span className="department-card-count">{t('plans.picker.measures', { count: department.measureCount })}</span>
                {department.aliases.length > 0 && (
                  <span className="department-card-aliases">
                    {t('plans.picker.alsoWritten', { names: department.aliases.join(t('listSeparator')) })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
