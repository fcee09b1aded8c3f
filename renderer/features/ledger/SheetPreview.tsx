import { CheckCircle2, FileSpreadsheet, Info } from 'lucide-react';
import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ledgerFields,
  type ColumnMapping,
  type ImportPreview,
  type ImportProblem,
  type LedgerField,
  type RowAction,
} from '../../../shared/api/calls/ledger';
import { columnLabel, mappingRefusal, requiredFields } from './columns';

/** Problem rows rendered at first, and how many more each “show more” adds: a 100,000-row sheet must not freeze the screen. */
export const problemsShownAtFirst = 200;
export const problemsShownMore = 1000;

/** A problem row in words: “第 12 行:找不到措施…”. */
export function problemText(problem: ImportProblem, t: TFunction): string {
  return t('ledger.preview.problem', { row: problem.row, message: t(`errors.ledger.row.${problem.code}`, problem.params) });
}

const actionClass: Record<RowAction, string> = {
  add: 'badge-success',
  update: 'badge-primary',
  unchanged: '',
  skip: '',
  problem: 'badge-danger',
};

/**
 * What importing a sheet would do: the file and its worksheet, notes on how it was read,
 * one column choice per field, the counts, the first rows with what happens to each, and
 * every row that cannot be imported with its reason. Import is disabled with the reason
 * shown beside it while the mapping is incomplete or nothing would change.
 */
