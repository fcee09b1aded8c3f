import type { Readable } from 'node:stream';
import { previewHeaders } from '../lib/csp';
import type { PreviewResponse } from '../services/report/preview';

export type PreviewSource = (path: string, params: URLSearchParams) => PreviewResponse | null;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  /** A stream is an extracted file: the host pipes it, never holding it whole. */
  body: string | Readable;
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
  const headers: Record<string, string> = { ...previewHeaders, 'Content-Type': response.contentType, 'Cache-Control': 'no-store' };
  if (response.size !== undefined) headers['Content-Length'] = String(response.size);
  return { status: response.status, headers, body: response.body };
}
