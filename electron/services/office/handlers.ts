import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import type { VerifiedPackages } from '../report/verified-packages';
import { matrixHandlers } from './matrix-handlers';
import { receiptHandlers } from './receipt-handlers';
import { receiveHandlers } from './receive-handlers';
import { watchHandlers, type FolderWatcher } from './watch-handlers';

export type OfficeCalls =
  | 'office.receive'
  | 'office.submissions'
  | 'office.submission'
  | 'office.openPackage'
  | 'office.diff'
  | 'office.matrix'
  | 'office.exportMatrix'
  | 'office.rollup'
  | 'office.saveReceipt'
  | 'office.watchState'
  | 'office.watch'
  | 'reports.importReceipt';

/** The receiving office's calls (see shared/api/calls/office.ts). */
export function officeHandlers(ctx: ServiceContext, verified: VerifiedPackages, watcher: FolderWatcher | null): HandlerGroup<OfficeCalls> {
  return {
    ...receiveHandlers(ctx, verified),
    ...matrixHandlers(ctx),
    ...receiptHandlers(ctx),
    ...watchHandlers(ctx, watcher),
  };
}
