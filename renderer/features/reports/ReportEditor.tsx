import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportData, ReportMeasure } from '../../../shared/report/data';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { queryClient } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { formatDate, formatDateTime } from '../../components/format';
import { StatusBadge } from '../../components/StatusBadge';
import { useDraft } from '../../components/useDraft';

/** Typing pauses this long before the draft is saved. */
const autosaveMs = 800;

type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string };

/**
 * The report for one period: per measure, what the data says (tasks, changes in the period)
 * beside what the coordinator writes about it; then problems, next steps and the contact.
 * Everything saves as it is typed.
 */
export function ReportEditor({ periodKey, data, updatedAt }: { periodKey: string; data: ReportData; updatedAt: string | null }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const [save, setSave] = useState<SaveState>(updatedAt ? { state: 'saved', at: updatedAt } : { state: 'idle' });

  const persist = (work: () => Promise<{ updatedAt: string }>) => {
    setSave({ state: 'saving' });
    work()
      .then(({ updatedAt: at }) => {
        setSave({ state: 'saved', at });
        return queryClient.invalidateQueries({ queryKey: ['reports.draft'] });
      })
      .catch((error: unknown) => {
        setSave({ state: 'idle' });
        toasts.show('error', userMessage(error, t));
      });
  };
  const saveField = (field: 'problems' | 'nextSteps' | 'contactPerson' | 'contactPhone') => (value: string) =>
    persist(() => call('reports.saveDraft', { period: periodKey, [field]: value }));

  const { summary } = data;
  return (
    <div className="report-editor">
      <p className="report-summary">
        {t('reporting.summary', {
          measures: summary.measures,
          tasks: summary.tasks,
          done: summary.tasksDone,
          changes: summary.changes,
          attachments: summary.attachments,
        })}
        <span className="save-state" role="status" data-testid="save-state">
          {save.state === 'saving'
            ? t('reporting.saving')
            : save.state === 'saved'
              ? t('reporting.saved', { time: formatDateTime(save.at, i18n.language) })
              : t('reporting.notSaved')}
        </span>
      </p>

      {data.measures.map((measure) => (
        <MeasureSection
          key={`${periodKey}-${measure.code}`}
          measure={measure}
          onWorkDone={(workDone) => persist(() => call('reports.saveMeasureText', { period: periodKey, code: measure.code, workDone }))}
        />
      ))}

      <section className="card report-overall" aria-labelledby="report-overall">
        <h2 id="report-overall" className="card-title">
          {t('reporting.overall')}
        </h2>
        <TextField
          key={`${periodKey}-problems`}
          label={t('reporting.problems')}
          placeholder={t('reporting.problemsPlaceholder')}
          value={data.problems}
          onSave={saveField('problems')}
          multiline
        />
        <TextField
          key={`${periodKey}-next`}
          label={t('reporting.nextSteps')}
          placeholder={t('reporting.nextStepsPlaceholder')}
          value={data.nextSteps}
          onSave={saveField('nextSteps')}
          multiline
        />
        <div className="field-pair">
          <TextField
            key={`${periodKey}-person`}
            label={t('reporting.contactPerson')}
            value={data.contact.person}
            onSave={saveField('contactPerson')}
            maxLength={50}
          />
          <TextField
            key={`${periodKey}-phone`}
            label={t('reporting.contactPhone')}
            value={data.contact.phone}
            onSave={saveField('contactPhone')}
            maxLength={50}
          />
        </div>
      </section>
      <p className="muted report-dates">
        {formatDate(data.period.from, i18n.language)} – {formatDate(data.period.to, i18n.language)}
      </p>
    </div>
  );
}

function TextField({
  label,
  value,
  onSave,
  placeholder,
  multiline = false,
  maxLength = 20_000,
}: {
  label: string;
  value: string;
  onSave: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
}) {
  const draft = useDraft(value, onSave, autosaveMs);
  const id = useId();
  // The label points at the field rather than wrapping it, so the field's text is not read as part of its name.
  return (
    <div className="field report-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          className="report-textarea"
          value={draft.draft}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(e) => draft.set(e.target.value)}
          onBlur={draft.commit}
        />
      ) : (
        <input
          id={id}
          className="field-input"
          value={draft.draft}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(e) => draft.set(e.target.value)}
          onBlur={draft.commit}
        />
      )}
    </div>
  );
}

function MeasureSection({ measure, onWorkDone }: { measure: ReportMeasure; onWorkDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const draft = useDraft(measure.workDone, onWorkDone, autosaveMs);
  const workDoneId = useId();
  const attachments = measure.attachments.length + measure.tasks.reduce((sum, task) => sum + task.attachments.length, 0);
  return (
    <section
      className="card report-measure"
      aria-labelledby={`report-measure-${measure.code}`}
      data-testid="report-measure"
      data-code={measure.code}
    >
      <h2 id={`report-measure-${measure.code}`} className="report-measure-title">
        <span className="measure-label">{measure.label}</span> {measure.title}
        <StatusBadge status={measure.status} />
        <span className="muted report-measure-progress">
          {t('reporting.measure.progress', { done: measure.done, total: measure.total, percent: measure.percent })}
          {attachments > 0 && ` · ${t('reporting.measure.attachments', { count: attachments })}`}
        </span>
      </h2>
      <div className="report-measure-body">
        <div className="field report-field">
          <label className="field-label" htmlFor={workDoneId}>
            {t('reporting.measure.workDone')}
          </label>
          <textarea
            id={workDoneId}
            className="report-textarea"
            value={draft.draft}
            placeholder={t('reporting.measure.workDonePlaceholder')}
            maxLength={20_000}
            data-testid="work-done"
            onChange={(e) => draft.set(e.target.value)}
            onBlur={draft.commit}
          />
        </div>
        <div className="report-facts">
          <h3>{t('reporting.measure.tasks', { count: measure.tasks.length })}</h3>
          {measure.tasks.length === 0 ? (
            <p className="muted">{t('reporting.measure.noTasks')}</p>
          ) : (
            <ul className="report-task-list">
              {measure.tasks.map((task, index) => (
                <li key={`${index}-${task.text}`}>
                  <StatusBadge status={task.status} />
                  <span>{task.text}</span>
                  {task.owner && <span className="muted">{task.owner}</span>}
                </li>
              ))}
            </ul>
          )}
          <details className="report-changes">
            <summary>{t('reporting.measure.changes', { count: measure.changes.length })}</summary>
            {measure.changes.length === 0 ? (
              <p className="muted">{t('reporting.measure.noChanges')}</p>
            ) : (
              <ol>
                {measure.changes.map((change, index) => (
                  <li key={`${index}-${change.at}`}>
                    <span className="muted">{formatDateTime(change.at, i18n.language)}</span> {change.description}
                  </li>
                ))}
              </ol>
            )}
          </details>
        </div>
      </div>
    </section>
  );
}
