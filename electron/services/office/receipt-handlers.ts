import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { importReceipt, issueReceipt } from './receipts';

/** Receipts: the office issues them, the department imports them. */
export function receiptHandlers(ctx: ServiceContext): HandlerGroup<'office.saveReceipt' | 'reports.importReceipt'> {
  return {
    'office.saveReceipt': async ({ id, targetId, passphrase }) => {
      const { fileName, bytes } = await issueReceipt(ctx, { submissionId: id, passphrase });
      return { ...ctx.files.saveOrDownload(targetId, fileName, bytes), fileName };
    },
    'reports.importReceipt': async ({ fileId }) => {
      const { exportId, delivery } = await importReceipt(ctx, ctx.files.get(fileId).path);
      // Kept when refused: the user may register the office's key and import the same file again.
      ctx.files.release(fileId);
      return { exportId, delivery };
    },
  };
}
