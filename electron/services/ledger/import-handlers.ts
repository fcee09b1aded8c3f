import { createTranslator } from '../../lib/i18n';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { readSettings } from '../settings/settings';
import { activeScope } from '../workspace/scope';
import { assertUsableMapping, fieldWords, previewFrom, readImportSheet, startImportJob, type FieldWords } from './import';

/** Fields as the user's language lists them, for ledger.mapping_incomplete. */
function userFieldWords(ctx: ServiceContext): FieldWords {
  return fieldWords(createTranslator(readSettings(ctx.db).language));
}

export function importHandlers(ctx: ServiceContext): HandlerGroup<'ledger.previewImport' | 'ledger.import'> {
  return {
    'ledger.previewImport': async ({ fileId, sheet, mapping }) => {
      const scope = activeScope(ctx.db);
      const file = ctx.files.get(fileId);
      const read = await readImportSheet(file.path, sheet);
      if (mapping !== null) assertUsableMapping(mapping, read.headers, userFieldWords(ctx));
      return previewFrom(ctx, scope, file.name, read, mapping);
    },
    'ledger.import': ({ fileId, sheet, mapping }) => {
      const scope = activeScope(ctx.db);
      const file = ctx.files.get(fileId);
      // An upload (the browser host) is removed once imported; a file chosen on the desktop stays where it is.
      const jobId = startImportJob(ctx, scope, { path: file.path, sheet, mapping }, userFieldWords(ctx), () => ctx.files.release(fileId));
      return { jobId };
    },
  };
}
