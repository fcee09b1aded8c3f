import { FileDown, Printer } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../shared/api/calls/print';
import { pageCss, pageMarginsMm } from '../../shared/print/pdf-options';
import { call, isDesktop } from '../api/client';
import { errorMessage } from '../api/errors';
import { useCall } from '../api/queries';
import { ErrorPanel, Loading } from '../components/ErrorPanel';
import { useToasts } from '../components/Toasts';
import { saveOutput } from '../platform/files';
import { replaceRoute } from '../router';
import { ChecklistDocument, type DocumentOptions } from './ChecklistDocument';
import { pdfFileName } from './model';
import { checklistPath, openStatuses, optionParams, readOptions, type ChecklistOptions, type OpenStatus } from './options';
import { usePageStyle } from './pageStyle';
import './print.css';

/** A4 widths in CSS pixels (96 per inch) for fitting the preview sheet. */
const sheetWidthPx = { portrait: (210 / 25.4) * 96, landscape: (297 / 25.4) * 96 } as const;
/** Space between the running header's rule and the text, as the @page header box leaves it. */
const headerGapMm = 5;

/**
 * `#/print/checklist?…`: the checklist of one department (or one measure) as it will be
 * printed. In the app: options, Print / Save as PDF and an A4 preview. With `bare=1`: only
 * the document, as a deep link, the dev host or a PDF renderer opens it.
 */
export function PrintScreen({ params, defaultDepartment }: { params: URLSearchParams; defaultDepartment: string | null }) {
  const options = readOptions(params);
  const department = options.department ?? defaultDepartment;
  return options.bare ? <BareChecklist department={department} options={options} /> : <PrintPreview department={department} options={options} />;
}

function useChecklist(department: string | null, measure: string | null) {
  return useCall('print.checklist', { department: department ?? '', measure }, { enabled: department !== null });
}

/** The document with its `@page` rule (A4, margins, running header and page numbers): what gets printed. */
function PrintedChecklist({ checklist, options }: { checklist: Checklist; options: DocumentOptions }) {
  const { t } = useTranslation();
  usePageStyle(
    pageCss(options.orientation, {
      headerLeft: t('print.doc.runningTitle', { department: checklist.department }),
      headerRight: checklist.plan.docNumber ?? checklist.plan.title,
      pageTemplate: t('print.doc.page', { page: '{{page}}', pages: '{{pages}}' }),
    }),
  );
  return <ChecklistDocument checklist={checklist} options={options} />;
}

function BareChecklist({ department, options }: { department: string | null; options: ChecklistOptions }) {
  const { t } = useTranslation();
  const checklist = useChecklist(department, options.measure);
  useEffect(() => {
    document.documentElement.classList.add('print-bare-root');
    return () => document.documentElement.classList.remove('print-bare-root');
  }, []);
  return (
    <div className="print-bare">
      {department === null ? (
        <p className="print-message">{t('print.screen.chooseDepartment')}</p>
      ) : checklist.isPending ? (
        <Loading />
      ) : checklist.isError ? (
        <ErrorPanel error={checklist.error} />
      ) : (
        <PrintedChecklist checklist={checklist.data} options={options} />
      )}
    </div>
  );
}

function PrintPreview({ department, options }: { department: string | null; options: ChecklistOptions }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const checklist = useChecklist(department, options.measure);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const data = checklist.data;

  // Options live in the URL, replaced (no history entry per click).
  const change = (patch: Partial<ChecklistOptions>) => replaceRoute(checklistPath, optionParams({ ...options, department, ...patch }));

  const run = async (kind: 'print' | 'pdf', work: () => Promise<void>) => {
    setBusy(kind);
    try {
      await work();
    } catch (error) {
      toasts.show('error', errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  const print = () =>
    run('print', async () => {
      if (isDesktop) await call('print.dialog', { orientation: options.orientation });
      else window.print();
    });

  const savePdf = (current: Checklist) =>
    run('pdf', async () => {
      let saved: string | null = null;
      const name = pdfFileName(t('print.doc.title'), current.department, options.measure, current.printedAt);
      const outcome = await saveOutput('pdf', name, async (targetId) => {
        if (targetId !== null) saved = (await call('print.savePdf', { targetId, orientation: options.orientation })).name;
        return { download: null };
      });
      if (outcome === 'saved' && saved !== null) toasts.show('success', t('print.screen.saved', { name: saved }));
    });

  return (
    <div className="page page-wide print-screen">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('print.screen.title')}</h1>
          <p className="page-subtitle">{t('print.screen.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" disabled={!data || busy !== null} onClick={() => void print()}>
            <Printer size={16} aria-hidden />
            {t('print.screen.print')}
          </button>
          {isDesktop && (
            <button type="button" className="button" disabled={!data || busy !== null} onClick={() => data && void savePdf(data)}>
              <FileDown size={16} aria-hidden />
              {busy === 'pdf' ? t('print.screen.saving') : t('print.screen.savePdf')}
            </button>
          )}
        </div>
      </div>

      <PrintOptions department={department} options={options} onChange={change} />

      {department === null ? (
        <p className="muted">{t('print.screen.chooseDepartment')}</p>
      ) : checklist.isPending ? (
        <Loading />
      ) : checklist.isError ? (
        <ErrorPanel error={checklist.error} onRetry={() => void checklist.refetch()} />
      ) : (
        <>
          <p className="field-hint print-hint">
            {t('print.screen.previewHint')}
            {!isDesktop && ` ${t('print.screen.browserHint')}`}
          </p>
          <Preview checklist={checklist.data} options={options} />
          {createPortal(
            <div className="print-portal">
              <PrintedChecklist checklist={checklist.data} options={options} />
            </div>,
            document.body,
          )}
        </>
      )}
    </div>
  );
}

/** The paper on the screen: a white A4-wide sheet on grey, scaled down to fit when the window is narrow. */
function Preview({ checklist, options }: { checklist: Checklist; options: DocumentOptions }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const m = pageMarginsMm[options.orientation];
  useEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    const fit = () => {
      const available = element.clientWidth - 48;
      setZoom(Math.min(1, Math.max(0.4, available / sheetWidthPx[options.orientation])));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [options.orientation]);

  return (
    <section className="print-preview" ref={frame} aria-label={t('print.screen.preview')}>
      <div className={`print-sheet print-sheet-${options.orientation}`} style={{ zoom, padding: `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm` }}>
        <div className="print-sheet-header" style={{ top: 0, left: `${m.left}mm`, right: `${m.right}mm`, height: `${m.top - headerGapMm}mm` }} aria-hidden>
          <span>{t('print.doc.runningTitle', { department: checklist.department })}</span>
          <span>{checklist.plan.docNumber ?? checklist.plan.title}</span>
        </div>
        <ChecklistDocument checklist={checklist} options={options} />
      </div>
    </section>
  );
}

function PrintOptions({
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
              <input type="checkbox" checked={options.statuses.includes(status)} onChange={(event) => toggleStatus(status, event.target.checked)} />
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
