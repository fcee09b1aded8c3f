import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileDurably } from '../../../electron/app/atomic-write';
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
});
