import { previewHeaders } from '../lib/csp';
import type { PreviewResponse } from '../services/report/preview';

export type PreviewSource = (path: string, params: URLSearchParams) => PreviewResponse | null;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * A /preview/… request as an HTTP answer for the dev host and the app:// protocol alike. The
 * source answers every preview path with a document or a message in the user's language;
 * null (not a preview path, or no backend open) falls through to the host's own answer.
 */
export function answerPreview(source: PreviewSource | undefined, url: URL): HttpAnswer | null {
  if (!source || !url.pathname.startsWith('/preview/')) return null;
  const response = source(url.pathname, url.searchParams);
  if (!response) return null;
  return { status: response.status, headers: { ...previewHeaders, 'Content-Type': response.contentType, 'Cache-Control': 'no-store' }, body: response.body };
}
