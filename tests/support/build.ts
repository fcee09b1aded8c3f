import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const buildScript = resolve(import.meta.dirname, '../../build/scripts/build.mjs');

/** Builds the targets of build/scripts/build.mjs (its default set when none are named) whose sources changed since their last build. */
export function buildIfStale(only?: string[]): void {
  const args = [buildScript, '--if-stale', '--quiet', ...(only ? ['--only', only.join(',')] : [])];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build failed: ${args.slice(1).join(' ')}`);
}
