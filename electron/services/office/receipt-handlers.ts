import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';

/** Receipts: the office issues them, the department imports them. */
export function receiptHandlers(ctx: ServiceContext): HandlerGroup<'office.saveReceipt' | 'reports.importReceipt'> {
  void ctx;
  return unsupportedCalls('office.saveReceipt', 'reports.importReceipt');
}
