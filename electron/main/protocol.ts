import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { answerPreview, type PreviewSource } from '../backend/preview-http';
import { securityHeaders } from '../lib/csp';
import { mimeTypeFor, resolveStaticFile } from '../lib/static-files';
import { appHost, appScheme } from './guards';

/** Must run before the app is ready: our scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from `rendererDir`, with the CSP on every response, and the preview documents. */
export function serveRenderer(rendererDir: string, preview: PreviewSource): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const answer = url.host === appHost ? answerPreview(preview, url) : null;
    if (answer) {
      // An extracted file goes out as a stream: a received package's page is never read whole.
      const body = typeof answer.body === 'string' ? answer.body : (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>);
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    const file = url.host === appHost ? resolveStaticFile(rendererDir, url.pathname) : null;
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!file || !content) return new Response('Not found', { status: 404, headers: securityHeaders });
    return new Response(new Uint8Array(content), { headers: { ...securityHeaders, 'Content-Type': mimeTypeFor(file) } });
  });
}
