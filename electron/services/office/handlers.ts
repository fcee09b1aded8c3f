import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import type { VerifiedPackages } from '../report/verified-packages';

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
export function officeHandlers(ctx: ServiceContext, verified: VerifiedPackages): HandlerGroup<OfficeCalls> {
  void ctx;
  void verified;
  // Filled in by the office services as they land (issue 11).
  return unsupportedCalls(
    'office.receive',
    'office.submissions',
    'office.submission',
    'office.openPackage',
    'office.diff',
    'office.matrix',
    'office.exportMatrix',
    'office.rollup',
    'office.saveReceipt',
    'office.watchState',
    'office.watch',
    'reports.importReceipt',
  );
}
