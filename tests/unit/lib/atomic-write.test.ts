import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileAtomic, copyFileDurably } from '../../../electron/lib/atomic-write';
import { useTempDirs } from '../../support/temp';

const tempDir = useTempDirs();

describe('durable copies', () => {
  it('streams a file into a new one, byte for byte, in chunks', async () => {
    const dir = tempDir();
    const content = randomBytes(3 * 1024 * 1024 + 17);
    writeFileSync(join(dir, 'source'), content);
    await copyFileDurably(join(dir, 'source'), join(dir, 'copy'), 64 * 1024);
    expect(readFileSync(join(dir, 'copy')).equals(content)).toBe(true);
  });

  it('never overwrites an existing file, and leaves nothing behind when the source cannot be read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'source'), 'new');
    writeFileSync(join(dir, 'copy'), 'old');
    await expect(copyFileDurably(join(dir, 'source'), join(dir, 'copy'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'copy'), 'utf8')).toBe('old');
    await expect(copyFileDurably(join(dir, 'missing'), join(dir, 'other'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(join(dir, 'other'))).toBe(false);
  });

  it('replaces a file whole by an atomic copy, and keeps the old one when the copy fails', async () => {
    const dir = tempDir();
    const content = randomBytes(2 * 1024 * 1024 + 5);
    writeFileSync(join(dir, 'source'), content);
    writeFileSync(join(dir, 'target'), 'old');
    await copyFileAtomic(join(dir, 'source'), join(dir, 'target'));
    expect(readFileSync(join(dir, 'target')).equals(content)).toBe(true);

    await expect(copyFileAtomic(join(dir, 'missing'), join(dir, 'target'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readFileSync(join(dir, 'target')).equals(content)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['source', 'target']);
  });
});
