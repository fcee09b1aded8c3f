import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { saveActiveReportDocx } from './word-report';

export function docxHandlers(ctx: ServiceContext): HandlerGroup<'reports.saveDocx'> {
  return {
    'reports.saveDocx': (request) => saveActiveReportDocx(ctx, request),
  };
}
