import type { Language } from '../api/calls/settings';
import enCli from './en/cli';
import enCommon from './en/common';
import enErrors from './en/errors';
import enMenu from './en/menu';
import enSettings from './en/settings';
import zhCli from './zh-CN/cli';
import zhCommon from './zh-CN/common';
import zhErrors from './zh-CN/errors';
import zhMenu from './zh-CN/menu';
import zhSettings from './zh-CN/settings';

/** All UI text, one i18next namespace per language; modules keep each screen's strings together. */
export const resources = {
  'zh-CN': {
    translation: { ...zhCommon, settings: zhSettings, errors: zhErrors, menu: zhMenu, cli: zhCli },
  },
  en: {
    translation: { ...enCommon, settings: enSettings, errors: enErrors, menu: enMenu, cli: enCli },
  },
} satisfies Record<Language, { translation: object }>;

export type TranslationResource = (typeof resources)['zh-CN']['translation'];

export const i18nDefaults = {
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
