import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage } from '../../shared/api/calls/settings';
import { i18nDefaults, resources, type TranslationResource } from '../../shared/i18n/resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TranslationResource };
  }
}

void i18next.use(initReactI18next).init({ ...i18nDefaults, resources, lng: defaultLanguage, initAsync: false });

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
});

export default i18next;
