#!/usr/bin/env node
// Runs the end-to-end UI specs against the real Electron app instead of the dev host.
// tests/e2e/ui holds the specs both targets share; tests/e2e/web the ones that answer the
// browser's file chooser, which a native dialog replaces in the desktop app.
import { spawnSync } from 'node:child_process';

const steps = [['build/scripts/check-electron.mjs'], ['build/scripts/build.mjs', '--if-stale'], ['build/scripts/electron-native.mjs']];
for (const step of steps) {
  const result = spawnSync(process.execPath, step, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', 'tests/e2e/ui', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, PLANLEDGER_E2E_TARGET: 'electron' },
  },
);
process.exit(vitest.status ?? 1);
