import type { TFunction } from 'i18next';
import type { CellStatus } from '../../../shared/api/calls/office';
import { isoWithOffset } from '../../../shared/dates';
import { displayWidth } from '../../../shared/display-width';
import { parsePeriod, periodLabel } from '../../../shared/report/period';
import { openBackend } from '../../backend/backend';
import { officeStatus, type OfficeStatus } from '../../services/office/matrix';
import { usageError, type Command } from '../command';

/**
 * `office-status --data-dir DIR --period P [--json]`: who has reported for one period, every
 * department of the active plan listed, by the same rules as the matrix. --json is the
 * contract ({period, deadline?, departments: [...]}); the table is for people.
 */
export const officeStatusCommand: Command = {
  name: 'office-status',
  synopsis: 'office-status --period P [--json]',
  summaryKey: 'office.officeStatus.summary',
  options: {
    period: { type: 'string', descriptionKey: 'office.officeStatus.period', valueName: 'P' },
    json: { type: 'boolean', descriptionKey: 'office.officeStatus.json' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values, dataDir, io, t }) {
    const period = values.period;
    if (typeof period !== 'string') {
      io.stderr(usageError(t, officeStatusCommand.synopsis));
      return 2;
    }
    const backend = await openBackend({ dataDir, runtime: 'cli' });
    try {
      const status = officeStatus(backend.ctx, period);
      if (values.json === true) {
        const { label: _label, ...contract } = status;
        io.stdout(`${JSON.stringify(contract, null, 2)}\n`);
      } else io.stdout(table(status, t));
      return 0;
    } finally {
      await backend.close();
    }
  },
};

/** The cell word for a row: lateness folds into received and missing as in the matrix. */
function statusOf(row: OfficeStatus['departments'][number]): CellStatus {
  if (row.status === 'received') return row.late === true ? 'received_late' : 'received';
  if (row.status === 'missing') return row.late === true ? 'missing_overdue' : 'missing';
  return 'untrusted';
}

/** Columns padded by display width, so Chinese names line up in a terminal. */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function table(status: OfficeStatus, t: TFunction): string {
  const parsed = parsePeriod(status.period);
  const label = parsed ? periodLabel(parsed, t) : status.label;
  const header = [
    t('office.officeStatus.department'),
    t('office.officeStatus.status'),
    t('office.officeStatus.tasks'),
    t('office.officeStatus.receivedAt'),
  ];
  const rows = status.departments.map((row) => [
    row.department,
    t(`office.cell.${statusOf(row)}`),
    row.tasks ? `${String(row.tasks.done)}/${String(row.tasks.total)}` : '',
    row.receivedAt ? isoWithOffset(new Date(row.receivedAt)).slice(0, 16).replace('T', ' ') : '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((cells) => displayWidth(cells[column] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const count = (value: OfficeStatus['departments'][number]['status']) => status.departments.filter((row) => row.status === value).length;
  return [
    t('office.officeStatus.heading', { label, period: status.period }),
    status.deadline === undefined ? t('office.officeStatus.noDeadline') : t('office.officeStatus.deadline', { date: status.deadline }),
    '',
    line(header),
    ...rows.map(line),
    '',
    t('office.officeStatus.totals', {
      received: count('received'),
      untrusted: count('untrusted'),
      missing: count('missing'),
      total: status.departments.length,
    }),
    '',
  ].join('\n');
}
