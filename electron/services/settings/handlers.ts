import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { readSettings, updateSettings } from './settings';

export function settingsHandlers(ctx: ServiceContext): HandlerGroup<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch) => updateSettings(ctx, patch),
  };
}
