import { causeText } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';

/** The system's error code (ENOENT, EACCES…) of a failed file operation, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The disk (or the user's quota on it) is full. */
export function isDiskFull(error: unknown): boolean {
  const code = errnoCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * What to put in a message's `reason`: the system's code, which the message is worded from
 * (errors.reason.<CODE>, see shared/api/error-text.ts), else the error's own text.
 */
export function failureReason(error: unknown): string {
  return errnoCode(error) ?? causeText(error);
}

/**
 * System error codes that have their own wording (`errors.file.unreadable_<CODE>` in both
 * languages, picked through i18next's context); any other code is worded as a reason.
 */
const explained = new Set(['ENOENT', 'EACCES', 'EPERM', 'EBUSY', 'EISDIR']);

/**
 * `file.unreadable` for a file that could not be read: the system's code stays in `reason`
 * (logs, support), and the common ones are put in words instead of "EACCES".
 */
export function unreadableFile(name: string, error: unknown): AppError {
  const reason = failureReason(error);
  return new AppError('file.unreadable', explained.has(reason) ? { name, reason, context: reason } : { name, reason });
}

/** `file.write_failed` (or `file.disk_full`) for a file `name` that could not be written. */
export function unwritableFile(name: string, error: unknown): AppError {
  if (isDiskFull(error)) return new AppError('file.disk_full', { name });
  return new AppError('file.write_failed', { name, reason: failureReason(error) });
}
