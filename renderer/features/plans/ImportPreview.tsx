import { AlertTriangle, CalendarClock, CheckCircle2, FileText } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanPreview } from '../../../shared/api/calls/plan';
import { groupByHeading, planWarningMessageKey, type PlanMeasure } from '../../../shared/plan';
import { dueWording } from '../../../shared/plan/due-wording';
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
  const collective = new Set(plan.departments.filter((department) => department.collective).map((department) => department.name));
  // The plan's own reporting deadline (not one a measure sets), for the summary line.
  const reportDeadline = plan.deadlines.find((deadline) => deadline.measure === null) ?? plan.deadlines[0];

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
        <p className="plan-counts" data-testid="preview-counts">
          {[
            t('plans.preview.counts.chapters', { count: chapterCount }),
            t('plans.preview.counts.groups', { count: groupCount }),
            t('plans.preview.counts.measures', { count: plan.measures.length }),
            t('plans.preview.counts.departments', { count: plan.departments.length }),
          ].join(' · ')}
          {reportDeadline && <> · {t('plans.preview.reportBy', { date: formatDate(reportDeadline.date, i18n.language) })}</>}
        </p>
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
        <SourceReading preview={preview} />
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
                    </div>
                    <MeasureDue measure={measure} />
                    <div className="chips">
                      {measure.departments.map((department) => (
                        <span
                          key={department.name}
                          className={`chip chip-${department.role}${collective.has(department.name) ? ' chip-collective' : ''}`}
                          title={collective.has(department.name) ? t('plans.preview.collectiveHint') : undefined}
                        >
                          {department.name}
                          {collective.has(department.name) && <span className="chip-note">{t('plans.preview.collective')}</span>}
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

/** Which reader read the source, how its text was laid out, and what was left out as page furniture or web-page chrome. */
function SourceReading({ preview }: { preview: PlanPreview }) {
  const { t } = useTranslation();
  const droppedCount = preview.dropped.length + preview.omittedDropped;
  return (
    <div className="source-reading" data-testid="source-reading">
      <dl className="source-facts">
        <div>
          <dt>{t('plans.preview.reading')}</dt>
          <dd data-testid="preview-reader">{t(`plans.preview.readers.${preview.reader}`)}</dd>
        </div>
        <div>
          <dt>{t('plans.preview.layoutLabel')}</dt>
          <dd data-testid="preview-layout">{t(`plans.preview.layouts.${preview.layout}`)}</dd>
        </div>
        {droppedCount === 0 && (
          <div>
            <dd className="muted">{t('plans.preview.droppedNone')}</dd>
          </div>
        )}
      </dl>
      {droppedCount > 0 && (
        <details className="dropped" data-testid="preview-dropped">
          <summary>{t('plans.preview.dropped', { count: droppedCount })}</summary>
          {/* Focusable so the keyboard can scroll a long list. */}
          <div className="dropped-scroll" tabIndex={0} role="region" aria-label={t('plans.preview.dropped', { count: droppedCount })}>
            <table className="dropped-table">
              <thead>
                <tr>
                  <th scope="col">{t('plans.preview.droppedKind')}</th>
                  <th scope="col">{t('plans.preview.droppedWhere')}</th>
                  <th scope="col">{t('plans.preview.droppedText')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.dropped.map((item, index) => (
                  <tr key={`${index}-${item.kind}`}>
                    {/* A kind a newer reader reports is still shown, by its code. */}
                    <td>{t(`plans.preview.droppedKinds.${item.kind}` as never, { defaultValue: item.kind })}</td>
                    <td className="dropped-where">{droppedWhere(item, t)}</td>
                    <td className="dropped-text">{item.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.omittedDropped > 0 && <p className="muted">{t('plans.preview.droppedOmitted', { count: preview.omittedDropped })}</p>}
        </details>
      )}
    </div>
  );
}

function droppedWhere(item: PlanPreview['dropped'][number], t: TFunction): string {
  if (item.page !== null) return t('plans.preview.onPage', { page: item.page });
  if (item.line !== null) return t('plans.preview.onLine', { line: item.line });
  return '';
}

/** A measure's deadline in the plan's own words and as it was read: a date, a recurrence, or both. */
function MeasureDue({ measure }: { measure: PlanMeasure }) {
  const { t, i18n } = useTranslation();
  const words = dueWording(measure);
  const date = measure.due ? formatDate(measure.due, i18n.language) : null;
  const recurrence = measure.recurrence ? t(`planParser.recurrence.${measure.recurrence}`) : null;
  if (!words && !date && !recurrence) return null;
  const reading = date && recurrence ? t('plans.preview.dueThen', { date, recurrence }) : (date ?? recurrence);
  return (
    <p className="measure-due">
      <CalendarClock size={14} aria-hidden />
      {words ? (
        <>
          <span>{t('plans.preview.dueAsWritten', { words })}</span>
          <span className="measure-due-reading">
            {t('plans.preview.dueReadAs')} <strong>{reading ?? t('plans.preview.notFound')}</strong>
          </span>
        </>
      ) : (
        <span>{t('plans.preview.due', { date: reading })}</span>
      )}
    </p>
  );
}
