/**
 * Typed errors that cross the API boundary. A call either returns its value or one of
 * these codes; the UI shows `t(messageKey, params)` in the user's language.
 */
import { PLAN_ERROR_CODES } from '../plan/error-codes';

export const errorCodes = [
  'request.invalid',
  'request.unknown_call',
  'request.forbidden',
  'internal',
  'unsupported',
  'department.unknown',
  'department.not_chosen',
  'plan.none',
  'plan.preview_expired',
  'plan.not_found',
  ...PLAN_ERROR_CODES,
  'measure.not_found',
  'measure.not_assigned',
  'task.not_found',
  'task.merge_too_long',
  'file.too_large',
  'file.uploads_full',
  'file.unreadable',
  'file.not_found',
  'file.is_directory',
  'file.expired',
  'file.write_failed',
  'file.disk_full',
  'job.not_found',
  'evidence.not_found',
  'evidence.missing',
  'evidence.damaged',
  'evidence.open_failed',
  'evidence.runnable',
  'evidence.disk_full',
  'db.newer_version',
  'db.open_failed',
  'db.damaged',
  'db.missing',
  'backup.not_found',
  'backup.damaged',
  'recovery.busy',
  'report.bad_public_key',
  'report.passphrase_required',
  'report.passphrase_too_short',
  'report.wrong_passphrase',
  'report.bad_key_file',
  'report.unsafe_entry',
  'report.duplicate_entry',
  'report.too_many_files',
  'report.too_large',
  'report.disk_full',
  'report.write_failed',
  'report.cancelled',
  'report.no_key',
  'report.key_needs_app',
  'report.key_unavailable',
  'report.nothing_to_report',
  'report.period_invalid',
  'report.verified_expired',
  'report.not_in_package',
  'report.changed_since_verified',
  'report.save_disk_full',
  'report.save_failed',
  'print.failed',
  'print.disk_full',
  'print.write_failed',
  'office.submission_not_found',
  'office.batch_running',
  'office.not_same_report',
  'office.watch_unavailable',
  'office.watch_not_folder',
  'office.no_plan_departments',
  'office.report_unreadable',
  'office.range_invalid',
  'receipt.invalid',
  'receipt.untrusted',
  'receipt.unknown_package',
  'receipt.other_department',
  'receipt.mismatch',
  'ledger.format_unknown',
  'ledger.xls_legacy',
  'ledger.encrypted',
  'ledger.corrupt',
  'ledger.too_large',
  'ledger.too_many_rows',
  'ledger.too_many_columns',
  'ledger.sheet_not_found',
  'ledger.empty',
  'ledger.formulas_only',
  'ledger.mapping_incomplete',
  'ledger.mapping_duplicate',
  'ledger.nothing_to_import',
  'ledger.cancelled',
  'ledger.export_cancelled',
  'ledger.nothing_to_export',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorParams = Record<string, string | number>;

export interface ApiError {
  code: ErrorCode;
  messageKey: string;
  params: ErrorParams;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function messageKeyFor(code: ErrorCode): string {
  return `errors.${code}`;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }

  get messageKey(): string {
    return messageKeyFor(this.code);
  }

  toApiError(): ApiError {
    return { code: this.code, messageKey: this.messageKey, params: this.params };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** A call that came back with a typed error, as the renderer's client throws it; `error.messageKey` is ready for `t()`. */
export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.code);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** A call's answer when it failed with `error`. */
export function failure(error: AppError): ApiResult<never> {
  return { ok: false, error: error.toApiError() };
}
