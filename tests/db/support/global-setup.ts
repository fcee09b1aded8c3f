import { spawnSync } from 'node:child_process';

/** The crash test kills a real process: build its bundle if its sources changed. */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['build/scripts/build.mjs', '--if-stale', '--quiet', '--only', 'crash-writer'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}
