import { stat } from 'node:fs/promises';
import { createTranslator } from '../../lib/i18n';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { readSettings } from '../settings/settings';
import { activeScope } from '../workspace/scope';
import { assertUsableMapping, fieldWords, previewFrom, readImportSheet, startImportJob, type FieldWords, type ImportSheet } from './import';

/** Fields as the user's language lists them, for ledger.mapping_incomplete. */
function userFieldWords(ctx: ServiceContext): FieldWords {
  return fieldWords(createTranslator(readSettings(ctx.db).language));
}

export function importHandlers(ctx: ServiceContext): HandlerGroup<'ledger.previewImport' | 'ledger.import'> {
  // The sheet last read for a preview: each change of the mapping previews again without
  // reading and parsing the file again. A file changed on disk since (size or time) is read anew.
  let lastRead: { key: string; sheet: Promise<ImportSheet> } | null = null;
  async function readForPreview(path: string, sheet: string | null): Promise<ImportSheet> {
    const { size, mtimeMs } = await stat(path);
    const key = JSON.stringify([path, sheet, size, mtimeMs]);
    if (lastRead?.key !== key) lastRead = { key, sheet: readImportSheet(path, sheet) };
    const entry = lastRead;
    try {
      return await entry.sheet;
    } catch (error) {
      if (lastRead === entry) lastRead = null;
      throw error;
    }
  }

  return {
    'ledger.previewImport': async ({ fileId, sheet, mapping }) => {
      const scope = activeScope(ctx.db);
      const file = ctx.files.get(fileId);
      const read = await readForPreview(file.path, sheet);
      if (mapping !== null) assertUsableMapping(mapping, read.headers, userFieldWords(ctx));
      return previewFrom(ctx, scope, file.name, read, mapping);
    },
    'ledger.import': ({ fileId, sheet, mapping }) => {
      // The import reads the file itself, as it is now; the preview's copy is no longer needed.
      lastRead = null;
      const scope = activeScope(ctx.db);
      const file = ctx.files.get(fileId);
      // An upload (the browser host) is removed once imported; a file chosen on the desktop stays where it is.
      const jobId = startImportJob(ctx, scope, { path: file.path, sheet, mapping }, userFieldWords(ctx), () => ctx.files.release(fileId));
      return { jobId };
    },
  };
}
