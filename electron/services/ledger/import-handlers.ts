import { AppError } from '../../../shared/api/errors';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';

export function importHandlers(_ctx: ServiceContext): HandlerGroup<'ledger.previewImport' | 'ledger.import'> {
  const todo = () => {
    throw new AppError('unsupported', { what: 'ledger import' });
  };
  return { 'ledger.previewImport': todo, 'ledger.import': todo };
}
