import type { LedgerField } from '../../../shared/api/calls/ledger';
import { createTranslator } from '../../lib/i18n';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { readSettings } from '../settings/settings';
import { activeScope } from '../workspace/scope';
import { assertUsableMapping, previewFrom, readImportSheet, startImportJob } from './import';

/** A field as the user's language names it, for ledger.mapping_incomplete. */
export function fieldNamer(ctx: ServiceContext): (field: string) => string {
  const t = createTranslator(readSettings(ctx.db).language);
  return (field) => t(`errors.ledger.field.${field as LedgerField}`);
}

export function importHandlers(ctx: ServiceContext): HandlerGroup<'ledger.previewImport' | 'ledger.import'> {
  return {
    'ledger.previewImport': async ({ fileId, sheet, mapping }) => {
      const scope = activeScope(ctx.db);
      const file = ctx.files.get(fileId);
      const read = await readImportSheet(file.path, sheet);
      if (mapping !== null) assertUsableMapping(mapping, read.headers, fieldNamer(ctx));
      return previewFrom(ctx, scope, file.name, read, mapping);
    },
    'ledger.import': ({ fileId, sheet, mapping }) => {
      const scope = activeScope(ctx.db);
      const file = ctx.files.get(fileId);
      // An upload (the browser host) is removed once imported; a file chosen on the desktop stays where it is.
      const jobId = startImportJob(ctx, scope, { path: file.path, sheet, mapping }, fieldNamer(ctx), () => ctx.files.release(fileId));
      return { jobId };
    },
  };
}
