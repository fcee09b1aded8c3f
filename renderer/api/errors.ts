import type { TFunction } from 'i18next';
import { ApiCallError } from './client';

/** What to tell the user about a failed call, in their language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiCallError) return t(error.error.messageKey as never, error.error.params) as string;
  return t('errors.internal');
}
