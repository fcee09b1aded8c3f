import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';

/** The completeness matrix, its export, the roll-up by measure and the diff between versions. */
export function matrixHandlers(
  ctx: ServiceContext,
): HandlerGroup<'office.matrix' | 'office.exportMatrix' | 'office.rollup' | 'office.diff'> {
  void ctx;
  return unsupportedCalls('office.matrix', 'office.exportMatrix', 'office.rollup', 'office.diff');
}
