import i18next, { type TFunction } from 'i18next';
import { languages, type Language } from '../../shared/api/calls/settings';
import { i18nDefaults, resources } from '../../shared/i18n/resources';

const translators = new Map<Language, TFunction>();

/** A translator for main-process text (menus, dialogs, CLI, preview), from the same resources as the UI; one per language. */
export function createTranslator(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({ ...i18nDefaults, resources, lng: language, initAsync: false });
    t = instance.t;
    translators.set(language, t);
  }
  return t;
}

export function toLanguage(value: string | undefined): Language | undefined {
  if (!value) return undefined;
  return (
    languages.find((language) => language.toLowerCase() === value.toLowerCase()) ??
    (value.toLowerCase().startsWith('en') ? 'en' : value.toLowerCase().startsWith('zh') ? 'zh-CN' : undefined)
  );
}
