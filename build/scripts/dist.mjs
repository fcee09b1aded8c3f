#!/usr/bin/env node
// `npm run dist [-- --win|--linux|--mac] [--x64|--arm64]`: builds the app, fetches the
// Electron build of better-sqlite3 for each target, then runs electron-builder.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const platforms = [
  ['--win', 'win32'],
  ['--linux', 'linux'],
  ['--mac', 'darwin'],
].filter(([flag]) => args.includes(flag)).map(([, platform]) => platform);
const arches = ['--x64', '--arm64', '--ia32'].filter((flag) => args.includes(flag)).map((flag) => flag.slice(2));

const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, ['build/scripts/build.mjs']);
for (const platform of platforms.length ? platforms : [process.platform]) {
  for (const arch of arches.length ? arches : ['x64']) {
    run(process.execPath, ['build/scripts/electron-native.mjs', '--platform', platform, '--arch', arch]);
  }
}
run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-builder', ...args]);
