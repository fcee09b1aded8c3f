import { z } from 'zod';
import { call } from '../define';
import { Empty, IsoDate } from './common';
import { MeasureCode, TaskStatus } from './workspace';

export const searchKinds = ['measure', 'task', 'attachment'] as const;

export const SearchQuery = z
  .object({
    q: z.string().trim().max(200),
    statuses: z.array(TaskStatus).max(4).default([]),
    overdue: z.boolean().default(false),
    owner: z.string().trim().max(100).nullable().default(null),
    group: z.string().trim().max(200).nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type SearchQuery = z.input<typeof SearchQuery>;
export type SearchRequest = z.output<typeof SearchQuery>;

export const SearchResult = z.object({
  kind: z.enum(searchKinds),
  measureCode: MeasureCode,
  measureLabel: z.string(),
  measureTitle: z.string(),
  group: z.string().nullable(),
  taskId: z.number().int().nullable(),
  taskText: z.string().nullable(),
  status: TaskStatus.nullable(),
  owner: z.string().nullable(),
  due: IsoDate.nullable(),
  attachmentName: z.string().nullable(),
  /** The matching passage, with the match somewhere in it. */
  snippet: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const searchCalls = {
  'search.query': call(SearchQuery, z.object({ results: z.array(SearchResult), truncated: z.boolean() })),
  /** What the filters can offer: the department's owners and the plan's groups. */
  'search.facets': call(Empty, z.object({ owners: z.array(z.string()), groups: z.array(z.string()) })),
};
