import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** A file-name-safe UTC timestamp, e.g. 2026-11-25T21-55-45Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/u, 'Z').replaceAll(':', '-');
}

/**
 * Copies a live database with SQLite's online backup API, then proves the copy is sound
 * with integrity_check before anyone relies on it.
 */
export async function backupDatabase(db: Database.Database, destination: string, nativeBinding?: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true });
  await db.backup(destination);
  const copy = new Database(destination, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`backup ${destination} failed integrity_check: ${String(result)}`);
  } finally {
    copy.close();
  }
  return destination;
}
