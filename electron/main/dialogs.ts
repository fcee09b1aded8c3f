import { app, dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { FilePurpose } from '../../shared/api/calls/files';
import type { DialogHandlers } from '../backend/backend';
import { createTranslator } from '../lib/i18n';
import type { ServiceContext } from '../services/context';
import { readSettings } from '../services/settings/settings';

const extensions: Record<FilePurpose, string[] | null> = {
  plan: ['txt', 'docx', 'pdf', 'json'],
  evidence: null,
  report: ['plreport'],
  pdf: ['pdf'],
  key: ['pem'],
};

/** Native open and save dialogs, in the user's language; chosen paths are registered, never sent to the renderer. */
export function dialogHandlers(window: () => BrowserWindow | null): (ctx: ServiceContext) => DialogHandlers {
  return (ctx) => {
    const filtersFor = (purpose: FilePurpose, t: TFunction): FileFilter[] => {
      const allFiles = { name: t('dialogs.allFiles'), extensions: ['*'] };
      const own = extensions[purpose];
      return own ? [{ name: t(`dialogs.filters.${purpose}`), extensions: own }, allFiles] : [allFiles];
    };
    const translator = (): TFunction => createTranslator(readSettings(ctx.db).language);

    return {
      'files.pick': async ({ purpose, multiple }) => {
        const t = translator();
        const options: OpenDialogOptions = {
          title: t(`dialogs.open.${purpose}`),
          filters: filtersFor(purpose, t),
          properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        };
        const parent = window();
        const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
        return result.canceled ? [] : result.filePaths.map((path) => ctx.files.registerExisting(path));
      },
      'files.chooseSaveTarget': async ({ purpose, suggestedName }) => {
        const t = translator();
        const options: SaveDialogOptions = {
          title: t(`dialogs.save.${purpose}`),
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: filtersFor(purpose, t),
        };
        const parent = window();
        const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
        return result.canceled || !result.filePath ? null : ctx.files.registerSaveTarget(result.filePath);
      },
    };
  };
}
