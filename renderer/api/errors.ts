import type { TFunction } from 'i18next';
import { errorText } from '../../shared/api/error-text';
import { ApiCallError } from './client';

/** What to tell the user about a failed call, in their language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiCallError) return errorText(t, error.error.messageKey, error.error.params);
  return t('errors.internal');
}
