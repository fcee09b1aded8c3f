import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { activeScope } from '../workspace/scope';
import { ledgerExportName, startLedgerExport } from './export';

/** The active department's ledger as .xlsx: to the file chosen in the save dialog, or (targetId null) a browser download. */
export function exportHandlers(ctx: ServiceContext): HandlerGroup<'ledger.export' | 'ledger.exportName'> {
  return {
    'ledger.export': ({ targetId }) => {
      const scope = activeScope(ctx.db);
      return { jobId: startLedgerExport(ctx, scope, targetId === null ? null : ctx.files.takeSaveTarget(targetId)) };
    },
    'ledger.exportName': () => ({ fileName: ledgerExportName(ctx, activeScope(ctx.db)) }),
  };
}
