import { readFileSync, writeFileSync } from 'node:fs';

/** Overwrites 4 KiB in the middle of a SQLite file, as a failing disk would: it no longer passes its integrity check. */
export function corruptDatabase(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 8192; i < 8192 + 4096 && i < bytes.length; i += 1) bytes[i] = (i * 131) % 256;
  writeFileSync(file, bytes);
}
