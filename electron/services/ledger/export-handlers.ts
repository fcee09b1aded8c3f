import { AppError } from '../../../shared/api/errors';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';

export function exportHandlers(_ctx: ServiceContext): HandlerGroup<'ledger.export' | 'ledger.exportName'> {
  const todo = () => {
    throw new AppError('unsupported', { what: 'ledger export' });
  };
  return { 'ledger.export': todo, 'ledger.exportName': todo };
}
