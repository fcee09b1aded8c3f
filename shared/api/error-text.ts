import type { TFunction } from 'i18next';
import { ApiCallError, AppError, type ErrorParams } from './errors';

/** Codes that can be words: a system error code (EACCES) or one of ours in that style (NOT_A_FILE). */
const codeLike = /^[A-Z][A-Z0-9_]*$/u;

/**
 * The message of an error in the reader's language. A system error code in its `reason`
 * ("EACCES") is put in words (`errors.reason.<CODE>`); a code without wording, or a reason
 * that is not a code, is shown as it is.
 */
export function errorText(t: TFunction, messageKey: string, params: ErrorParams): string {
  const { reason } = params;
  const worded =
    typeof reason === 'string' && codeLike.test(reason) ? t(`errors.reason.${reason}` as never, { defaultValue: reason }) : reason;
  return String(t(messageKey as never, (worded === undefined ? params : { ...params, reason: worded }) as never));
}

/**
 * For people: what to tell the user about an error, in their language. An app error (thrown
 * here, or come back from a call) says what went wrong; anything else is unexpected and says
 * so without leaking internals.
 */
export function userMessage(error: unknown, t: TFunction): string {
  if (error instanceof AppError) return errorText(t, error.messageKey, error.params);
  if (error instanceof ApiCallError) return errorText(t, error.error.messageKey, error.error.params);
  return t('errors.internal');
}

/** For logs and details: the cause of an unknown thrown value as text (an Error's message, else the value itself). */
export function causeText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
