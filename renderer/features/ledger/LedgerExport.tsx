import { CheckCircle2, Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../shared/api/calls/jobs';
import { userMessage } from '../../../shared/api/error-text';
import { ApiCallError } from '../../../shared/api/errors';
import { percentDone } from '../../../shared/workspace/progress';
import { call } from '../../api/client';
import { useJob } from '../../api/useJob';
import { ProgressBar } from '../../components/ProgressBar';
import { formatBytes } from '../../components/format';
import { saveOutput } from '../../platform/files';

type ExportState =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'done'; fileName: string; size: number; tasks: number; measures: number }
  | { step: 'failed'; message: string };

/**
 * Exports the department's whole ledger as .xlsx: the desktop asks where first (with the
 * name the backend suggests), the browser receives a download; a job with progress and Stop.
 */
export function LedgerExport() {
  const { t, i18n } = useTranslation();
  const job = useJob();
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const percent = job.job && job.job.total > 0 ? percentDone(job.job.done, job.job.total) : null;

  async function exportLedger(): Promise<void> {
    try {
      const { fileName } = await call('ledger.exportName', {});
      // The finished job, kept by the producer: saveOutput only passes the download on.
      const finished: { job: Job | null } = { job: null };
      const outcome = await saveOutput('ledger', fileName, async (targetId) => {
        setState({ step: 'working' });
        const done = await job.run(() => call('ledger.export', { targetId }));
        finished.job = done;
        return { download: done.result?.kind === 'ledger.export' ? done.result.download : null };
      });
      const done = finished.job;
      if (outcome === 'cancelled' || done === null) return setState({ step: 'idle' });
      if (done.state === 'done' && done.result?.kind === 'ledger.export') {
        const { fileName: name, size, tasks, measures } = done.result;
        setState({ step: 'done', fileName: name, size, tasks, measures });
      } else if (done.state === 'cancelled') {
        setState({ step: 'failed', message: t('ledger.export.cancelled') });
      } else {
        setState({ step: 'failed', message: done.error ? userMessage(new ApiCallError(done.error), t) : t('errors.internal') });
      }
    } catch (error) {
      setState({ step: 'failed', message: userMessage(error, t) });
    } finally {
      job.reset();
    }
  }

  return (
    <section className="card ledger-card" aria-labelledby="ledger-export-title">
      <h2 id="ledger-export-title" className="card-title">
        <Download size={16} aria-hidden />
        {t('ledger.export.title')}
      </h2>
      <p className="field-hint">{t('ledger.export.hint')}</p>
      <div className="ledger-card-actions">
        <button type="button" className="button button-primary" disabled={state.step === 'working'} onClick={() => void exportLedger()}>
          <Download size={16} aria-hidden />
          {t('ledger.export.button')}
        </button>
      </div>
      {state.step === 'working' && (
        <div className="ledger-job" role="status">
          <p>{t('ledger.export.working', { percent: percent ?? 0 })}</p>
          <ProgressBar value={percent} label={t('ledger.export.working', { percent: percent ?? 0 })} />
          <button type="button" className="button button-small" onClick={() => void job.cancel()}>
            {t('ledger.export.stop')}
          </button>
        </div>
      )}
      {state.step === 'done' && (
        <p className="ledger-done" role="status" data-testid="ledger-export-done">
          <CheckCircle2 size={16} aria-hidden />
          {t('ledger.export.done', {
            name: state.fileName,
            size: formatBytes(state.size, i18n.language),
            tasks: state.tasks,
            measures: state.measures,
          })}
        </p>
      )}
      {state.step === 'failed' && (
        <p className="text-danger" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