export function SheetPreview({
  preview,
  mapping,
  updating,
  onMappingChange,
  onSheetChange,
  onImport,
  onCancel,
}: {
  preview: ImportPreview;
  /** The mapping as the user has it now (may be ahead of `preview` while it updates). */
  mapping: ColumnMapping;
  /** A new preview for a changed mapping or sheet is on its way. */
  updating: boolean;
  onMappingChange: (mapping: ColumnMapping) => void;
  onSheetChange: (sheet: string) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const sheetId = useId();
  const reasonId = useId();
  const { outcome } = preview;
  const count = new Intl.NumberFormat(i18n.language);
  const mappedFields = ledgerFields.filter((field) => preview.mapping[field] !== null);
  const problemsByRow = useMemo(() => new Map(outcome.problems.map((problem) => [problem.row, problem])), [outcome.problems]);

  const refusal =
    mappingRefusal(mapping, preview.columns, t) ??
    (updating ? t('ledger.preview.busy') : outcome.added + outcome.updated === 0 ? t('ledger.preview.nothingChanges') : null);

  return (
    <section className="card ledger-preview" aria-labelledby="ledger-preview-title" data-testid="ledger-preview">
      <div className="ledger-preview-heading">
        <h2 id="ledger-preview-title" className="card-title" tabIndex={-1}>
          <FileSpreadsheet size={16} aria-hidden />
          {t('ledger.preview.title')}
        </h2>
        <dl className="ledger-facts">
          <div>
            <dt>{t('ledger.preview.file')}</dt>
            <dd data-testid="ledger-file">{preview.fileName}</dd>
          </div>
          {preview.sheets.length > 1 ? (
            <div>
              <dt>
                <label htmlFor={sheetId}>{t('ledger.preview.sheet')}</label>
              </dt>
              <dd>
                <select id={sheetId} className="field-input" value={preview.sheet} onChange={(event) => onSheetChange(event.target.value)}>
                  {preview.sheets.map((sheet) => (
                    <option key={sheet} value={sheet}>
                      {sheet}
                    </option>
                  ))}
                </select>
              </dd>
            </div>
          ) : null}
          <div>
            <dd className="muted">{t('ledger.preview.rows', { count: preview.rowCount, header: preview.headerRow })}</dd>
          </div>
        </dl>
      </div>

      {preview.notes.length > 0 && (
        <ul className="ledger-notes" data-testid="ledger-notes">
          {preview.notes.map((note) => (
            <li key={note.code}>
              <Info size={14} aria-hidden />
              {t(`ledger.notes.${note.code}`, { row: preview.headerRow, sheet: preview.sheet, ...note.params })}
            </li>
          ))}
        </ul>
      )}

      <fieldset className="ledger-mapping">
        <legend>{t('ledger.preview.mapping')}</legend>
        <p className="field-hint">{t('ledger.preview.mappingHint')}</p>
        <div className="ledger-mapping-grid">
          {ledgerFields.map((field) => (
            <MappingSelect
              key={field}
              field={field}
              value={mapping[field]}
              columns={preview.columns}
              onChange={(index) => onMappingChange({ ...mapping, [field]: index })}
            />
          ))}
        </div>
      </fieldset>

      <div className="ledger-decision">
        <p className="ledger-counts" data-testid="ledger-counts" aria-live="polite">
          {updating
            ? t('ledger.preview.updating')
            : t('ledger.preview.counts', {
                added: count.format(outcome.added),
                updated: count.format(outcome.updated),
                unchanged: count.format(outcome.unchanged),
                problems: count.format(outcome.problems.length),
                // Picks the English singular (“1 row cannot be imported”); Chinese has one form.
                count: outcome.problems.length,
              })}
        </p>
        <div className="page-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('ledger.preview.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={refusal !== null}
            aria-describedby={refusal ? reasonId : undefined}
            onClick={onImport}
          >
            <CheckCircle2 size={16} aria-hidden />
            {t('ledger.preview.import')}
          </button>
        </div>
      </div>
      {refusal && (
        <p id={reasonId} className="ledger-reason" data-testid="ledger-import-reason">
          {refusal}
        </p>
      )}

      {outcome.problems.length > 0 && <ProblemList problems={outcome.problems} />}

      <div className="ledger-sample">
        <p className="muted">
          {preview.sample.length < preview.rowCount
            ? t('ledger.preview.sample', { shown: preview.sample.length, count: preview.rowCount })
            : t('ledger.preview.sampleAll', { count: preview.rowCount })}
        </p>
        <div className="ledger-table-scroll">
          <table className="ledger-table" aria-busy={updating}>
            <thead>
              <tr>
                <th scope="col">{t('ledger.preview.rowNumber')}</th>
                <th scope="col">{t('ledger.preview.action')}</th>
                {mappedFields.map((field) => (
                  <th key={field} scope="col">
                    {t(`ledger.preview.fields.${field}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => {
                const problem = problemsByRow.get(row.row);
                return (
                  <tr key={row.row} className={`ledger-row-${row.action}`} data-testid="ledger-sample-row">
                    <td className="ledger-row-number">{row.row}</td>
                    <td className="ledger-row-action">
                      <span className={`badge ${actionClass[row.action]}`} title={problem ? problemText(problem, t) : undefined}>
                        {t(`ledger.preview.actions.${row.action}`)}
                      </span>
                    </td>
                    {mappedFields.map((field) => (
                      <td key={field} className={`ledger-cell-${field}`}>
                        {field === 'measure' && row.measureLabel && row.measureLabel !== row.values.measure ? (
                          <>
                            {row.values.measure} <span className="muted">→ {row.measureLabel}</span>
                          </>
                        ) : (
                          row.values[field]
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function MappingSelect({
  field,
  value,
  columns,
  onChange,
}: {
  field: LedgerField;
  value: number | null;
  columns: ImportPreview['columns'];
  onChange: (index: number | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const required = requiredFields.includes(field);
  return (
    <div className="field ledger-mapping-field">
      <label className="field-label" htmlFor={id}>
        {t(`ledger.preview.fields.${field}`)}
        {/* The marker brings its own spacing: full-width （必填） needs none, English a space. */}
        {required && <span className="muted">{t('ledger.preview.required')}</span>}
      </label>
      <select
        id={id}
        className={`field-input${required && value === null ? ' field-input-invalid' : ''}`}
        value={value === null ? '' : String(value)}
        aria-invalid={required && value === null}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{t('ledger.preview.notImported')}</option>
        {columns.map((column) => (
          <option key={column.index} value={column.index}>
            {columnLabel(column, t)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Every row that cannot be imported; rendered in slices so a sheet of 100,000 bad rows stays responsive. */
function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(problemsShownAtFirst);
  const count = new Intl.NumberFormat(i18n.language);
  const rest = problems.length - shown;
  return (
    <section className="ledger-problems" aria-labelledby="ledger-problems-title">
      <h3 id="ledger-problems-title" className="ledger-problems-title">
        {t('ledger.preview.problems', { count: problems.length })}
      </h3>
      <p className="field-hint">{t('ledger.preview.problemsHint')}</p>
      <div className="ledger-problems-scroll" tabIndex={0} aria-labelledby="ledger-problems-title">
        <ul className="plain-list" data-testid="ledger-problems">
          {problems.slice(0, shown).map((problem) => (
            <li key={`${problem.row}-${problem.code}`}>{problemText(problem, t)}</li>
          ))}
        </ul>
        {rest > 0 && (
          <p className="ledger-problems-more">
            <span className="muted">{t('ledger.preview.more', { count: count.format(rest) })}</span>
            <button type="button" className="button button-small" onClick={() => setShown((value) => value + problemsShownMore)}>
              {t('ledger.preview.showMore', { count: count.format(Math.min(rest, problemsShownMore)) })}
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
