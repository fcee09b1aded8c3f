import { AlertCircle, CalendarClock, CheckCircle2, ChevronRight, Clock, ListChecks, Paperclip } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Dashboard as DashboardData, MeasureProgress } from '../../../shared/api/calls/workspace';
import { groupByHeading } from '../../../shared/plan/headings';
import { percentDone } from '../../../shared/workspace/progress';
import { useCall } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';
import { PrintChecklistLink } from '../print/PrintChecklistLink';
import { href } from '../../app/router';
import { HistoryList } from '../../components/HistoryList';
import { StatusBadge } from '../../components/StatusBadge';
import './dashboard.css';

export function Dashboard() {
  const { t } = useTranslation();
  const dashboard = useCall('workspace.dashboard', {});
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  if (data.measures.length === 0) return <NothingAssigned department={data.department} plan={data.plan.title} />;

  return (
    <div className="page page-wide dashboard">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('workspace.dashboard.heading', { department: data.department })}</h1>
          <p className="page-subtitle">{data.plan.title}</p>
        </div>
        <PrintChecklistLink department={data.department} />
      </div>
      <Summary data={data} />
      <div className="dashboard-columns">
        <section className="dashboard-measures" aria-label={t('workspace.dashboard.measures')}>
          {groupByHeading(data.measures).map((section, index, all) => (
            <div key={`${section.chapter}-${section.group}-${index}`} className="measure-section">
              {section.chapter && all[index - 1]?.chapter !== section.chapter && <h2 className="section-chapter">{section.chapter}</h2>}
              {section.group && <h3 className="section-group">{section.group}</h3>}
              <ul className="measure-list">
                {section.items.map((measure) => (
                  <MeasureRow key={measure.code} measure={measure} />
                ))}
              </ul>
            </div>
          ))}
        </section>
        <aside className="card dashboard-activity" aria-labelledby="recent-activity">
          <h2 id="recent-activity" className="card-title">
            {t('workspace.dashboard.recent')}
          </h2>
          {data.recentActivity.length === 0 ? (
            <p className="muted">{t('workspace.dashboard.noActivity')}</p>
          ) : (
            <HistoryList entries={data.recentActivity} showMeasure maxHeight={640} />
          )}
        </aside>
      </div>
    </div>
  );
}

/** The active plan gives this department nothing to do: say so and offer the two ways out. */
function NothingAssigned({ department, plan }: { department: string; plan: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<ListChecks size={40} />}
      title={t('workspace.dashboard.nothingAssignedTitle', { department })}
      actions={
        <>
          <a className="button button-primary" href={href('/departments')}>
            {t('plans.switcher.other')}
          </a>
          <a className="button" href={href('/plans')}>
            {t('workspace.dashboard.otherPlan')}
          </a>
        </>
      }
    >
      {t('workspace.dashboard.nothingAssignedBody', { department, plan })}
    </EmptyState>
  );
}

function Summary({ data }: { data: DashboardData }) {
  const { t, i18n } = useTranslation();
  const { totals, nextDeadline } = data;
  const percent = percentDone(totals.done, totals.tasks);
  return (
    <div className="summary-row">
      <div className="summary-card">
        <ListChecks size={20} aria-hidden />
        <span className="summary-label">{t('workspace.dashboard.measures')}</span>
        <strong className="summary-value" data-testid="summary-measures">
          {totals.measures}
        </strong>
      </div>
      <div className="summary-card">
        <CheckCircle2 size={20} aria-hidden />
        <span className="summary-label">{t('workspace.dashboard.tasks')}</span>
        <strong className="summary-value">
          {t('workspace.dashboard.tasksValue', { done: totals.done, total: totals.tasks })}
          <small> {percent}%</small>
        </strong>
      </div>
      <div className={`summary-card${totals.overdue ? ' summary-alert' : ''}`}>
        <AlertCircle size={20} aria-hidden />
        <span className="summary-label">{t('workspace.dashboard.overdue')}</span>
        <strong className="summary-value">{totals.overdue}</strong>
      </div>
      <div className={`summary-card${totals.dueSoon ? ' summary-warn' : ''}`}>
        <Clock size={20} aria-hidden />
        <span className="summary-label">{t('workspace.dashboard.dueSoon')}</span>
        <strong className="summary-value">{totals.dueSoon}</strong>
      </div>
      <div className="summary-card summary-deadline">
        <CalendarClock size={20} aria-hidden />
        <span className="summary-label">{t('workspace.dashboard.nextDeadline')}</span>
        {nextDeadline ? (
          <>
            <strong className="summary-value">{formatDate(nextDeadline.date, i18n.language)}</strong>
            <span className={`summary-note${nextDeadline.daysLeft < 0 ? ' text-danger' : ''}`}>
              {nextDeadline.daysLeft < 0
                ? t('workspace.dashboard.daysOverdue', { count: -nextDeadline.daysLeft })
                : t('workspace.dashboard.daysLeft', { count: nextDeadline.daysLeft })}
              {nextDeadline.recipient && ` · ${t('workspace.dashboard.reportTo', { recipient: nextDeadline.recipient })}`}
            </span>
          </>
        ) : (
          <span className="summary-note">{t('workspace.dashboard.noDeadline')}</span>
        )}
      </div>
    </div>
  );
}

function MeasureRow({ measure }: { measure: MeasureProgress }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <a
        className="measure-row"
        href={href(`/measures/${encodeURIComponent(measure.code)}`)}
        data-testid="measure-row"
        data-code={measure.code}
      >
        <span className="measure-label">{measure.label}</span>
        <span className="measure-row-main">
          <span className="measure-row-title">
            {measure.title}
            {measure.role !== 'responsible' && <span className={`chip chip-${measure.role}`}>{t(`workspace.role.${measure.role}`)}</span>}
          </span>
          <span className="measure-row-meta">
            {measure.total === 0 ? (
              <span className="muted">{t('workspace.dashboard.noTasks')}</span>
            ) : (
              <span>{t('workspace.dashboard.progress', { done: measure.done, total: measure.total, percent: measure.percent })}</span>
            )}
            {measure.overdue > 0 && (
              <span className="text-danger">{t('workspace.dashboard.overdueCount', { count: measure.overdue })}</span>
            )}
            {measure.dueSoon > 0 && (
              <span className="text-warning">{t('workspace.dashboard.dueSoonCount', { count: measure.dueSoon })}</span>
            )}
            {measure.attachments > 0 && (
              <span>
                <Paperclip size={12} aria-hidden /> {t('workspace.dashboard.attachmentsCount', { count: measure.attachments })}
              </span>
            )}
            {measure.due && <span>{t('workspace.dashboard.due', { date: formatDate(measure.due, i18n.language) })}</span>}
          </span>
        </span>
        <span className="measure-row-progress" aria-hidden>
          <span className="mini-bar">
            <span className="mini-bar-fill" style={{ width: `${measure.percent}%` }} />
          </span>
        </span>
        <StatusBadge status={measure.status} />
        <ChevronRight size={16} aria-hidden className="measure-row-chevron" />
      </a>
    </li>
  );
}
