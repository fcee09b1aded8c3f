/**
 * Why a plan source could not be read at all. Recoverable oddities are warnings instead
 * (see PLAN_WARNING_CODES in schema.ts). These are app errors like any other: their
 * messages live in shared/i18n/<lang>/errors.ts under `errors.plan`.
 */
import { AppError, type ErrorParams } from '../api/errors';
import type { PlanErrorCode } from './error-codes';

export { PLAN_ERROR_CODES, type PlanErrorCode } from './error-codes';

export class PlanParseError extends AppError {
  declare readonly code: PlanErrorCode;

  constructor(code: PlanErrorCode, params: ErrorParams = {}) {
    super(code, params);
    this.name = 'PlanParseError';
  }
}
