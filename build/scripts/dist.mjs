#!/usr/bin/env node
// `npm run dist [-- --win|--linux|--mac] [--x64|--arm64] [--unsigned]`: builds the app, fetches
// the Electron build of better-sqlite3 for each target and arch, then runs electron-builder.
// A Windows build must be signed (electron-builder's CSC_LINK / WIN_CSC_LINK or its win signing
// settings) unless --unsigned is given; see dist-plan.mjs.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { distPlan, readBuilderConfig } from './dist-plan.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const plan = distPlan({ args: process.argv.slice(2), env: process.env, config: readBuilderConfig(root), hostPlatform: process.platform });
if ('refusal' in plan) {
  process.stderr.write(`${plan.refusal}\n`);
  process.exit(1);
}

// Every step is a script run by this Node, without a shell, so a path with a space in it stays whole.
const run = (script, args) => {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('build/scripts/build.mjs', []);
for (const { platform, arches } of plan.targets) {
  for (const arch of arches) run('build/scripts/electron-native.mjs', ['--platform', platform, '--arch', arch]);
}
run('node_modules/electron-builder/cli.js', plan.builderArgs);
