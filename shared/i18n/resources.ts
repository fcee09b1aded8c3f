import type { Language } from '../api/calls/settings';
import enCli from './en/cli';
import enCommon from './en/common';
import enDialogs from './en/dialogs';
import enErrors from './en/errors';
import enEvidence from './en/evidence';
import enLedger from './en/ledger';
import enMenu from './en/menu';
import enOffice from './en/office';
import enPlans from './en/plans';
import enWorkspace from './en/workspace';
import enPlanParser from './en/planParser';
import enPrint from './en/print';
import enRecovery from './en/recovery';
import enReport from './en/report';
import enReporting from './en/reporting';
import enSearch from './en/search';
import enSettings from './en/settings';
import zhCli from './zh-CN/cli';
import zhCommon from './zh-CN/common';
import zhDialogs from './zh-CN/dialogs';
import zhErrors from './zh-CN/errors';
import zhEvidence from './zh-CN/evidence';
import zhLedger from './zh-CN/ledger';
import zhMenu from './zh-CN/menu';
import zhOffice from './zh-CN/office';
import zhPlans from './zh-CN/plans';
import zhWorkspace from './zh-CN/workspace';
import zhPlanParser from './zh-CN/planParser';
import zhPrint from './zh-CN/print';
import zhRecovery from './zh-CN/recovery';
import zhReport from './zh-CN/report';
import zhReporting from './zh-CN/reporting';
import zhSearch from './zh-CN/search';
import zhSettings from './zh-CN/settings';

/** All UI text, one i18next namespace per language; modules keep each screen's strings together. */
export const resources = {
  'zh-CN': {
    translation: {
      ...zhCommon,
      settings: zhSettings,
      errors: zhErrors,
      menu: zhMenu,
      cli: zhCli,
      dialogs: zhDialogs,
      planParser: zhPlanParser,
      plans: zhPlans,
      workspace: zhWorkspace,
      evidence: zhEvidence,
      print: zhPrint,
      report: zhReport,
      reporting: zhReporting,
      search: zhSearch,
      recovery: zhRecovery,
      office: zhOffice,
      ledger: zhLedger,
    },
  },
  en: {
    translation: {
      ...enCommon,
      settings: enSettings,
      errors: enErrors,
      menu: enMenu,
      cli: enCli,
      dialogs: enDialogs,
      planParser: enPlanParser,
      plans: enPlans,
      workspace: enWorkspace,
      evidence: enEvidence,
      print: enPrint,
      report: enReport,
      reporting: enReporting,
      search: enSearch,
      recovery: enRecovery,
      office: enOffice,
      ledger: enLedger,
    },
  },
} satisfies Record<Language, { translation: object }>;

export type TranslationResource = (typeof resources)['zh-CN']['translation'];

export const i18nDefaults = {
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
