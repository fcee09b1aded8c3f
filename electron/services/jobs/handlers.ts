import type { HandlerGroup } from '../handler';
import type { JobRunner } from './runner';

export function jobHandlers(ctx: { jobs: JobRunner }): HandlerGroup<'jobs.get' | 'jobs.cancel'> {
  return {
    'jobs.get': ({ id }) => ctx.jobs.get(id),
    'jobs.cancel': ({ id }) => ctx.jobs.cancel(id),
  };
}
