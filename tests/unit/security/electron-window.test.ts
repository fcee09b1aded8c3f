import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAllowedRequest, isAppUrl, isTrustedSender } from '../../../electron/main/guards';
import { mainWindowOptions } from '../../../electron/main/window';
import { contentSecurityPolicy, previewContentSecurityPolicy, securityHeaders } from '../../../electron/lib/csp';

describe('main window', () => {
  it('runs the renderer isolated, sandboxed, without Node and with web security', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs');
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
    expect(options.width).toBe(1280);
    expect(options.height).toBe(800);
    expect(options.minWidth).toBeLessThanOrEqual(1024);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(options.show).toBe(false);
  });

  it('loads the app from its own scheme, not file://', () => {
    expect(appEntryUrl).toBe('app://planledger/index.html');
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/u);
      return [name as string, values];
    }),
  );

  it('denies by default and allows scripts, styles, fonts and images only from the app', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or remote hosts', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/u);
  });

  it('lets preview documents style themselves but run nothing', () => {
    expect(previewContentSecurityPolicy).toContain("default-src 'none'");
    expect(previewContentSecurityPolicy).toContain("frame-ancestors 'self'");
    expect(previewContentSecurityPolicy.split('; ')).toContain('sandbox');
    expect(previewContentSecurityPolicy).not.toMatch(/script-src|unsafe-eval|https?:/u);
  });

  it('is sent with every response', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('request and IPC guards', () => {
  it('lets only app, data and blob URLs through', () => {
    expect(isAllowedRequest('app://planledger/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('blob:app://planledger/1234')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'ws://localhost/',
      'ftp://x/',
      'app://evil/index.html',
      'not a url',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('answers IPC only from the top frame of an app page', () => {
    expect(isTrustedSender({ url: 'app://planledger/index.html#/settings', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://planledger/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
