import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
const writer = resolve(import.meta.dirname, '../../out/crash-writer/index.cjs');
const kills = 200;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Runs the writer until it is ready, lets it write for `ms`, kills it, returns the ids it reported committed. */
function runAndKill(dataDir: string, ms: number): Promise<number[]> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [writer, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended with ${code ?? signal}: ${err}`));
      resolveRun([...out.matchAll(/^committed (\d+)$/gmu)].map((match) => Number(match[1])));
    });
  });
}

describe('crash safety', () => {
  it(`keeps the database sound and every committed write through ${kills} SIGKILLs`, async () => {
    const dataDir = tempDir();
    const next = random(20161231);
    const committed: number[] = [];
    for (let round = 0; round < kills; round += 1) {
      committed.push(...(await runAndKill(dataDir, Math.floor(next() * 120))));

      const db = new Database(join(dataDir, 'planledger.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        const present = new Set(
          (db.prepare("SELECT id FROM task WHERE status = 'in_progress'").all() as { id: number }[]).map((row) => row.id),
        );
        const lost = committed.filter((id) => !present.has(id));
        expect(lost, `round ${round}`).toEqual([]);
        const entries = db.prepare("SELECT count(*) AS n FROM entry WHERE action = 'task.create'").get() as { n: number };
        expect(entries.n).toBeGreaterThanOrEqual(committed.length);
      } finally {
        db.close();
      }
    }
    expect(committed.length).toBeGreaterThan(kills);
  }, 600_000);
});
