import { unsupportedCalls, type HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';

/** The watched folder (app and dev host only; the CLI runs no watcher). */
export interface FolderWatcher {
  dispose(): Promise<void>;
}

export function watchHandlers(ctx: ServiceContext, watcher: FolderWatcher | null): HandlerGroup<'office.watchState' | 'office.watch'> {
  void ctx;
  void watcher;
  return unsupportedCalls('office.watchState', 'office.watch');
}
