#!/usr/bin/env node
// Builds the app into out/: the renderer (Vite) and the Node-side bundles (Electron main,
// preload, dev host, CLI, benchmarks). `--if-stale` skips targets whose sources are older
// than their last build; `--only a,b` limits the targets. Logs go to stderr only, so
// `npm run --silent planledger …` keeps stdout clean.
import { cpSync, existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

// fileURLToPath, not URL.pathname: that one keeps %-escapes (spaces, Chinese folder names) and a leading / before C:.
const root = fileURLToPath(new URL('../..', import.meta.url));
// Always a production build, even when started from a test runner that sets NODE_ENV=test
// (React would otherwise ship its development build).
process.env.NODE_ENV = 'production';
const { values } = parseArgs({
  options: { 'if-stale': { type: 'boolean' }, quiet: { type: 'boolean' }, only: { type: 'string' } },
});
const logLevel = values.quiet ? 'error' : 'warn';

/** Sources every target depends on; a change to any of them rebuilds it. */
const common = ['shared', 'seeds', 'package.json', 'package-lock.json', 'build/scripts/build.mjs'];

/**
 * pdf.js's packed CMaps (Chinese fonts that are not embedded need them) beside the bundles, in
 * out/pdfjs-cmaps/, where electron/services/plan/readers/pdf-cmaps.ts looks for them and
 * electron-builder.yml packages them.
 */
const cmapFolder = 'out/pdfjs-cmaps';
function copyPdfCMaps() {
  cpSync(join(root, 'node_modules/pdfjs-dist/cmaps'), join(root, cmapFolder), { recursive: true });
}

const nodeTarget = (entry, outDir, { external, banner, sources }) => ({
  sources: [...common, ...sources],
  outputs: [join(outDir, 'index.cjs'), join(cmapFolder, 'UniGB-UCS2-H.bcmap')],
  run: async () => {
    copyPdfCMaps();
    await build({
      configFile: false,
      root,
      logLevel,
      mode: 'production',
      build: {
        ssr: entry,
        outDir,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: true,
        rollupOptions: {
          external,
          output: { format: 'cjs', entryFileNames: 'index.cjs', ...(banner ? { banner } : {}) },
        },
      },
      // Bundle every dependency except the ones that must stay outside (native module, Electron).
      ssr: { noExternal: true, external },
      // yazl's CRC-32 from zlib's native code instead of JavaScript (same API).
      resolve: { alias: { 'buffer-crc32': join(root, 'build/shims/buffer-crc32.ts') } },
    });
  },
});

const targets = {
  renderer: {
    sources: [...common, 'renderer', 'vite.config.ts'],
    outputs: ['out/renderer/index.html'],
    run: () => build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel, mode: 'production' }),
  },
  main: nodeTarget('electron/main/index.ts', 'out/main', { external: ['electron', 'better-sqlite3'], sources: ['electron'] }),
  preload: nodeTarget('electron/preload/index.ts', 'out/preload', { external: ['electron'], sources: ['electron/preload'] }),
  devhost: nodeTarget('electron/devhost/index.ts', 'out/devhost', { external: ['better-sqlite3'], sources: ['electron'] }),
  cli: nodeTarget('electron/cli/index.ts', 'out/cli', {
    external: ['better-sqlite3'],
    banner: '#!/usr/bin/env node',
    sources: ['electron'],
  }),
  'crash-writer': nodeTarget('tests/integration/support/crash-writer.ts', 'out/crash-writer', {
    external: ['better-sqlite3'],
    sources: ['electron', 'tests/integration/support', 'tests/support'],
  }),
  // playwright-core (Chromium prints the PDF fixture) is a devDependency, read from node_modules.
  bench: nodeTarget('tests/bench/index.ts', 'out/bench', {
    external: ['better-sqlite3', 'playwright-core'],
    sources: ['electron', 'tests/bench', 'tests/support'],
  }),
};
const defaultTargets = ['renderer', 'main', 'preload', 'devhost', 'cli'];

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const stampFile = (name) => join(root, 'out', `.${name}.stamp`);

function isFresh(name, target) {
  if (!target.outputs.every((output) => existsSync(join(root, output)))) return false;
  if (!existsSync(stampFile(name))) return false;
  const built = Number(readFileSync(stampFile(name), 'utf8'));
  return target.sources.every((source) => newestMtime(source) <= built);
}

const names = values.only ? values.only.split(',') : defaultTargets;
for (const name of names) {
  const target = targets[name];
  if (!target) throw new Error(`unknown build target ${name}; known: ${Object.keys(targets).join(', ')}`);
  if (values['if-stale'] && isFresh(name, target)) continue;
  const started = Date.now();
  const newestSource = Math.max(...target.sources.map(newestMtime));
  await target.run();
  writeFileSync(stampFile(name), String(newestSource));
  if (!values.quiet)
    process.stderr.write(`built ${name} → ${relative(root, join(root, target.outputs[0]))} in ${Date.now() - started} ms\n`);
}
