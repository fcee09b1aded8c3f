import { useMemo, useSyncExternalStore } from 'react';

/** Hash routes (`#/settings`, `#/print/checklist?department=…`): work the same under app:// and the dev host. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

function readHash(): string {
  return window.location.hash.replace(/^#/u, '') || '/';
}

/** useRoute's listeners, told of replaceRoute (history.replaceState fires no hashchange). */
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  listeners.add(onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    listeners.delete(onChange);
  };
}

export function parseRoute(hash: string): Route {
  const [path = '/', query = ''] = hash.split('?', 2);
  return { path: path || '/', params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  return useMemo(() => parseRoute(hash), [hash]);
}

export function href(path: string, params?: Record<string, string | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}

export function navigate(path: string, params?: Record<string, string | undefined>): void {
  window.location.hash = href(path, params);
}

/** Rewrites the address without a history entry (options, a search, a period kept for a reload). */
export function replaceRoute(path: string, params?: Record<string, string | undefined>): void {
  window.history.replaceState(window.history.state, '', href(path, params));
  for (const listener of listeners) listener();
}

/** A path segment as text; a malformed %-escape (a hand-edited address) stays as typed rather than throwing. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
