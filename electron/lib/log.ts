import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

const maxLogBytes = 5 * 1024 * 1024;

/**
 * Appends JSON lines to logs/planledger.log, keeping one rotated file. Callers log events
 * and error messages, never request payloads, so no key material or passphrase can land here.
 */
export function createFileLogger(logDir: string, options: { echo?: boolean } = {}): Logger {
  mkdirSync(logDir, { recursive: true });
  const file = join(logDir, 'planledger.log');
  const write = (level: string, message: string, details?: Record<string, unknown>): void => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...details });
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxLogBytes) renameSync(file, `${file}.1`);
      appendFileSync(file, `${line}\n`);
    } catch {
      // Logging must never take the app down (read-only folder, full disk).
    }
    if (options.echo) process.stderr.write(`${line}\n`);
  };
  return {
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}

export function errorDetails(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}
