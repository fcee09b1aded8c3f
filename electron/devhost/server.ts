import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FileRef } from '../../shared/api/calls/files';
import { AppError, failure, type ApiResult } from '../../shared/api/errors';
import type { Router } from '../api/router';
import { errorDetails, type Logger } from '../lib/log';
import type { FileRegistry } from '../services/files';
import { answerPreview, type PreviewSource } from '../backend/preview-http';
import { securityHeaders } from '../lib/csp';
import { mimeTypeFor, resolveStaticFile } from '../lib/static-files';

export const tokenHeader = 'x-planledger-token';
const maxJsonBody = 16 * 1024 * 1024;
const GiB = 1024 * 1024 * 1024;

/**
 * Browser uploads stand in for native file dialogs, each one a file in tmp/ until it is used.
 * One can be a report package (the verifier reads entries up to 4 GB) or evidence (up to
 * 2 GB each, maxEvidenceBytes); together, received and in flight, they take at most a few
 * of the largest (a batch of evidence is uploaded first, then stored).
 */
/* The inbox uploads a batch of up to maxDroppedFiles packages (a few hundred small ones, usually) before receiving them. */
export const uploadLimits = { maxBytes: 4 * GiB, maxLabel: '4 GB', maxCount: 1024, maxTotalBytes: 8 * GiB, maxTotalLabel: '8 GB' };

/** The token cookie, named per port: cookies ignore ports, so two dev hosts in one browser would replace each other's. */
export function tokenCookie(port: number): string {
  return `planledger_token_${port}`;
}

export interface DevHostOptions {
  router: Router;
  files: FileRegistry;
  preview?: PreviewSource;
  rendererDir: string;
  port?: number;
  token?: string;
  log: Logger;
}

export interface DevHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the API router over loopback HTTP so the real app can be
 * driven in a browser. Every request needs the per-run token (query on first load, then
 * the cookie or a header); anything else gets 403, static files included.
 */
export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  /** Uploads being received, each holding the bytes it declared (or has sent, if more). */
  const receiving = new Set<{ bytes: number }>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log.error('dev host request failed', errorDetails(error));
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!isLoopbackHost(request.headers.host, port)) return forbidden(response);
    // The URL printed at start carries the token once, for the first load; from then on the cookie (or the header) does.
    const fromQuery = request.method === 'GET' && url.pathname === '/' ? url.searchParams.get('token') : null;
    if (!tokenMatches(token, fromQuery ?? readCookie(request, tokenCookie(port)) ?? headerValue(request, tokenHeader))) {
      return forbidden(response);
    }
    if (fromQuery) {
      response.setHeader('Set-Cookie', `${tokenCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    // Whatever it is sent to, a POST from another site's page is refused (the token cookie is SameSite, this is the second lock).
    const origin = request.headers.origin;
    if (request.method === 'POST' && origin !== undefined && origin !== `http://127.0.0.1:${port}`) return forbidden(response);

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const body = await readJson(request);
      const result = body.ok
        ? await options.router.dispatch(safeDecode(url.pathname.slice('/api/'.length)), body.value)
        : failure(new AppError('request.invalid', { detail: body.reason }));
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }

    const previewAnswer = request.method === 'GET' ? answerPreview(options.preview, url) : null;
    if (previewAnswer) {
      response.writeHead(previewAnswer.status, previewAnswer.headers);
      if (typeof previewAnswer.body === 'string') response.end(previewAnswer.body);
      else await pipeline(previewAnswer.body, response);
      return;
    }

    if (url.pathname === '/upload') {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      const result = await receiveUpload(request, options.files, receiving, url.searchParams.get('name') ?? 'file');
      return send(response, result.ok ? 200 : 413, 'application/json; charset=utf-8', JSON.stringify(result));
    }

    if (url.pathname.startsWith('/download/') && request.method === 'GET') {
      const download = options.files.takeDownload(safeDecode(url.pathname.slice('/download/'.length)));
      if (!download) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      response.writeHead(200, {
        ...securityHeaders,
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(download.name)}`,
        'Cache-Control': 'no-store',
      });
      try {
        await pipeline(createReadStream(download.path), response);
      } finally {
        // Served or abandoned half way, the output is not kept in tmp/.
        await rm(download.path, { force: true });
      }
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    const content = file ? await readFile(file).catch(() => null) : null;
    if (!file || !content) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    return send(response, 200, mimeTypeFor(file), content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A path segment as text; a malformed escape yields text no call or download is named, instead of an exception. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function forbidden(response: ServerResponse): void {
  send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
}

/** Only our own loopback name: refuses DNS-rebinding pages that reach us under another host name. */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(expected: string, candidate: string | undefined | null): boolean {
  if (!candidate) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Streams a browser upload into the data folder's tmp/ and registers it, within uploadLimits:
 * one file, and all the uploads waiting to be used plus those in flight. A refusal is an
 * error in words (answered as 413), before anything is written when the declared length says so.
 */
async function receiveUpload(
  request: IncomingMessage,
  files: FileRegistry,
  receiving: Set<{ bytes: number }>,
  name: string,
): Promise<ApiResult<FileRef>> {
  const declared = Number(request.headers['content-length'] ?? 0) || 0;
  const tooLarge = new AppError('file.too_large', { max: uploadLimits.maxLabel });
  const full = new AppError('file.uploads_full', { count: uploadLimits.maxCount, max: uploadLimits.maxTotalLabel });
  const waiting = () => {
    const kept = files.uploads();
    return { count: kept.count + receiving.size, bytes: [...receiving].reduce((sum, each) => sum + each.bytes, kept.bytes) };
  };
  const refusal =
    declared > uploadLimits.maxBytes
      ? tooLarge
      : waiting().count >= uploadLimits.maxCount || waiting().bytes + declared > uploadLimits.maxTotalBytes
        ? full
        : null;
  if (refusal) {
    request.resume();
    return failure(refusal);
  }
  const held = { bytes: declared };
  receiving.add(held);
  const path = files.uploadPath();
  let received = 0;
  try {
    await pipeline(
      request,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          if (received > uploadLimits.maxBytes) throw tooLarge;
          if (received > held.bytes) {
            held.bytes = received;
            if (waiting().bytes > uploadLimits.maxTotalBytes) throw full;
          }
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
    return { ok: true, value: files.registerUpload(path, name) };
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof AppError) return failure(error);
    throw error;
  } finally {
    receiving.delete(held);
  }
}

async function readJson(request: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxJsonBody) return { ok: false, reason: 'body too large' };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
}
