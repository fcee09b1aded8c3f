import type { TFunction } from 'i18next';
import { errorText } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';

/** One line for the user in their language; unexpected errors say so without leaking internals. */
export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof AppError) return errorText(t, error.messageKey, error.params);
  return t('errors.internal');
}
