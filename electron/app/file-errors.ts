import { AppError } from '../../shared/api/errors';

/**
 * System error codes that have their own wording (`errors.file.unreadable_<CODE>` in both
 * languages, picked through i18next's context); any other code is shown as the system gave it.
 */
const explained = new Set(['ENOENT', 'EACCES', 'EPERM', 'EBUSY', 'EISDIR']);

/**
 * `file.unreadable` for a file that could not be read: the system's code stays in `reason`
 * (logs, support), and the common ones are put in words instead of "EACCES".
 */
export function unreadableFile(name: string, error: unknown): AppError {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
  return new AppError('file.unreadable', explained.has(reason) ? { name, reason, context: reason } : { name, reason });
}
