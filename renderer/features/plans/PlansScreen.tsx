import { Download, FileUp, Star } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanPreview, PlanSummary } from '../../../shared/api/calls/plan';
import { planFileName } from '../../../shared/plan';
import { percentDone } from '../../../shared/workspace/progress';
import { call } from '../../api/client';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { ErrorPanel, Loading } from '../../components/ErrorPanel';
import { ProgressBar } from '../../components/ProgressBar';
import { useToasts } from '../../components/Toasts';
import { formatDate } from '../../components/format';
import { ImportPreview } from './ImportPreview';
import { pickFiles, saveOutput } from '../../platform/files';
import { navigate } from '../../app/router';
import './plans.css';

type ImportState = { step: 'idle' } | { step: 'reading'; percent: number | null } | { step: 'preview'; preview: PlanPreview };

export function PlansScreen() {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  const plans = useCall('plans.list', {});
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));

  const activate = useCallMutation('plans.activate', {
    onSuccess: (plan) => toasts.show('success', t('plans.activated', { title: plan.title })),
  });
  const confirm = useCallMutation('plans.import', {
    onSuccess: ({ plan }) => {
      toasts.show('success', t('plans.preview.imported', { title: plan.title, measures: plan.measureCount }));
      setState({ step: 'idle' });
      navigate('/');
    },
  });

  async function startImport(): Promise<void> {
    try {
      const [file] = await pickFiles('plan', {
        onProgress: (sent, total) => setState({ step: 'reading', percent: total ? percentDone(sent, total) : null }),
      });
      if (!file) return setState({ step: 'idle' });
      setState({ step: 'reading', percent: null });
      setState({ step: 'preview', preview: await call('plans.preview', { fileId: file.id }) });
    } catch (error) {
      setState({ step: 'idle' });
      fail(error);
    }
  }

  async function exportPlan(plan: PlanSummary): Promise<void> {
    try {
      const outcome = await saveOutput('plan', planFileName(plan.title), (targetId) => call('plans.export', { planId: plan.id, targetId }));
      if (outcome === 'saved') toasts.show('success', t('plans.exported'));
    } catch (error) {
      fail(error);
    }
  }

  if (state.step === 'preview') {
    return (
      <ImportPreview
        preview={state.preview}
        busy={confirm.isPending || activate.isPending}
        onCancel={() => setState({ step: 'idle' })}
        onConfirm={() => confirm.mutate({ previewId: state.preview.previewId }, { onError: fail })}
        onSwitch={(planId) =>
          activate.mutate(
            { planId },
            {
              onSuccess: () => {
                setState({ step: 'idle' });
                navigate('/');
              },
              onError: fail,
            },
          )
        }
      />
    );
  }

  return (
    <div className="page page-wide">
      <div className="page-heading">
        <div>
          <h1 className="page-title">{t('plans.title')}</h1>
          <p className="page-subtitle">{t('plans.subtitle')}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => void startImport()} disabled={state.step === 'reading'}>
            <FileUp size={16} aria-hidden />
            {t('plans.importButton')}
          </button>
        </div>
      </div>
      <p className="field-hint">{t('plans.importHint')}</p>

      {state.step === 'reading' && (
        <div className="card" role="status">
          {state.percent === null ? t('plans.reading') : t('plans.uploading', { percent: state.percent })}
          <ProgressBar value={state.percent} label={t('plans.reading')} />
        </div>
      )}

      {plans.isPending && <Loading />}
      {plans.isError && <ErrorPanel error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data && (
        <ul className="plan-list">
          {plans.data.plans.map((plan) => {
            const isActive = plan.id === plans.data.activeId;
            return (
              <li key={plan.id} className={`card plan-card${isActive ? ' plan-card-active' : ''}`}>
                <div className="plan-card-main">
                  <h2 className="plan-card-title">
                    {plan.title}
                    {isActive && (
                      <span className="badge badge-primary">
                        <Star size={12} aria-hidden />
                        {t('plans.active')}
                      </span>
                    )}
                  </h2>
                  <p className="plan-card-meta">
                    {plan.docNumber && <span>{plan.docNumber}</span>}
                    {plan.issuer && plan.issuedOn && (
                      <span>{t('plans.issuedBy', { issuer: plan.issuer, date: formatDate(plan.issuedOn, i18n.language) })}</span>
                    )}
                  </p>
                  <p className="plan-card-meta muted">
                    <span>{t('plans.measures', { count: plan.measureCount })}</span>
                    <span>{t('plans.departments', { count: plan.departmentCount })}</span>
                    <span>{t('plans.importedAt', { date: formatDate(plan.importedAt, i18n.language) })}</span>
                    <span>{t('plans.source', { name: plan.sourceName })}</span>
                  </p>
                </div>
                <div className="plan-card-actions">
                  {!isActive && (
                    <button type="button" className="button" onClick={() => activate.mutate({ planId: plan.id }, { onError: fail })}>
                      {t('plans.activate')}
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => void exportPlan(plan)}>
                    <Download size={16} aria-hidden />
                    {t('plans.export')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
