import { readdirSync, watch } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { useTempDirs } from '../../support/temp';
import { startDevHost, type DevHostProcess } from '../support/app';
import { uploadLimits } from '../../../electron/devhost/server';

const tempDir = useTempDirs();
let host: DevHostProcess | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

/** Resolves once `done()` holds, checked again on every change in `dir`: waits for the file system's event, not a set time. */
function whenFolder(dir: string, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, () => {
      if (!done()) return;
      watcher.close();
      resolve();
    });
    // Not past the test, even one that timed out waiting.
    onTestFinished(() => watcher.close());
    if (!done()) return;
    watcher.close();
    resolve();
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const GiB = 1024 * 1024 * 1024;

/**
 * Starts an upload that declares `length` bytes and sends none of them (Expect: 100-continue):
 * `started` settles once the host has taken it in hand, `answered` when it answers early.
 */
function holdUpload(host: DevHostProcess, length: number): { started: Promise<void>; answered: Promise<Reply>; abort: () => void } {
  const req = httpRequest(`${host.origin}/upload?name=big.bin`, {
    method: 'POST',
    headers: { 'x-planledger-token': host.token, 'content-length': String(length), expect: '100-continue' },
  });
  req.on('error', () => undefined);
  const started = new Promise<void>((resolve) => req.once('continue', () => resolve()));
  const answered = new Promise<Reply>((resolve) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
  });
  req.flushHeaders();
  return { started, answered, abort: () => req.destroy() };
}

