import { AlertTriangle, CalendarClock, CheckCircle2, FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PlanPreview } from '../../../shared/api/calls/plan';
import { groupByHeading, planWarningMessageKey } from '../../../shared/plan';
import { formatDate } from '../../components/format';

export function ImportPreview({
  preview,
  busy,
  onConfirm,
  onCancel,
  onSwitch,
}: {
  preview: PlanPreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  onSwitch: (planId: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const { plan, warnings } = preview;
  const groups = groupByHeading(plan.measures);
  const chapterCount = new Set(plan.measures.map((m) => m.chapter)).size;
  const groupCount = new Set(plan.measures.filter((m) => m.group !== null).map((m) => `${m.chapter}/${m.group}`)).size;
  const unknown = t('plans.preview.notFound');

  return (
    <div className="page page-wide" aria-labelledby="preview-title">
      <div className="page-heading">
        <div>
          <h1 id="preview-title" className="page-title">
            {t('plans.preview.title')}
          </h1>
          <p className="page-subtitle">{t('plans.preview.intro')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('plans.preview.cancel')}
          </button>
          {preview.existing ? (
            <button
              type="button"
              className="button button-primary"
              onClick={() => onSwitch(preview.existing?.id as number)}
              disabled={busy}
            >
              {t('plans.preview.switchTo')}
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy}>
              <CheckCircle2 size={16} aria-hidden />
              {t('plans.preview.confirm')}
            </button>
          )}
        </div>
      </div>

      {preview.existing && (
        <div className="notice notice-info" role="status">
          {t('plans.preview.existing', { title: preview.existing.title })}
        </div>
      )}

      <section className="card plan-summary" aria-label={plan.title ?? preview.sourceName}>
        <div className="plan-summary-title">
          <FileText size={22} aria-hidden />
          <h2>{plan.title ?? unknown}</h2>
        </div>
        <dl className="facts facts-inline">
          <dt>{t('plans.preview.docNumber')}</dt>
          <dd>{plan.docNumber ?? unknown}</dd>
          <dt>{t('plans.preview.issuer')}</dt>
          <dd>{plan.issuer ?? unknown}</dd>
          <dt>{t('plans.preview.issuedOn')}</dt>
          <dd>{plan.issuedOn ? formatDate(plan.issuedOn, i18n.language) : unknown}</dd>
          <dt>{t('plans.preview.source')}</dt>
          <dd>{preview.sourceName}</dd>
        </dl>
        <p className="plan-counts">
          {t('plans.preview.counts', {
            chapters: chapterCount,
            groups: groupCount,
            measures: plan.measures.length,
            departments: plan.departments.length,
          })}
        </p>
      </section>

      <section className={`card ${warnings.length ? 'card-warning' : ''}`} aria-labelledby="preview-warnings">
        <h2 id="preview-warnings" className="card-title">
          {warnings.length ? <AlertTriangle size={16} aria-hidden /> : <CheckCircle2 size={16} aria-hidden />}
          {t('plans.preview.warnings', { count: warnings.length + preview.omittedWarnings })}
        </h2>
        {warnings.length === 0 ? (
          <p className="muted">{t('plans.preview.noWarnings')}</p>
        ) : (
          <ol className="warning-list">
            {warnings.map((warning) => (
              <li key={`${warning.line}-${warning.code}`}>
                <strong>{t(`planParser.${planWarningMessageKey(warning.code)}` as never, { line: warning.line })}</strong>
                {warning.text && <blockquote>{warning.text}</blockquote>}
              </li>
            ))}
            {preview.omittedWarnings > 0 && (
              <li className="muted">{t('planParser.warningsOmitted', { count: preview.omittedWarnings })}</li>
            )}
          </ol>
        )}
      </section>

      {plan.deadlines.length > 0 && (
        <section className="card" aria-labelledby="preview-deadlines">
          <h2 id="preview-deadlines" className="card-title">
            <CalendarClock size={16} aria-hidden />
            {t('plans.preview.deadlines')}
          </h2>
          <ul className="plain-list">
            {plan.deadlines.map((deadline) => (
              <li key={`${deadline.date}-${deadline.text}`}>
                <strong>
                  {deadline.recipient
                    ? t('plans.preview.deadline', { date: formatDate(deadline.date, i18n.language), recipient: deadline.recipient })
                    : t('plans.preview.deadlineNoRecipient', { date: formatDate(deadline.date, i18n.language) })}
                </strong>
                <span className="muted"> · {deadline.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="preview-structure">
        <h2 id="preview-structure" className="card-title">
          {t('plans.preview.structure')}
        </h2>
        <div className="plan-tree">
          {groups.map((group, index) => (
            <div key={`${group.chapter}-${group.group}-${index}`} className="plan-tree-group">
              {(index === 0 || groups[index - 1]?.chapter !== group.chapter) && group.chapter && (
                <h3 className="plan-tree-chapter">{group.chapter}</h3>
              )}
              <h4 className="plan-tree-heading">{group.group ?? t('plans.preview.noGroup')}</h4>
              <ul className="plan-tree-measures">
                {group.items.map((measure) => (
                  <li key={measure.code}>
                    <div className="plan-tree-measure">
                      <span className="measure-label">{measure.label}</span>
                      <span className="measure-title">{measure.title}</span>
                      {measure.due && (
                        <span className="badge">{t('plans.preview.due', { date: formatDate(measure.due, i18n.language) })}</span>
                      )}
                    </div>
                    <div className="chips">
                      {measure.departments.map((department) => (
                        <span key={department.name} className={`chip chip-${department.role}`}>
                          {department.name}
                          {department.role !== 'responsible' && <em>{t(`workspace.role.${department.role}`)}</em>}
                        </span>
                      ))}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>

      {plan.requirements.length > 0 && (
        <section className="card" aria-labelledby="preview-requirements">
          <h2 id="preview-requirements" className="card-title">
            {t('plans.preview.requirements')}
          </h2>
          <ol className="plain-list numbered">
            {plan.requirements.map((requirement) => (
              <li key={requirement.code}>
                <strong>{requirement.title}</strong>
                <span className="muted"> {requirement.text}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
