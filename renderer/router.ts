import { useMemo, useSyncExternalStore } from 'react';

/** Hash routes (`#/settings`, `#/print/checklist?department=…`): work the same under app:// and the dev host. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

function readHash(): string {
  return window.location.hash.replace(/^#/u, '') || '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
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

/** A path segment as text; a malformed %-escape (a hand-edited address) stays as typed rather than throwing. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