/** Polls `check` until it holds (a few seconds at most). */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met');
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('browser dev host', () => {
  it('prints exactly one PLANLEDGER_URL line on 127.0.0.1 with a token', async () => {
    host = await startDevHost(tempDir());
    expect(host.stdout()).toMatch(/^PLANLEDGER_URL=http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}\n$/u);
  });

  it('refuses every request without a valid token, static files included', async () => {
    host = await startDevHost(tempDir());
    const api = `${host.origin}/api/app.info`;
    for (const reply of [
      await send(`${host.origin}/`),
      await send(`${host.origin}/index.html`),
      await send(`${host.origin}/favicon.svg`),
      await send(`${host.origin}/?token=wrong`),
      await send(api, { method: 'POST', body: '{}' }),
      await send(api, { method: 'POST', body: '{}', headers: { 'x-planledger-token': 'wrong' } }),
      await send(api, { method: 'POST', body: '{}', headers: { cookie: 'planledger_token=wrong' } }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.body).not.toContain('<html');
    }
  });

  it('serves the app with the token in the query, then by cookie or header, with the CSP', async () => {
    host = await startDevHost(tempDir());
    const first = await send(host.url);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<div id="root">');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    const cookie = String(first.headers['set-cookie']).split(';')[0] as string;
    expect(cookie).toBe(`planledger_token_${new URL(host.origin).port}=${host.token}`);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/u);

    const byCookie = await send(`${host.origin}/api/app.info`, { method: 'POST', body: '{}', headers: { cookie } });
    expect(JSON.parse(byCookie.body)).toMatchObject({ ok: true, value: { runtime: 'web' } });
    const byHeader = await send(`${host.origin}/api/settings.get`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-planledger-token': host.token },
    });
    expect(JSON.parse(byHeader.body)).toEqual({
      ok: true,
      value: { language: 'zh-CN', department: null, recentDepartments: [], operator: '', office: false, unitNames: {} },
    });
  });

  it('takes the token from the query only on the first GET /', async () => {
    host = await startDevHost(tempDir());
    const token = `token=${host.token}`;
    for (const reply of [
      await send(`${host.origin}/index.html?${token}`),
      await send(`${host.origin}/favicon.svg?${token}`),
      await send(`${host.origin}/preview/report.html?period=2016&${token}`),
      await send(`${host.origin}/api/app.info?${token}`, { method: 'POST', body: '{}' }),
      await send(`${host.origin}/upload?name=a.txt&${token}`, { method: 'POST', body: 'a' }),
      await send(`${host.origin}/?${token}`, { method: 'POST', body: '' }),
    ]) {
      expect(reply.status).toBe(403);
    }
    expect((await send(`${host.origin}/?${token}`)).status).toBe(200);
  });

  it('names its cookie after its port, so two dev hosts in one browser keep their own', async () => {
    host = await startDevHost(tempDir());
    const other = await startDevHost(tempDir());
    try {
      const cookies = [];
      for (const each of [host, other]) {
        const first = await send(each.url);
        cookies.push(String(first.headers['set-cookie']).split(';')[0] as string);
      }
      expect(cookies[0]).toBe(`planledger_token_${new URL(host.origin).port}=${host.token}`);
      expect(cookies[1]).toBe(`planledger_token_${new URL(other.origin).port}=${other.token}`);
      // The browser sends both cookies to both hosts (cookies ignore the port): each takes its own.
      const both = cookies.join('; ');
      for (const each of [host, other]) {
        const reply = await send(`${each.origin}/api/app.info`, { method: 'POST', body: '{}', headers: { cookie: both } });
        expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
      }
    } finally {
      await other.stop();
    }
  });

  it('limits uploads in size, in number and in total waiting to be used, answering 413 in words', async () => {
    const dataDir = tempDir();
    host = await startDevHost(dataDir);
    const headers = { 'x-planledger-token': host.token };
    const upload = (body: string, extra: Record<string, string> = {}) =>
      send(`${host?.origin}/upload?name=a.txt`, { method: 'POST', body, headers: { ...headers, ...extra } });

    // Larger than a report package can be: refused from its declared length, before anything is written.
    const huge = holdUpload(host, 4 * GiB + 1);
    const refused = await huge.answered;
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'file.too_large', params: { max: '4 GB' } } });
    huge.abort();

    // Two uploads in flight hold the room they declared: a third finds none left.
    const held = [holdUpload(host, 4 * GiB), holdUpload(host, 4 * GiB)];
    for (const each of held) await each.started;
    const full = await upload('a');
    expect(full.status).toBe(413);
    expect(JSON.parse(full.body)).toMatchObject({
      ok: false,
      error: { code: 'file.uploads_full', params: { count: uploadLimits.maxCount, max: '8 GB' } },
    });
    for (const each of held) each.abort();
    await waitFor(async () => (await upload('a')).status === 200);

    // Uploads nobody used yet count too.
    for (let i = 1; i < uploadLimits.maxCount; i += 1) expect((await upload('a')).status).toBe(200);
    const tooMany = await upload('a');
    expect(tooMany.status).toBe(413);
    expect(JSON.parse(tooMany.body)).toMatchObject({ ok: false, error: { code: 'file.uploads_full' } });
    expect(readdirSync(join(dataDir, 'tmp')).filter((name) => name.startsWith('upload-'))).toHaveLength(uploadLimits.maxCount);
  });

  it('does not keep the upload of a report that failed verification', async () => {
    const dataDir = tempDir();
    host = await startDevHost(dataDir);
    const headers = { 'x-planledger-token': host.token };
    const uploaded = JSON.parse(
      (await send(`${host.origin}/upload?name=x.plreport`, { method: 'POST', body: 'not a zip', headers })).body,
    ) as { value: { id: string } };
    const uploads = () => readdirSync(join(dataDir, 'tmp')).filter((name) => name.startsWith('upload-'));
    expect(uploads()).toHaveLength(1);
    const started = JSON.parse(
      (await send(`${host.origin}/api/reports.verify`, { method: 'POST', body: JSON.stringify({ fileId: uploaded.value.id }), headers }))
        .body,
    ) as {
      value: { jobId: string };
    };
    const job = async () =>
      JSON.parse(
        (await send(`${host?.origin}/api/jobs.get`, { method: 'POST', body: JSON.stringify({ id: started.value.jobId }), headers })).body,
      ) as {
        value: { state: string; result: { outcome: { ok: boolean } } };
      };
    await waitFor(async () => (await job()).value.state === 'done');
    expect((await job()).value.result.outcome).toMatchObject({ ok: false, reason: 'not_a_zip' });
    expect(uploads()).toEqual([]);
  });

  it('validates API requests against the contract', async () => {
    host = await startDevHost(tempDir());
    const headers = { 'x-planledger-token': host.token };
    const post = async (name: string, body: string) =>
      JSON.parse((await send(`${host?.origin}/api/${name}`, { method: 'POST', body, headers })).body) as unknown;
    expect(await post('settings.update', '{"language":"fr"}')).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(await post('settings.update', '{"unknownField":1}')).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(await post('settings.update', 'not json')).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(await post('no.such.call', '{}')).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
    expect(await post('__proto__', '{}')).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
    expect(await post('bad%E4escape', '{}')).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
  });

  it('does not keep an output in tmp/ once its download has been served', async () => {
    const dataDir = tempDir();
    host = await startDevHost(dataDir);
    const headers = { 'x-planledger-token': host.token };
    const call = async (name: string, body: unknown) =>
      JSON.parse((await send(`${host?.origin}/api/${name}`, { method: 'POST', body: JSON.stringify(body), headers })).body) as {
        value: { download: { downloadId: string } };
      };
    const plan = (await call('plans.active', {})) as unknown as { value: { id: number } };
    const { value } = await call('plans.export', { planId: plan.value.id, targetId: null });
    const outputs = () => readdirSync(join(dataDir, 'tmp')).filter((name) => name.startsWith('output-'));
    expect(outputs()).toHaveLength(1);
    const served = await send(`${host.origin}/download/${value.download.downloadId}`, { headers });
    expect(served.status).toBe(200);
    // The host removes it once the response is sent, which may be a moment after the client has the body.
    await whenFolder(join(dataDir, 'tmp'), () => outputs().length === 0);
    expect(outputs()).toEqual([]);
    expect((await send(`${host.origin}/download/${value.download.downloadId}`, { headers })).status).toBe(404);
  });

  it('refuses other host names and cross-origin API calls', async () => {
    host = await startDevHost(tempDir());
    const port = new URL(host.origin).port;
    const rebinding = await send(host.url, { headers: { host: `evil.example:${port}` } });
    expect(rebinding.status).toBe(403);
    const crossOrigin = await send(`${host.origin}/api/app.info`, {
      method: 'POST',
      body: '{}',
      headers: { 'x-planledger-token': host.token, origin: 'http://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('listens on 127.0.0.1 only', async () => {
    host = await startDevHost(tempDir());
    const port = Number(new URL(host.origin).port);
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    expect(await canConnect('127.0.0.2', port)).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address?.address as string);
    for (const address of external) expect(await canConnect(address, port)).toBe(false);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('stops cleanly on %s', async (signal) => {
    host = await startDevHost(tempDir());
    const port = Number(new URL(host.origin).port);
    expect(await host.stop(signal)).toBe(0);
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });
});
