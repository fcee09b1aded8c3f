import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/api/calls/settings';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { href } from '../../app/router';
import { useDraft } from '../../components/useDraft';

/** Department and the name written into the history. */
export function WorkSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const operatorId = useId();
  const update = useCallMutation('settings.update', { onSuccess: () => toasts.show('success', t('settings.saved')) });
  const operator = useDraft(settings.operator, (next) =>
    update.mutate({ operator: next.trim() }, { onError: (error) => toasts.show('error', userMessage(error, t)) }),
  );

  return (
    <section className="card" aria-labelledby="settings-work">
      <h2 id="settings-work" className="card-title">
        {t('settings.department')}
      </h2>
      <div className="field">
        <span className="field-label">{t('settings.department')}</span>
        <div className="field-row">
          <strong>{settings.department ?? t('settings.departmentNone')}</strong>
          <a className="button button-small" href={href('/departments')}>
            {t('settings.departmentChange')}
          </a>
        </div>
        <p className="field-hint">{t('settings.departmentHint')}</p>
      </div>
      {settings.department && (
        <UnitNameField
          key={settings.department}
          department={settings.department}
          fullName={settings.unitNames[settings.department] ?? ''}
        />
      )}
      <div className="field">
        <label className="field-label" htmlFor={operatorId}>
          {t('settings.operator')}
        </label>
        <input
          id={operatorId}
          className="field-input field-input-short"
          value={operator.draft}
          maxLength={50}
          placeholder={t('settings.operatorPlaceholder')}
          onChange={(event) => operator.set(event.target.value)}
          onBlur={operator.commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
        <p className="field-hint">{t('settings.operatorHint')}</p>
      </div>
    </section>
  );
}

/** The department's 单位全称 (reports and the ledger are signed off with it), saved when the user is done with the field. */
function UnitNameField({ department, fullName }: { department: string; fullName: string }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const id = useId();
  const hintId = useId();
  const update = useCallMutation('settings.update', { onSuccess: () => toasts.show('success', t('settings.saved')) });
  const unitName = useDraft(fullName, (next) => {
    if (next.trim() === fullName) return;
    update.mutate({ unitName: { department, fullName: next.trim() } }, { onError: (error) => toasts.show('error', userMessage(error, t)) });
  });
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('settings.unitName')}
      </label>
      <input
        id={id}
        className="field-input field-input-long"
        value={unitName.draft}
        maxLength={100}
        placeholder={t('settings.unitNamePlaceholder')}
        aria-describedby={hintId}
        onChange={(event) => unitName.set(event.target.value)}
        onBlur={unitName.commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
      <p id={hintId} className="field-hint">
        {t('settings.unitNameHint', { department })}
      </p>
    </div>
  );
}

export function AliasSettings() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const [alias, setAlias] = useState('');
  const [canonical, setCanonical] = useState('');
  const aliases = useCallMutation('aliases.set', { onSuccess: () => toasts.show('success', t('settings.saved')) });
  const fail = (error: unknown) => toasts.show('error', userMessage(error, t));
  const { data } = useCall('aliases.list', {});

  return (
    <section className="card" aria-labelledby="settings-aliases">
      <h2 id="settings-aliases" className="card-title">
        {t('settings.aliases')}
      </h2>
      <p className="field-hint">{t('settings.aliasesHint')}</p>
      {data && data.length === 0 && <p className="muted">{t('settings.aliasesEmpty')}</p>}
      {data && data.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.aliasFrom')}</th>
              <th>{t('settings.aliasTo')}</th>
              <th aria-hidden />
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.alias}>
                <td>{row.alias}</td>
                <td>{row.canonical}</td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('settings.aliasRemove', { alias: row.alias })}
                    onClick={() => aliases.mutate({ alias: row.alias, canonical: null }, { onError: fail })}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="field-row alias-form"
        onSubmit={(event) => {
          event.preventDefault();
          aliases.mutate(
            { alias: alias.trim(), canonical: canonical.trim() },
            {
              onSuccess: () => {
                setAlias('');
                setCanonical('');
              },
              onError: fail,
            },
          );
        }}
      >
        <input
          className="field-input"
          value={alias}
          maxLength={100}
          placeholder={t('settings.aliasFrom')}
          aria-label={t('settings.aliasFrom')}
          onChange={(e) => setAlias(e.target.value)}
        />
        <span aria-hidden>→</span>
        <input
          className="field-input"
          value={canonical}
          maxLength={100}
          placeholder={t('settings.aliasTo')}
          aria-label={t('settings.aliasTo')}
          onChange={(e) => setCanonical(e.target.value)}
        />
        <button
          type="submit"
          className="button"
          disabled={alias.trim() === '' || canonical.trim() === '' || alias.trim() === canonical.trim()}
        >
          {t('settings.aliasAdd')}
        </button>
      </form>
    </section>
  );
}
