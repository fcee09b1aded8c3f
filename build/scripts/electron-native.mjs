#!/usr/bin/env node
// Puts an Electron build of better-sqlite3 in out/native/<platform>-<arch>/, beside the
// Node build that stays in node_modules. Electron main loads it through `nativeBinding`,
// so `npm test` (Node) and `npm start` (Electron) both work, in either order, with no
// manual rebuild. Tries the project's published prebuilt binary first, then compiles.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
// fileURLToPath, not URL.pathname, which keeps %-escapes (spaces, Chinese folder names).
const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: { platform: { type: 'string', default: process.platform }, arch: { type: 'string', default: process.arch } },
});
const { platform, arch } = values;

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const outDir = join(root, 'out', 'native', `${platform}-${arch}`);
const stamp = join(outDir, 'electron-version.txt');
const binary = join(outDir, 'better_sqlite3.node');

if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === electronVersion) process.exit(0);

const moduleDir = join(root, 'node_modules', 'better-sqlite3');
const work = mkdtempSync(join(tmpdir(), 'planledger-native-'));
const copy = join(work, 'better-sqlite3');
process.stderr.write(`Preparing better-sqlite3 for Electron ${electronVersion} (${platform}-${arch})…\n`);
try {
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    if (existsSync(join(moduleDir, entry))) cpSync(join(moduleDir, entry), join(copy, entry), { recursive: true });
  }
  // The tools' own scripts run by this Node, not their .bin/*.cmd shims: a shim needs a shell on
  // Windows, and a shell splits a project path with a space in it.
  const bin = (name) => {
    const manifest = require.resolve(`${name}/package.json`);
    const { bin: entry } = JSON.parse(readFileSync(manifest, 'utf8'));
    return join(dirname(manifest), typeof entry === 'string' ? entry : entry[name]);
  };
  const run = (tool, args) => spawnSync(process.execPath, [bin(tool), ...args], { cwd: copy, stdio: 'inherit' }).status === 0;

  const fetched = run('prebuild-install', ['--runtime', 'electron', '--target', electronVersion, '--platform', platform, '--arch', arch]);
  // Compiling needs the host's own platform and arch (no cross toolchain is assumed).
  const built =
    fetched ||
    (platform === process.platform &&
      arch === process.arch &&
      run('node-gyp', [
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ]));
  const result = join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(result)) {
    process.stderr.write(
      `Could not get better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}). ` +
        'This needs the internet once (prebuilt binary or Electron headers) or a C++ toolchain.\n',
    );
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(result, binary);
  writeFileSync(stamp, `${electronVersion}\n`);
  process.stderr.write(`better-sqlite3 for Electron → ${binary}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
