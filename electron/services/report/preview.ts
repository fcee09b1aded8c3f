import { readFileSync } from 'node:fs';
import { renderReportHtml } from '../../../shared/report/html';
import { mimeTypeFor, resolveStaticFile } from '../../security/static-files';
import type { ServiceContext } from '../context';
import { activeScope } from '../workspace/scope';
import { buildReport } from './build';
import { periodOf } from './export';
import type { VerifiedPackages } from './verify-service';

export interface PreviewResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

const verifiedRoute = /^\/preview\/verified\/([\w-]{8,64})(\/.+)$/u;

/**
 * Documents shown in a sandboxed frame: the report.html a draft would export (exactly the
 * bytes the package will hold), and the files of a package verified in this session.
 */
export function previewResponse(ctx: ServiceContext, verified: VerifiedPackages, path: string, params: URLSearchParams): PreviewResponse | null {
  if (path === '/preview/report.html') {
    const period = periodOf(params.get('period') ?? '');
    const html = renderReportHtml(buildReport(ctx, activeScope(ctx.db), period).data);
    return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
  }
  const match = verifiedRoute.exec(path);
  if (!match) return null;
  const folder = verified.folder(match[1] as string);
  const file = folder ? resolveStaticFile(folder, match[2] as string) : null;
  if (!file) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' };
  try {
    return { status: 200, contentType: mimeTypeFor(file), body: readFileSync(file) };
  } catch {
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' };
  }
}
