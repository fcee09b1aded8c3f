import { FileDown, Printer } from 'lucide-react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Checklist } from '../../../shared/api/calls/print';
import { call, isDesktop } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { useToasts } from '../../components/Toasts';
import { saveOutput } from '../../platform/files';
import { replaceRoute } from '../../app/router';
import { pdfFileName } from './model';
import { checklistPath, optionParams, readOptions, type ChecklistOptions } from './options';
import { PrintedChecklist } from './PrintedChecklist';
import { useChecklist } from './useChecklist';
import { PrintOptions } from './PrintOptions';
import { SheetPreview } from './SheetPreview';
import './print.css';

/**
 * `#/print/checklist?…`: the checklist of one department (or one measure) as it will be
 * printed. In the app: options, Print / Save as PDF and an A4 preview. With `bare=1`: only
 * the document, as a deep link, the dev host or a PDF renderer opens it.
 */
export function PrintScreen({ params, defaultDepartment }: { params: URLSearchParams; defaultDepartment: string | null }) {
  const options = readOptions(params);
  const department = options.department ?? defaultDepartment;
  return options.bare ? (
    <BareChecklist department={department} options={options} />
  ) : (
    <PrintPreview department={department} options={options} />
  );
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
      toasts.show('error', userMessage(error, t));
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
          <SheetPreview checklist={checklist.data} options={options} />
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
