import { readFileSync } from 'node:fs';
import { renderReportHtml } from '../../../shared/report/html';
import { mimeTypeFor, resolveStaticFile } from '../../lib/static-files';
import { userMessage } from '../../../shared/api/error-text';
import { createTranslator } from '../../lib/i18n';
import type { ServiceContext } from '../context';
import { readSettings } from '../settings/settings';
import { activeScope } from '../workspace/scope';
import { buildReport } from './build';
import { requirePeriod } from './export';
import type { VerifiedPackages } from './verified-packages';

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
  if (!path.startsWith('/preview/')) return null;
  const t = createTranslator(readSettings(ctx.db).language);
  if (path === '/preview/report.html') {
    try {
      const period = requirePeriod(params.get('period') ?? '');
      const html = renderReportHtml(buildReport(ctx, activeScope(ctx.db), period).data);
      return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
    } catch (error) {
      // e.g. no department chosen or an unknown period: the frame shows one plain line, nothing leaks.
      return { status: 400, contentType: 'text/plain; charset=utf-8', body: userMessage(error, t) };
    }
  }
  const notFound = { status: 404, contentType: 'text/plain; charset=utf-8', body: t('report.preview.notFound') };
  const match = verifiedRoute.exec(path);
  const folder = match ? verified.folder(match[1] as string) : undefined;
  const file = match && folder ? resolveStaticFile(folder, match[2] as string) : null;
  if (!file) return notFound;
  try {
    return { status: 200, contentType: mimeTypeFor(file), body: readFileSync(file) };
  } catch {
    return notFound;
  }
}
