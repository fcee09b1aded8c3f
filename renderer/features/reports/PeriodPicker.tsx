import { useTranslation } from 'react-i18next';
import { parsePeriod, type PeriodKind } from '../../../shared/report/period';

/** The picker's fields; `periodKey` turns them into the CLI spelling (2016-H2…) or null. */
export interface PeriodFields {
  kind: PeriodKind;
  year: number;
  half: 1 | 2;
  quarter: 1 | 2 | 3 | 4;
  month: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodKey(fields: PeriodFields): string | null {
  const key =
    fields.kind === 'year'
      ? String(fields.year)
      : fields.kind === 'half'
        ? `${fields.year}-H${fields.half}`
        : fields.kind === 'quarter'
          ? `${fields.year}-Q${fields.quarter}`
          : fields.kind === 'month'
            ? `${fields.year}-${pad(fields.month)}`
            : `${fields.from}..${fields.to}`;
  return parsePeriod(key)?.key ?? null;
}

/** The fields for a key read from the address bar; unknown keys fall back to `fallbackYear`. */
export function fieldsFor(key: string | null, fallbackYear: number): PeriodFields {
  const base: PeriodFields = {
    kind: 'year',
    year: fallbackYear,
    half: 1,
    quarter: 1,
    month: 1,
    from: `${fallbackYear}-01-01`,
    to: `${fallbackYear}-12-31`,
  };
  const period = key ? parsePeriod(key) : null;
  if (!period) return base;
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  return {
    ...base,
    kind: period.kind,
    year,
    half: month <= 6 ? 1 : 2,
    quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4,
    month,
    from: period.from,
    to: period.to,
  };
}

const kinds: PeriodKind[] = ['year', 'half', 'quarter', 'month', 'custom'];

export function PeriodPicker({ value, onChange }: { value: PeriodFields; onChange: (next: PeriodFields) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<PeriodFields>) => onChange({ ...value, ...patch });
  const years = Array.from({ length: 16 }, (_, i) => value.year - 10 + i);
  const valid = periodKey(value) !== null;

  return (
    <fieldset className="period-picker">
      <legend className="field-label">{t('reporting.period.label')}</legend>
      <select aria-label={t('reporting.period.kind')} value={value.kind} onChange={(e) => set({ kind: e.target.value as PeriodKind })}>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`reporting.period.kinds.${kind}`)}
          </option>
        ))}
      </select>
      {value.kind !== 'custom' && (
        <select aria-label={t('reporting.period.year')} value={value.year} onChange={(e) => set({ year: Number(e.target.value) })}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      )}
      {value.kind === 'half' && (
        <select aria-label={t('reporting.period.half')} value={value.half} onChange={(e) => set({ half: Number(e.target.value) as 1 | 2 })}>
          {(['1', '2'] as const).map((half) => (
            <option key={half} value={half}>
              {t(`reporting.period.halves.${half}`)}
            </option>
          ))}
        </select>
      )}
      {value.kind === 'quarter' && (
        <select
          aria-label={t('reporting.period.quarter')}
          value={value.quarter}
          onChange={(e) => set({ quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })}
        >
          {(['1', '2', '3', '4'] as const).map((quarter) => (
            <option key={quarter} value={quarter}>
              {t(`reporting.period.quarters.${quarter}`)}
            </option>
          ))}
        </select>
      )}
      {value.kind === 'month' && (
        <select aria-label={t('reporting.period.month')} value={value.month} onChange={(e) => set({ month: Number(e.target.value) })}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
            <option key={month} value={month}>
              {month}
            </option>
          ))}
        </select>
      )}
      {value.kind === 'custom' && (
        <>
          <input type="date" aria-label={t('reporting.period.from')} value={value.from} onChange={(e) => set({ from: e.target.value })} />
          <span aria-hidden>–</span>
          <input type="date" aria-label={t('reporting.period.to')} value={value.to} onChange={(e) => set({ to: e.target.value })} />
        </>
      )}
      {!valid && (
        <span className="text-danger" role="alert">
          {t('reporting.period.invalid')}
        </span>
      )}
    </fieldset>
  );
}
