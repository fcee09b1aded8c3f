import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { DialogHandlers } from '../backend/backend';
import { createTranslator } from '../lib/i18n';
import type { ServiceContext } from '../services/context';
import { readSettings } from '../services/settings/settings';
import { dialogFilters } from './file-filters';

/** Native open and save dialogs, in the user's language; chosen paths are registered, never sent to the renderer. */
export function dialogHandlers(window: () => BrowserWindow | null): (ctx: ServiceContext) => DialogHandlers {
  return (ctx) => {
    const translator = (): TFunction => createTranslator(readSettings(ctx.db).language);

    return {
      'files.pick': async ({ purpose, multiple, folders }) => {
        const t = translator();
        const kind = folders ? 'openDirectory' : 'openFile';
        const options: OpenDialogOptions = {
          title: t(`dialogs.open.${folders ? 'folder' : purpose}`),
          ...(folders ? {} : { filters: dialogFilters(purpose, 'open', t) }),
          properties: multiple ? [kind, 'multiSelections'] : [kind],
        };
        const parent = window();
        const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
        return result.canceled ? [] : result.filePaths.map((path) => ctx.files.registerExisting(path, { folders }));
      },
      'files.chooseSaveTarget': async ({ purpose, suggestedName }) => {
        const t = translator();
        const options: SaveDialogOptions = {
          title: t(`dialogs.save.${purpose}`),
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: dialogFilters(purpose, 'save', t),
        };
        const parent = window();
        const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
        return result.canceled || !result.filePath ? null : ctx.files.registerSaveTarget(result.filePath);
      },
    };
  };
}
