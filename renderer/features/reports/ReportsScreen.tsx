import { CircleCheck, Eye, FileOutput, FileType2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../shared/api/calls/plan';
import { reportFileName } from '../../../shared/report/file-names';
import { formatFingerprint } from '../../../shared/report/manifest';
import { parsePeriod, periodLabel, type Period } from '../../../shared/report/period';
import { call } from '../../api/client';
import { useCall } from '../../api/queries';
import { userMessage } from '../../../shared/api/error-text';
import { useToasts } from '../../components/Toasts';
import { saveOutput } from '../../platform/files';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { formatBytes, formatDateTime } from '../../components/format';
import { replaceRoute } from '../../app/router';
import { ExportDialog } from './ExportDialog';
import { fieldsFor, periodKey, PeriodPicker, type PeriodFields } from './PeriodPicker';
import { ReceiptImport } from './ReceiptImport';
import { ReportEditor } from './ReportEditor';
import './reports.css';

/** The Word copy's suggested name: the package's name (<部门>-<期间>) with .docx. */
function docxFileName(department: string, period: Period): string {
  return reportFileName(department, period).replace(/\.plreport$/u, '.docx');
}

/** The period report: choose the period, write it, preview the exact report.html, export it signed. */
export function ReportsScreen({
  plan,
  department,
  initialPeriod,
}: {
  plan: PlanSummary;
  department: string;
  initialPeriod: string | null;
}) {
  const { t, i18n } = useTranslation();
  const defaultYear = Number((plan.issuedOn ?? new Date().toISOString()).slice(0, 4));
  const [fields, setFields] = useState<PeriodFields>(() => fieldsFor(initialPeriod, defaultYear));
  const [previewing, setPreviewing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [savingDocx, setSavingDocx] = useState(false);
  const toasts = useToasts();
  const key = periodKey(fields);
  const period = key ? parsePeriod(key) : null;
  const draft = useCall('reports.draft', { period: key ?? '' }, { enabled: key !== null });
  const history = useCall('reports.history', {});
  // A department without a measure in the active plan has nothing to report; the backend refuses such an export too.
  const nothingToReport = draft.data !== undefined && draft.data.data.measures.length === 0;

  /** The period's report alone as an unsigned Word document (desktop: where to save first; browser: a download). */
  async function saveDocx(period: string, suggestedName: string): Promise<void> {
    setSavingDocx(true);
    try {
      let savedAs = suggestedName;
      const outcome = await saveOutput('docx', suggestedName, async (targetId) => {
        const saved = await call('reports.saveDocx', { period, targetId });
        savedAs = saved.fileName;
        return saved;
      });
      if (outcome === 'saved') toasts.show('success', t('reporting.docxSaved', { name: savedAs }));
    } catch (error) {
      toasts.show('error', userMessage(error, t));
    } finally {
      setSavingDocx(false);
    }
  }

  useEffect(() => {
    // Keep the period in the address so a reload (or a bookmark) comes back to it.
    if (key) replaceRoute('/reports', { period: key });
  }, [key]);

  return (
    <div className="page page-wide reports-page">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('reporting.title')}</h1>
          <p className="page-subtitle">{t('reporting.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="button"
            disabled={!key}
            aria-pressed={previewing}
            onClick={() => setPreviewing((value) => !value)}
          >
            {previewing ? <X size={16} aria-hidden /> : <Eye size={16} aria-hidden />}
            {previewing ? t('reporting.closePreview') : t('reporting.preview')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!period || !draft.data || nothingToReport || savingDocx}
            aria-describedby="report-docx-hint"
            onClick={() => period && void saveDocx(period.key, docxFileName(department, period))}
          >
            <FileType2 size={16} aria-hidden />
            {savingDocx ? t('reporting.savingDocx') : t('reporting.saveDocx')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!key || !draft.data || nothingToReport}
            onClick={() => setExporting(true)}
          >
            <FileOutput size={16} aria-hidden />
            {t('reporting.export')}
          </button>
        </div>
      </div>

      <PeriodPicker value={fields} onChange={setFields} />
      <p id="report-docx-hint" className="field-hint report-docx-hint">
        {t('reporting.docxHint')}
      </p>

      {nothingToReport && (
        <p className="notice notice-warning" role="status" data-testid="nothing-to-report">
          {t('errors.report.nothing_to_report', { department })}
        </p>
      )}

      {previewing && key && (
        <section className="card report-preview" aria-label={t('reporting.previewTitle')}>
          <h2 className="card-title">{t('reporting.previewTitle')}</h2>
          <iframe
            title={t('reporting.previewTitle')}
            sandbox=""
            src={`/preview/report.html?period=${encodeURIComponent(key)}&at=${encodeURIComponent(draft.data?.updatedAt ?? '')}`}
          />
        </section>
      )}

      {draft.isPending && key && <Loading />}
      {draft.isError && <ErrorPanel error={draft.error} onRetry={() => void draft.refetch()} />}
      {draft.data && key && <ReportEditor key={key} periodKey={key} data={draft.data.data} updatedAt={draft.data.updatedAt} />}

      <section className="card" aria-labelledby="report-history">
        <div className="report-history-heading">
          <h2 id="report-history" className="card-title">
            {t('reporting.history')}
          </h2>
          <ReceiptImport />
        </div>
        {history.data?.length === 0 && <p className="muted">{t('reporting.historyEmpty')}</p>}
        {history.data && history.data.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('reporting.historyTime')}</th>
                <th>{t('reporting.historyPeriod')}</th>
                <th>{t('reporting.historyFile')}</th>
                <th>{t('reporting.historySize')}</th>
                <th>{t('reporting.historyFingerprint')}</th>
                <th>{t('office.receipt.delivery.column')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.exportedAt, i18n.language)}</td>
                  <td>{row.periodLabel}</td>
                  <td>{row.fileName}</td>
                  <td>{formatBytes(row.size, i18n.language)}</td>
                  <td>
                    <code className="fingerprint-short" title={formatFingerprint(row.fingerprint)}>
                      {formatFingerprint(row.fingerprint).slice(0, 19)}…
                    </code>
                  </td>
                  <td data-testid="delivery">
                    {row.delivery ? (
                      <span className="delivery-status" title={formatFingerprint(row.delivery.officeFingerprint)}>
                        <CircleCheck size={14} aria-hidden />
                        {t('office.receipt.delivery.delivered', {
                          office: row.delivery.office,
                          time: formatDateTime(row.delivery.receivedAt, i18n.language),
                        })}
                      </span>
                    ) : (
                      <span className="muted">{t('office.receipt.delivery.notDelivered')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {exporting && period && (
        <ExportDialog
          periodKey={period.key}
          periodLabel={periodLabel(period, t)}
          fileName={reportFileName(department, period)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}
