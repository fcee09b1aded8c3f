import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A path under `dir` where `name` cannot be written, and the system code that says why: a
 * read-only folder (EACCES), or, for root (whom permissions do not stop), a folder that is a
 * regular file (ENOTDIR).
 */
export function unwritablePlace(dir: string, name: string): { path: string; code: 'EACCES' | 'ENOTDIR' } {
  if (process.getuid?.() === 0) {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    return { path: join(file, name), code: 'ENOTDIR' };
  }
  const folder = join(dir, 'read-only');
  mkdirSync(folder);
  chmodSync(folder, 0o555);
  return { path: join(folder, name), code: 'EACCES' };
}
