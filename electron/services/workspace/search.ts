import type { SearchRequest, SearchResult } from '../../../shared/api/calls/search';
import { localDate } from '../../../shared/dates';
import { planGroups, search } from '../../db/repos/search';
import { listOwners } from '../../db/repos/tasks';
import type { ServiceContext } from '../context';
import { activeScope } from './scope';

/** FTS5 trigram tokens need three characters; shorter queries fall back to LIKE. */
const trigramMinimum = 3;
const snippetRadius = 30;

function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
}

/** The passage around the first match, at most about 60 characters, on one line. */
function snippetOf(body: string, query: string): string {
  const flat = body.replace(/\s+/gu, ' ').trim();
  const at = query === '' ? -1 : flat.toLowerCase().indexOf(query.toLowerCase());
  if (at === -1) return flat.length > snippetRadius * 2 ? `${flat.slice(0, snippetRadius * 2)}…` : flat;
  const start = Math.max(0, at - snippetRadius);
  const end = Math.min(flat.length, at + query.length + snippetRadius);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

export function runSearch(ctx: ServiceContext, query: SearchRequest): { results: SearchResult[]; truncated: boolean } {
  const scope = activeScope(ctx.db);
  const q = query.q.trim();
  const { limit } = query;
  const rows = search(ctx.db, {
    planId: scope.planId,
    departmentId: scope.departmentId,
    today: localDate(ctx.now()),
    match: q.length >= trigramMinimum ? ftsPhrase(q) : null,
    like: q.length > 0 && q.length < trigramMinimum ? likePattern(q) : null,
    statuses: query.statuses,
    overdue: query.overdue,
    owner: query.owner,
    group: query.group,
    limit: limit + 1,
  });
  const results = rows.slice(0, limit).map(({ body, ...row }) => ({ ...row, snippet: snippetOf(body, q) }));
  return { results, truncated: rows.length > limit };
}

export function searchFacets(ctx: ServiceContext): { owners: string[]; groups: string[] } {
  const scope = activeScope(ctx.db);
  return { owners: listOwners(ctx.db, scope.departmentId), groups: planGroups(ctx.db, scope.planId, scope.departmentId) };
}
