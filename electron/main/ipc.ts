import type { IpcMain } from 'electron';
import { callNames, channelFor } from '../../shared/api/contract';
import { AppError, failure } from '../../shared/api/errors';
import type { Router } from '../api/router';
import { isTrustedSender } from './guards';

/** One handler per contract call; each checks the sending frame, then the router validates the request. */
export function registerApiHandlers(ipcMain: IpcMain, router: Router): void {
  for (const name of callNames) {
    ipcMain.handle(channelFor(name), (event, request: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return failure(new AppError('request.forbidden'));
      }
      return router.dispatch(name, request);
    });
  }
}
