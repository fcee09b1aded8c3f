import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataLayout } from '../../electron/lib/paths';
import { copyIntoReceived, keepReceived, receivedPath, removeStaleReceivedTemps, StoreRefusal } from '../../electron/services/office/store';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();

describe('the store of received packages', () => {
  it('copies while hashing, keeps the copy under its SHA-256 and keeps an existing copy of the same bytes', async () => {
    const layout = dataLayout(tempDir());
    const source = join(tempDir(), '报告.plreport');
    writeFileSync(source, '同样的字节');
    const sha256 = createHash('sha256').update(readFileSync(source)).digest('hex');
    const copy = await copyIntoReceived(layout, source, { maxBytes: 1024 });
    expect(copy).toMatchObject({ sha256, size: readFileSync(source).length });
    expect(await keepReceived(layout, copy)).toBe(receivedPath(layout, sha256));
    expect(receivedPath(layout, sha256)).toBe(join(layout.received, sha256.slice(0, 2), `${sha256}.plreport`));
    const again = await copyIntoReceived(layout, source, { maxBytes: 1024 });
    await keepReceived(layout, again);
    expect(readFileSync(receivedPath(layout, sha256), 'utf8')).toBe('同样的字节');
    expect(readdirSync(layout.received)).toEqual([sha256.slice(0, 2)]);
  });

  it('refuses a file over the limit and one it cannot read, leaving no temp file', async () => {
    const layout = dataLayout(tempDir());
    const source = join(tempDir(), 'big.plreport');
    writeFileSync(source, Buffer.alloc(2048));
    await expect(copyIntoReceived(layout, source, { maxBytes: 1024 })).rejects.toMatchObject({ reason: 'package_too_large' });
    const missing = copyIntoReceived(layout, join(tempDir(), 'gone.plreport'), { maxBytes: 1024 });
    await expect(missing).rejects.toBeInstanceOf(StoreRefusal);
    await expect(missing).rejects.toMatchObject({ reason: 'unreadable', detail: 'ENOENT' });
    expect(readdirSync(layout.received)).toEqual([]);
  });

  it('removes temp files a crash left, once they are a day old, and nothing else', () => {
    const layout = dataLayout(tempDir());
    mkdirSync(join(layout.received, 'ab'), { recursive: true });
    const stale = join(layout.received, '.tmp-stale');
    const fresh = join(layout.received, '.tmp-fresh');
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    removeStaleReceivedTemps(layout);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(join(layout.received, 'ab'))).toBe(true);
  });
});
