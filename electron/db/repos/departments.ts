import type { Db } from '../database';

export function departmentExists(db: Db, name: string): boolean {
  return db.prepare('SELECT 1 FROM department WHERE name = ?').get(name) !== undefined;
}

export function findDepartmentId(db: Db, name: string): number | undefined {
  const row = db.prepare('SELECT id FROM department WHERE name = ?').get(name) as { id: number } | undefined;
  return row?.id;
}

export function ensureDepartment(db: Db, name: string): number {
  db.prepare('INSERT OR IGNORE INTO department (name) VALUES (?)').run(name);
  return findDepartmentId(db, name) as number;
}

export function listAliases(db: Db): { alias: string; canonical: string }[] {
  return db.prepare('SELECT alias, canonical FROM department_alias ORDER BY canonical, alias').all() as {
    alias: string;
    canonical: string;
  }[];
}

export function setAlias(db: Db, alias: string, canonical: string | null): void {
  if (canonical === null) db.prepare('DELETE FROM department_alias WHERE alias = ?').run(alias);
  else
    db.prepare(
      'INSERT INTO department_alias (alias, canonical) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET canonical = excluded.canonical',
    ).run(alias, canonical);
}
