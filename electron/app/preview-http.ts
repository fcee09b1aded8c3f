import { AppError } from '../../shared/api/errors';
import { previewHeaders } from '../security/csp';
import type { PreviewResponse } from '../services/report/preview';

export type PreviewSource = (path: string, params: URLSearchParams) => PreviewResponse | null;

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A /preview/… request as an HTTP answer for the dev host and the app:// protocol alike; null: not a preview path. */
export function answerPreview(source: PreviewSource | undefined, url: URL): HttpAnswer | null {
  if (!source || !url.pathname.startsWith('/preview/')) return null;
  try {
    const response = source(url.pathname, url.searchParams);
    if (!response) return { status: 404, headers: { ...previewHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };
    return { status: response.status, headers: { ...previewHeaders, 'Content-Type': response.contentType, 'Cache-Control': 'no-store' }, body: response.body };
  } catch (error) {
    // e.g. no department chosen or an unknown period: the frame shows a plain line, nothing leaks.
    const code = error instanceof AppError ? error.code : 'internal';
    return { status: 400, headers: { ...previewHeaders, 'Content-Type': 'text/plain; charset=utf-8' }, body: code };
  }
}
