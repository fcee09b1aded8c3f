import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { scaleBytes } from '../../../shared/file-size';
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
  /** Text made here, or an extracted file as a stream: a received package's page is never read whole. */
  body: string | Readable;
  /** Bytes of a streamed body. */
  size?: number;
}

const verifiedRoute = /^\/preview\/verified\/([\w-]{8,64})(\/.+)$/u;

/**
 * Documents shown in a sandboxed frame: the report.html a draft would export (exactly the
 * bytes the package will hold), and the files of a package verified in this session.
 */
export function previewResponse(
  ctx: ServiceContext,
  verified: VerifiedPackages,
  path: string,
  params: URLSearchParams,
): PreviewResponse | null {
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
  const [id, entry] = [match?.[1] ?? '', match?.[2] ?? ''];
  const withheld = verified.withheldSize(id, entry.slice(1));
  if (withheld !== undefined) {
    const notice = t('report.preview.tooLarge', {
      path: entry.slice(1),
      size: sizeLabel(withheld),
      max: sizeLabel(verified.maxShownBytes),
    });
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: notice };
  }
  const folder = match ? verified.folder(id) : undefined;
  const file = folder ? resolveStaticFile(folder, entry) : null;
  if (!file) return notFound;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return notFound;
    return { status: 200, contentType: mimeTypeFor(file), body: createReadStream(file), size: stats.size };
  } catch {
    return notFound;
  }
}

function sizeLabel(bytes: number): string {
  const { value, unit } = scaleBytes(bytes);
  return `${Number(value.toFixed(value < 10 ? 1 : 0))} ${unit}`;
}
