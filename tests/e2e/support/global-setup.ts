import { spawnSync } from 'node:child_process';

/** End-to-end tests drive the built app: build whatever is out of date first. */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['build/scripts/build.mjs', '--if-stale', '--quiet'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}
