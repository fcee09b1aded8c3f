import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { exportHandlers } from './export-handlers';
import { importHandlers } from './import-handlers';

/** The ledger at the spreadsheet border (see shared/api/calls/ledger.ts). */
export function ledgerHandlers(
  ctx: ServiceContext,
): HandlerGroup<'ledger.previewImport' | 'ledger.import' | 'ledger.export' | 'ledger.exportName'> {
  return { ...importHandlers(ctx), ...exportHandlers(ctx) };
}
