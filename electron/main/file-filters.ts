/** The filters of the native open and save dialogs (pure: no Electron, so tests can read them). */
import type { TFunction } from 'i18next';
import type { FilePurpose } from '../../shared/api/calls/files';
import { PLAN_EXPORT_EXTENSIONS, PLAN_SOURCE_EXTENSIONS } from '../../shared/plan/source-files';

/** Electron's FileFilter, restated so this module needs no Electron. */
export interface DialogFilter {
  name: string;
  extensions: string[];
}

type Extensions = Record<FilePurpose, readonly string[] | null>;

/** What each open dialog lists first (then "all files"). */
const openExtensions: Extensions = {
  plan: PLAN_SOURCE_EXTENSIONS,
  evidence: null,
  report: ['plreport'],
  pdf: ['pdf'],
  key: ['pem'],
  packages: ['plreport'],
  receipt: ['plreceipt'],
  matrix: ['xlsx', 'csv'],
  sheet: ['xlsx', 'csv'],
  ledger: ['xlsx'],
  docx: ['docx'],
};

/** What each save dialog offers: the same, except that a plan is exported as its JSON only. */
const saveExtensions: Extensions = { ...openExtensions, plan: PLAN_EXPORT_EXTENSIONS };

/**
 * The purpose's own file types first, named with their patterns (Linux and Windows dialogs
 * show only the name: "方案文件 (*.pdf *.ofd …)"), then all files.
 */
export function dialogFilters(purpose: FilePurpose, dialogKind: 'open' | 'save', t: TFunction): DialogFilter[] {
  const allFiles = { name: t('dialogs.allFiles'), extensions: ['*'] };
  const own = (dialogKind === 'open' ? openExtensions : saveExtensions)[purpose];
  if (!own) return [allFiles];
  const label = t(`dialogs.filters.${dialogKind === 'save' && purpose === 'plan' ? 'planExport' : purpose}`);
  return [{ name: `${label} (${own.map((extension) => `*.${extension}`).join(' ')})`, extensions: [...own] }, allFiles];
}
