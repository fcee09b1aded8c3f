import { AppError } from '../../../shared/api/errors';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';

export function docxHandlers(_ctx: ServiceContext): HandlerGroup<'reports.saveDocx'> {
  return {
    'reports.saveDocx': () => {
      throw new AppError('unsupported', { what: 'reports.saveDocx' });
    },
  };
}
