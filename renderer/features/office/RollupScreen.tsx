import { Printer } from 'lucide-react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rollup } from '../../../shared/api/calls/office';
import { userMessage } from '../../../shared/api/error-text';
import { call, isDesktop } from '../../api/client';
import { useCall } from '../../api/queries';
import { replaceRoute } from '../../app/router';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { StatusBadge } from '../../components/StatusBadge';
import { useToasts } from '../../components/Toasts';
import { usePageStyle } from '../print/pageStyle';
import { TrustLabel } from './OfficeBits';
import './office.css';

/** A4 portrait with room for the binding, while this screen is open (other screens print as before). */
const rollupPageStyle = '@page { size: A4 portrait; margin: 18mm 15mm; }';

/** 按措施汇总: one measure, every department that carries it, side by side from their current reports; printable. */
export function RollupScreen({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const pickerId = useId();
  const measures = useCall('plans.measures', {});
  const chosen = code ?? measures.data?.[0]?.code ?? null;
  const rollup = useCall('office.rollup', { code: chosen ?? '' }, { enabled: chosen !== null });
  usePageStyle(rollupPageStyle);

  // The document's title names the measure: it heads the printout and names a saved PDF.
  const title = rollup.data ? t('office.rollup.printTitle', { label: rollup.data.label, title: rollup.data.title }) : null;
  useEffect(() => {
    if (!title) return undefined;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  async function print(): Promise<void> {
    try {
      if (isDesktop) await call('print.dialog', { orientation: 'portrait' });
      else window.print();
    } catch (error) {
      toasts.show('error', userMessage(error, t));
    }
  }

  return (
    <div className="page page-wide office-page rollup-page" data-testid="rollup-page">
      <div className="page-heading no-print">
        <div>
          <h1 className="page-title">{t('office.rollup.title')}</h1>
          <p className="page-subtitle">{t('office.rollup.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button" disabled={!rollup.data} onClick={() => void print()}>
            <Printer size={16} aria-hidden />
            {t('office.rollup.print')}
          </button>
        </div>
      </div>
      <div className="field rollup-picker no-print">
        <label className="field-label" htmlFor={pickerId}>
          {t('office.rollup.measure')}
        </label>
        {measures.isError && <ErrorPanel error={measures.error} onRetry={() => void measures.refetch()} />}
        <select
          id={pickerId}
          className="field-input"
          value={chosen ?? ''}
          disabled={!measures.data}
          onChange={(event) => replaceRoute('/office/rollup', { measure: event.target.value })}
        >
          {!chosen && <option value="">{t('office.rollup.choose')}</option>}
          {measures.data?.map((measure) => (
            <option key={measure.code} value={measure.code}>
              {measure.label} {measure.title}
            </option>
          ))}
        </select>
      </div>
      {rollup.isPending && chosen !== null && <Loading />}
      {rollup.isError && <ErrorPanel error={rollup.error} onRetry={() => void rollup.refetch()} />}
      {rollup.data && <RollupSheet rollup={rollup.data} />}
    </div>
  );
}

function RollupSheet({ rollup }: { rollup: Rollup }) {
  const { t } = useTranslation();
  const reported = rollup.rows.filter((row) => row.measure !== null).length;
  return (
    <article className="rollup-sheet" data-testid="rollup">
      <h2 className="rollup-title">
        {rollup.label} {rollup.title}
      </h2>
      <p className="muted">{t('office.rollup.departments', { count: rollup.rows.length, reported })}</p>
      <div className="rollup-grid">
        {rollup.rows.map((row) => (
          <section key={row.department} className="card rollup-card" data-testid="rollup-row" aria-label={row.department}>
            <header className="rollup-card-head">
              <h3>{row.department}</h3>
              <span className="badge">{t(`workspace.role.${row.role}`)}</span>
              {row.trust && <TrustLabel trust={row.trust} />}
            </header>
            {row.measure === null || row.period === null ? (
              <p className="muted rollup-missing">{t('office.rollup.noReport')}</p>
            ) : (
              <>
                <dl className="facts rollup-facts">
                  <dt>{t('office.rollup.period')}</dt>
                  <dd>{row.period.label}</dd>
                  <dt>{t('office.rollup.status')}</dt>
                  <dd>
                    <StatusBadge status={row.measure.status} />
                  </dd>
                  <dt>{t('office.rollup.progress')}</dt>
                  <dd className="rollup-progress">
                    <span>
                      {row.measure.percent}% ({row.measure.done}/{row.measure.total})
                    </span>
                    <span className="rollup-bar" aria-hidden>
                      <span style={{ width: `${row.measure.percent}%` }} />
                    </span>
                  </dd>
                </dl>
                <h4>{t('office.rollup.narrative')}</h4>
                <p className="rollup-narrative">{row.measure.workDone.trim() || t('office.rollup.noNarrative')}</p>
                <h4>{t('office.rollup.tasks')}</h4>
                {row.measure.tasks.length === 0 ? (
                  <p className="muted">{t('office.rollup.noTasks')}</p>
                ) : (
                  <ul className="plain-list rollup-tasks">
                    {row.measure.tasks.map((task, index) => (
                      <li key={index}>
                        <StatusBadge status={task.status} />
                        <span>{task.text}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
        ))}
      </div>
    </article>
  );
}
