import type { Db } from '../database';

export function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version;
}
