import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/api/calls/settings';
import { userMessage } from '../../../shared/api/error-text';
import { useCall, useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { href } from '../../app/router';
import { useDraft } from '../../components/useDraft';

/** Department, its full official name, and the name written into the history. */
export function WorkSettings({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useCallMutation('settings.update', { onSuccess: () => toasts.show('success', t('settings.saved')) });
  const save = (patch: SettingsPatch) => update.mutate(patch, { onError: (error) => toasts.show('error', userMessage(error, t)) });
  const department = settings.department;

  return (
    <section className="card" aria-labelledby="settings-work">
      <h2 id="settings-work" className="card-title">
        {t('settings.department')}
      </h2>
      <div className="field">
        <span className="field-label">{t('settings.department')}</span>
        <div className="field-row">
          <strong>{department ?? t('settings.departmentNone')}</strong>
          <a className="button button-small" href={href('/departments')}>
            {t('settings.departmentChange')}
          </a>
        </div>
        <p className="field-hint">{t('settings.departmentHint')}</p>
      </div>
      {department && (
        // 单位全称: reports and the ledger are signed off with it.
        <TextSetting
          key={department}
          label={t('settings.unitName')}
          hint={t('settings.unitNameHint', { department })}
          placeholder={t('settings.unitNamePlaceholder')}
          value={settings.unitNames[department] ?? ''}
          maxLength={100}
          wide
          onCommit={(fullName) => save({ unitName: { department, fullName } })}
        />
      )}
      <TextSetting
        label={t('settings.operator')}
        hint={t('settings.operatorHint')}
        placeholder={t('settings.operatorPlaceholder')}
        value={settings.operator}
        maxLength={50}
        onCommit={(operator) => save({ operator })}
      />
    </section>
  );
}

/** A text setting saved (trimmed) when the user leaves the field or presses Enter, and only when it changed. */
function TextSetting(props: {
  label: string;
  hint: string;
  placeholder: string;
  value: string;
  maxLength: number;
  wide?: boolean;
  onCommit: (value: string) => void;
}) {
  const id = useId();
  const hintId = useId();
  const draft = useDraft(props.value, (next) => {
    if (next.trim() !== props.value) props.onCommit(next.trim());
  });
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className={`field-input ${props.wide ? 'field-input-long' : 'field-input-short'}`}
        value={draft.draft}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-describedby={hintId}
        onChange={(event) => draft.set(event.target.value)}
        onBlur={draft.commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
      <p id={hintId} className="field-hint">
        {props.hint}
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
