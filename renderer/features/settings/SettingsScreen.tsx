import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/calls/app';
import { languages, type Settings } from '../../../shared/api/calls/settings';
import { userMessage } from '../../../shared/api/error-text';
import { useCallMutation } from '../../api/queries';
import { useToasts } from '../../components/Toasts';
import { BackupSettings } from './BackupSettings';
import { KeySettings } from './KeySettings';
import { TrustedSigners } from './TrustedSigners';
import { AliasSettings, WorkSettings } from './WorkSettings';
import { OfficeSettings } from '../office/OfficeSettings';
import './settings.css';

export function SettingsScreen({ settings, info }: { settings: Settings; info: AppInfo | undefined }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useCallMutation('settings.update', {
    onSuccess: () => toasts.show('success', t('settings.saved')),
  });

  return (
    <div className="page">
      <h1 className="page-title">{t('settings.title')}</h1>

      <section className="card" aria-labelledby="settings-general">
        <h2 id="settings-general" className="card-title">
          {t('settings.general')}
        </h2>
        <fieldset className="field">
          <legend className="field-label">{t('settings.language')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
            {languages.map((language) => (
              <label key={language} className={`segment${settings.language === language ? ' checked' : ''}`}>
                <input
                  type="radio"
                  name="language"
                  value={language}
                  checked={settings.language === language}
                  disabled={update.isPending}
                  onChange={() => update.mutate({ language }, { onError: (error) => toasts.show('error', userMessage(error, t)) })}
                />
                {t(`settings.languages.${language}`)}
              </label>
            ))}
          </div>
          <p className="field-hint">{t('settings.languageHint')}</p>
        </fieldset>
      </section>

      <WorkSettings settings={settings} />
      <OfficeSettings settings={settings} />
      {settings.department && <KeySettings />}
      <TrustedSigners />
      <BackupSettings />
      <AliasSettings />

      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about" className="card-title">
          {t('settings.about')}
        </h2>
        {info && (
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.runtime')}</dt>
            <dd>
              {t(`settings.runtimes.${info.runtime}`)}
              {info.electronVersion ? ` · Electron ${info.electronVersion}` : ` · Node ${info.nodeVersion}`}
            </dd>
            <dt>{t('settings.sqlite')}</dt>
            <dd>{info.sqliteVersion}</dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
            <dt>{t('settings.dataDir')}</dt>
            <dd>
              <code className="path">{info.dataDir}</code>
              <p className="field-hint">{t('settings.dataDirHint')}</p>
            </dd>
          </dl>
        )}
      </section>
    </div>
  );
}
