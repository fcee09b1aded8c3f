import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import type { VerifiedPackages } from '../report/verified-packages';

/** Receiving packages and reading what was received. */
export function receiveHandlers(
  ctx: ServiceContext,
  verified: VerifiedPackages,
): HandlerGroup<'office.receive' | 'office.submissions' | 'office.submission' | 'office.openPackage'> {
  void ctx;
  void verified;
  return unsupportedCalls('office.receive', 'office.submissions', 'office.submission', 'office.openPackage');
}
