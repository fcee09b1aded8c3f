import { Download } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cellStatuses,
  matrixGranularities,
  type CellStatus,
  type Matrix,
  type MatrixCell,
  type MatrixGranularity,
} from '../../../shared/api/calls/office';
import { userMessage } from '../../../shared/api/error-text';
import { call } from '../../api/client';
import { useCall } from '../../api/queries';
import { navigate, replaceRoute } from '../../app/router';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { useToasts } from '../../components/Toasts';
import { formatDate } from '../../components/format';
import { saveOutput } from '../../platform/files';
import { cellIcon } from './OfficeBits';
import './office.css';

type Sort = 'plan' | 'lateness';
type Row = Matrix['rows'][number];

/** Days late over a row (late receipts and overdue gaps): the sort by lateness puts the worst first. */
export function lateness(row: Row): number {
  return row.cells.reduce(
    (sum, cell) => sum + (cell.status === 'received_late' || cell.status === 'missing_overdue' ? Math.max(cell.daysLate ?? 0, 1) : 0),
    0,
  );
}

/** The rows to show: those with a cell of `status` (any when null) and whose name contains `text`, in plan order or by lateness. */
export function visibleRows(matrix: Matrix, status: CellStatus | null, text: string, sort: Sort): Row[] {
  const needle = text.trim();
  const rows = matrix.rows.filter(
    (row) => (needle === '' || row.department.includes(needle)) && (status === null || row.cells.some((cell) => cell.status === status)),
  );
  if (sort === 'lateness')
    return rows
      .map((row, index) => ({ row, index, late: lateness(row) }))
      .sort((a, b) => b.late - a.late || a.index - b.index)
      .map((item) => item.row);
  return rows;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/u;

function isGranularity(value: string | null): value is MatrixGranularity {
  return (matrixGranularities as readonly (string | null)[]).includes(value);
}

/** 报送情况: the plan's departments × periods, each cell in words, shape and colour; a cell with a report opens it. */
export function MatrixScreen({
  granularity: asked,
  from: askedFrom = null,
  to: askedTo = null,
}: {
  granularity: string | null;
  from?: string | null;
  to?: string | null;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const granularity: MatrixGranularity = isGranularity(asked) ? asked : 'quarter';
  // The months shown: by default from the plan's issue to today; narrowed here (kept in the address).
  const from = askedFrom !== null && monthPattern.test(askedFrom) ? askedFrom : undefined;
  const to = askedTo !== null && monthPattern.test(askedTo) ? askedTo : undefined;
  // Months typed the wrong way round still mean the span between them.
  const [first, last] = from && to && from > to ? [to, from] : [from, to];
  const range = { ...(first ? { from: first } : {}), ...(last ? { to: last } : {}) };
  const matrix = useCall('office.matrix', { granularity, ...range });
  const show = (next: { granularity?: MatrixGranularity; from?: string | undefined; to?: string | undefined }) =>
    replaceRoute('/office/matrix', { granularity, from, to, ...next });
  const [status, setStatus] = useState<CellStatus | null>(null);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>('plan');
  const [exporting, setExporting] = useState(false);
  const radioName = useId();
  const statusId = useId();
  const textId = useId();
  const sortId = useId();
  const fromId = useId();
  const toId = useId();

  async function exportAs(format: 'xlsx' | 'csv'): Promise<void> {
    const name = t('office.matrix.fileName', { granularity: t(`office.matrix.granularities.${granularity}`), ext: format });
    setExporting(true);
    try {
      const outcome = await saveOutput('matrix', name, (targetId) =>
        call('office.exportMatrix', { granularity, ...range, format, targetId }),
      );
      if (outcome === 'saved') toasts.show('success', t('office.matrix.exported', { name }));
    } catch (error) {
      toasts.show('error', userMessage(error, t));
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="page page-full office-page" data-testid="matrix-page">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('office.matrix.title')}</h1>
          <p className="page-subtitle">{t('office.matrix.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" disabled={exporting || !matrix.data} onClick={() => void exportAs('xlsx')}>
            <Download size={16} aria-hidden />
            {t('office.matrix.exportXlsx')}
          </button>
          <button type="button" className="button" disabled={exporting || !matrix.data} onClick={() => void exportAs('csv')}>
            <Download size={16} aria-hidden />
            {t('office.matrix.exportCsv')}
          </button>
        </div>
      </div>

      <div className="matrix-controls">
        <fieldset className="field">
          <legend className="field-label">{t('office.matrix.granularity')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('office.matrix.granularity')}>
            {matrixGranularities.map((value) => (
              <label key={value} className={`segment${granularity === value ? ' checked' : ''}`}>
                <input
                  type="radio"
                  name={radioName}
                  value={value}
                  checked={granularity === value}
                  onChange={() => show({ granularity: value })}
                />
                {t(`office.matrix.granularities.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={fromId}>
            {t('office.matrix.from')}
          </label>
          <input
            id={fromId}
            className="field-input matrix-month"
            type="month"
            value={from ?? ''}
            onChange={(event) => show({ from: event.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={toId}>
            {t('office.matrix.to')}
          </label>
          <input
            id={toId}
            className="field-input matrix-month"
            type="month"
            value={to ?? ''}
            onChange={(event) => show({ to: event.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={statusId}>
            {t('office.matrix.filterStatus')}
          </label>
          <select
            id={statusId}
            className="field-input"
            value={status ?? ''}
            onChange={(event) => setStatus(event.target.value === '' ? null : (event.target.value as CellStatus))}
          >
            <option value="">{t('office.matrix.allStatuses')}</option>
            {cellStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`office.cell.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={textId}>
            {t('office.matrix.filterDepartment')}
          </label>
          <input
            id={textId}
            className="field-input"
            type="search"
            value={text}
            maxLength={100}
            placeholder={t('office.matrix.departmentPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={sortId}>
            {t('office.matrix.sort')}
          </label>
          <select id={sortId} className="field-input" value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
            <option value="plan">{t('office.matrix.sortPlan')}</option>
            <option value="lateness">{t('office.matrix.sortLateness')}</option>
          </select>
        </div>
      </div>

      <Legend matrix={matrix.data} />
      {matrix.isPending && <Loading />}
      {matrix.isError && <ErrorPanel error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.data && <Grid matrix={matrix.data} rows={visibleRows(matrix.data, status, text, sort)} highlight={status} />}
      {matrix.data && matrix.data.otherDepartments.length > 0 && (
        <p className="notice notice-info">{t('office.matrix.otherDepartments', { names: matrix.data.otherDepartments.join('、') })}</p>
      )}
    </div>
  );
}

/** Every status with its shape, word and colour, and how many cells have it. */
function Legend({ matrix }: { matrix: Matrix | undefined }) {
  const { t } = useTranslation();
  const counts = useMemo(() => {
    const tally = new Map<CellStatus, number>();
    for (const row of matrix?.rows ?? []) for (const cell of row.cells) tally.set(cell.status, (tally.get(cell.status) ?? 0) + 1);
    return tally;
  }, [matrix]);
  return (
    <ul className="matrix-legend" aria-label={t('office.matrix.legend')}>
      {cellStatuses.map((status) => {
        const Icon = cellIcon[status];
        return (
          <li key={status} className={`matrix-cell-${status}`}>
            <Icon size={14} aria-hidden />
            {t(`office.cell.${status}`)}
            {matrix && <span className="matrix-legend-count">{counts.get(status) ?? 0}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function Grid({ matrix, rows, highlight }: { matrix: Matrix; rows: Row[]; highlight: CellStatus | null }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('office.matrix.noRows')}</p>;
  return (
    // Scrolls on its own, both ways, with the header row and the department column kept in view (27 × 36 stays usable).
    <div className="matrix-scroll" tabIndex={-1}>
      <table className="matrix" data-testid="matrix">
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t('office.matrix.department')}
            </th>
            {matrix.periods.map((period) => (
              <th key={period.key} scope="col" className="matrix-period">
                <span>{period.label}</span>
                <span className="matrix-deadline">
                  {period.deadline
                    ? t('office.matrix.deadline', { date: formatDate(period.deadline, i18n.language) })
                    : t('office.matrix.noDeadline')}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.department} data-testid="matrix-row">
              <th scope="row" className="matrix-department">
                {row.department}
              </th>
              {row.cells.map((cell, index) => (
                <td key={matrix.periods[index]?.key ?? index} className={highlight && cell.status !== highlight ? 'matrix-dim' : undefined}>
                  <Cell cell={cell} department={row.department} period={matrix.periods[index]?.label ?? ''} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ cell, department, period }: { cell: MatrixCell; department: string; period: string }) {
  const { t } = useTranslation();
  const Icon = cellIcon[cell.status];
  const word = t(`office.cell.${cell.status}`);
  const details = [
    cell.daysLate !== null && cell.daysLate > 0 ? t('office.matrix.daysLate', { count: cell.daysLate }) : null,
    cell.versions > 1 ? t('office.matrix.versions', { count: cell.versions }) : null,
    cell.tasks ? t('office.matrix.tasks', { done: cell.tasks.done, total: cell.tasks.total }) : null,
  ].filter((item): item is string => item !== null);
  const content = (
    <>
      <span className="matrix-cell-status">
        <Icon size={13} aria-hidden />
        {word}
      </span>
      {details.length > 0 && <span className="matrix-cell-detail">{details.join(' · ')}</span>}
    </>
  );
  const plain = t('office.matrix.cellLabel', { department, period, status: word });
  const label =
    details.length > 0
      ? t('office.matrix.cellDetailed', { label: plain, details: details.join(t('office.matrix.detailSeparator')) })
      : plain;
  if (cell.submissionId === null) {
    return (
      <span className={`matrix-cell matrix-cell-${cell.status}`} data-status={cell.status} title={label}>
        {content}
      </span>
    );
  }
  const id = cell.submissionId;
  // A button: reached by Tab, opened by Enter or a click.
  return (
    <button
      type="button"
      className={`matrix-cell matrix-cell-${cell.status}`}
      data-status={cell.status}
      aria-label={label}
      title={label}
      onClick={() => navigate(`/office/submissions/${id}`)}
    >
      {content}
    </button>
  );
}
