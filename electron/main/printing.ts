import type { BrowserWindow } from 'electron';
import { causeText } from '../../shared/api/error-text';
import { AppError } from '../../shared/api/errors';
import { pdfOptions, systemPrintOptions } from '../../shared/print/pdf-options';
import type { ServiceContext } from '../services/context';
import type { PrintingHandlers } from '../services/print/handlers';
import { writePdfToTarget } from '../services/print/pdf-file';

/**
 * Printing of what the window shows: the print view's CSS hides the app frame and lays the
 * checklist out on A4, so the system dialog and the PDF both get just the document.
 */
export function printingHandlers(window: () => BrowserWindow | null): (ctx: ServiceContext) => PrintingHandlers {
  const contents = (what: string) => {
    const current = window();
    if (!current || current.isDestroyed()) throw new AppError('unsupported', { what });
    return current.webContents;
  };
  return (ctx) => ({
    'print.dialog': async ({ orientation }) => {
      const webContents = contents('print.dialog');
      const printed = await new Promise<boolean>((resolve) => {
        webContents.print(systemPrintOptions(orientation), (success, failureReason) => {
          if (!success && failureReason !== 'cancelled') ctx.log.warn('print failed', { failureReason });
          resolve(success);
        });
      });
      return { printed };
    },
    'print.savePdf': async ({ targetId, orientation }) => {
      const webContents = contents('print.savePdf');
      let pdf: Buffer;
      try {
        pdf = await webContents.printToPDF(pdfOptions(orientation));
      } catch (error) {
        throw new AppError('print.failed', { reason: causeText(error) });
      }
      return writePdfToTarget(ctx, targetId, pdf);
    },
  });
}
