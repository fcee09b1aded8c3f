import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/queries';
import { openStatuses, type ChecklistOptions, type OpenStatus } from './options';
import { useChecklist } from './useChecklist';

export function PrintOptions({
  department,
  options,
  onChange,
}: {
  department: string | null;
  options: ChecklistOptions;
  onChange: (patch: Partial<ChecklistOptions>) => void;
}) {
  const { t } = useTranslation();
  const departments = useCall('plans.departments', {});
  const measures = useChecklist(department, null);
  const toggleStatus = (status: OpenStatus, on: boolean) =>
    onChange({ statuses: openStatuses.filter((item) => (item === status ? on : options.statuses.includes(item))) });

  return (
    <form className="card print-options" aria-label={t('print.screen.options')} onSubmit={(event) => event.preventDefault()}>
      <div className="print-options-row">
        <label className="print-select">
          <span className="print-option-label">{t('print.screen.department')}</span>
          <select
            value={department ?? ''}
            onChange={(event) => onChange({ department: event.target.value || null, measure: null })}
            data-testid="print-department"
          >
            {department === null && <option value="">{t('print.screen.chooseDepartment')}</option>}
            {(departments.data ?? (department ? [{ name: department, measureCount: 0 }] : [])).map((item) => (
              <option key={item.name} value={item.name}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <label className="print-select print-select-measure">
          <span className="print-option-label">{t('print.screen.measure')}</span>
          <select
            value={options.measure ?? ''}
            disabled={!measures.data}
            onChange={(event) => onChange({ measure: event.target.value || null })}
            data-testid="print-measure"
          >
            <option value="">{t('print.screen.allMeasures', { count: measures.data?.measures.length ?? 0 })}</option>
            {measures.data?.measures.map((measure) => (
              <option key={measure.code} value={measure.code}>
                {`${measure.label} ${measure.title}`}
              </option>
            ))}
          </select>
        </label>
        <OptionGroup label={t('print.screen.orientation')}>
          {(['portrait', 'landscape'] as const).map((orientation) => (
            <label key={orientation} className="print-check">
              <input
                type="radio"
                name="print-orientation"
                value={orientation}
                checked={options.orientation === orientation}
                onChange={() => onChange({ orientation })}
              />
              {t(`print.screen.${orientation}`)}
            </label>
          ))}
        </OptionGroup>
      </div>

      <div className="print-options-row">
        <OptionGroup label={t('print.screen.statuses')}>
          {openStatuses.map((status) => (
            <label key={status} className="print-check">
              <input
                type="checkbox"
                checked={options.statuses.includes(status)}
                onChange={(event) => toggleStatus(status, event.target.checked)}
              />
              {t(`workspace.status.${status}`)}
            </label>
          ))}
          <label className="print-check">
            <input type="checkbox" checked={options.done} onChange={(event) => onChange({ done: event.target.checked })} />
            {t('print.screen.includeDone')}
          </label>
        </OptionGroup>
        <OptionGroup label={t('print.screen.text')}>
          {(['full', 'title'] as const).map((text) => (
            <label key={text} className="print-check">
              <input type="radio" name="print-text" value={text} checked={options.text === text} onChange={() => onChange({ text })} />
              {text === 'full' ? t('print.screen.textFull') : t('print.screen.textTitle')}
            </label>
          ))}
        </OptionGroup>
        <OptionGroup label={t('print.screen.notes')}>
          <label className="print-check">
            <input type="checkbox" checked={options.notes} onChange={(event) => onChange({ notes: event.target.checked })} />
            {t('print.screen.showNotes')}
          </label>
        </OptionGroup>
      </div>
    </form>
  );
}

/** A labelled group of checkboxes or radios (a fieldset's semantics, laid out like the selects). */
function OptionGroup({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="print-group" role="group" aria-labelledby={id}>
      <span className="print-option-label" id={id}>
        {label}
      </span>
      <div className="print-group-inputs">{children}</div>
    </div>
  );
}
