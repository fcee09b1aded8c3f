import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { buildChecklist } from './checklist';

/** Printing itself needs a browser window: Electron main provides these; elsewhere they answer `unsupported`. */
export type PrintingHandlers = HandlerGroup<'print.dialog' | 'print.savePdf'>;

export const noPrinting: PrintingHandlers = unsupportedCalls('print.dialog', 'print.savePdf');

export function printHandlers(ctx: ServiceContext): HandlerGroup<'print.checklist'> {
  return {
    'print.checklist': ({ department, measure }) => buildChecklist(ctx, department, measure),
  };
}
