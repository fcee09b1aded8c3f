import type { HandlerGroup } from '../handler';
import type { ServiceContext } from '../context';
import { buildDashboard } from './dashboard';
import { measureDetail } from './measure';
import { runSearch, searchFacets } from './search';
import { createTasks, deleteTask, mergeTasks, moveTask, restoreTask, updateTask } from './tasks';

type WorkspaceCalls =
  | 'workspace.dashboard'
  | 'workspace.measure'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.move'
  | 'tasks.merge'
  | 'tasks.delete'
  | 'tasks.restore'
  | 'search.query'
  | 'search.facets';

export function workspaceHandlers(ctx: ServiceContext): HandlerGroup<WorkspaceCalls> {
  return {
    'workspace.dashboard': () => buildDashboard(ctx),
    'workspace.measure': ({ code }) => measureDetail(ctx, code),
    'tasks.create': ({ measureCode, texts }) => createTasks(ctx, measureCode, texts),
    'tasks.update': ({ id, patch }) => updateTask(ctx, id, patch),
    'tasks.move': ({ id, toIndex }) => moveTask(ctx, id, toIndex),
    'tasks.merge': ({ id, intoId }) => mergeTasks(ctx, id, intoId),
    'tasks.delete': ({ id }) => deleteTask(ctx, id),
    'tasks.restore': ({ id }) => restoreTask(ctx, id),
    'search.query': (query) => runSearch(ctx, query),
    'search.facets': () => searchFacets(ctx),
  };
}
