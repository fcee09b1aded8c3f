import { AppError } from '../../../shared/api/errors';
import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import type { FolderWatcher } from './watch';

export type { FolderWatcher } from './watch';

const notWatching = {
  folder: null,
  state: 'off',
  lastScanAt: null,
  problem: null,
  counts: { accepted: 0, duplicates: 0, refused: 0 },
} as const;

/** The watched folder (app and dev host only; the CLI runs no watcher, and answers that nothing is watched). */
export function watchHandlers(ctx: ServiceContext, watcher: FolderWatcher | null): HandlerGroup<'office.watchState' | 'office.watch'> {
  return {
    'office.watchState': () => watcher?.state() ?? { ...notWatching, counts: { ...notWatching.counts } },
    'office.watch': async ({ fileId }) => {
      if (!watcher) throw new AppError('unsupported', { what: 'office.watch' });
      if (fileId === null) return watcher.watch(null);
      const chosen = ctx.files.entry(fileId);
      if (!chosen.folder) {
        // The browser can only upload files, never name a folder: only the desktop app (or the dev host's --watch) can.
        if (ctx.runtime === 'web') throw new AppError('unsupported', { what: 'office.watch' });
        throw new AppError('office.watch_not_folder', { name: chosen.name });
      }
      return watcher.watch(chosen.path);
    },
  };
}
