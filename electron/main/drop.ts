import { isAbsolute } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { droppedFilesChannel, maxDroppedFiles } from '../../shared/api/bridge';
import type { FileRef } from '../../shared/api/calls/files';
import { AppError, failure, type ApiResult } from '../../shared/api/errors';
import type { FileRegistry } from '../services/files';
import { isTrustedSender } from './guards';

/**
 * Answers the preload's dropped-files channel: the paths it resolved from the dropped File
 * objects become opaque file ids. Only the app's own top frame is heard.
 */
export function registerDroppedFilesHandler(ipcMain: Pick<IpcMain, 'handle'>, files: FileRegistry): void {
  ipcMain.handle(droppedFilesChannel, (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, paths: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return failure(new AppError('request.forbidden'));
    return registerDropped(files, paths);
  });
}

export function registerDropped(files: FileRegistry, paths: unknown): ApiResult<FileRef[]> {
  if (!Array.isArray(paths) || paths.length > maxDroppedFiles || !paths.every((path) => typeof path === 'string' && isAbsolute(path))) {
    return failure(new AppError('request.invalid', { detail: 'paths' }));
  }
  try {
    // Folders are registered too (the inbox takes whole folders); calls that want a file refuse them.
    const refs = (paths as string[]).map((path) => files.registerExisting(path, { folders: true }));
    return { ok: true, value: refs };
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    throw error;
  }
}
