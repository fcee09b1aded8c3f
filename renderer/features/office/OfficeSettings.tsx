import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/calls/settings';
import { userMessage } from '../../../shared/api/error-text';
import { useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import './office.css';

/** Whether this install also acts as the receiving office: shows the inbox, the matrix and the roll-up in the sidebar. */
export function OfficeSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const toggleId = useId();
  const hintId = useId();
  const update = useCallMutation('settings.update', { onSuccess: () => toasts.show('success', t('settings.saved')) });

  return (
    <section className="card" aria-labelledby="settings-office">
      <h2 id="settings-office" className="card-title">
        {t('office.settings.title')}
      </h2>
      <label className="office-toggle" htmlFor={toggleId}>
        <input
          id={toggleId}
          type="checkbox"
          checked={settings.office}
          disabled={update.isPending}
          aria-describedby={hintId}
          onChange={(event) =>
            update.mutate({ office: event.target.checked }, { onError: (error) => toasts.show('error', userMessage(error, t)) })
          }
        />
        {t('office.settings.toggle')}
      </label>
      <p id={hintId} className="field-hint">
        {t('office.settings.hint')}
      </p>
    </section>
  );
}
