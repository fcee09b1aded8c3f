import type { Db } from '../database';

export function departmentExists(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM department WHERE name = ?').get(name) !== undefined;
}
