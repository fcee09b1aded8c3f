import type { Db } from '../database';

export function readAllSettings(db: Db): Map<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM setting').all() as { key: string; value: string }[];
  return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}
