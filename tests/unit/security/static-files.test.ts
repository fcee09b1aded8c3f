import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticFile } from '../../../electron/lib/static-files';

describe('static file resolution', () => {
  const root = '/srv/app/renderer';

  it('maps paths inside the folder', () => {
    expect(resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveStaticFile(root, '/assets/%E4%B8%AD.png')).toBe(join(root, 'assets/中.png'));
  });

  it('refuses anything that would leave the folder', () => {
    for (const path of ['/../secret', '/assets/../../etc/passwd', '/%2e%2e/secret', '/..%2fsecret', '/a\\..\\b', '/x%00.js', '/%E4%B8']) {
      expect(resolveStaticFile(root, path), path).toBeNull();
    }
  });

  it('names the content types the renderer uses', () => {
    expect(mimeTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
