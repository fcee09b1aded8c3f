import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { appInfo } from './app-info';

export function appHandlers(ctx: ServiceContext): HandlerGroup<'app.info'> {
  return { 'app.info': () => appInfo(ctx) };
}
