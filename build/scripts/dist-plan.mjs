// What `npm run dist` builds, decided before anything runs: which platforms and arches (as
// electron-builder.yml lists them, unless arch flags say otherwise), and whether a Windows
// build may go ahead: only signed, or unsigned when `--unsigned` says so. Pure, so it is tested.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/** electron-builder's configuration, read from the same file it reads. */
export function readBuilderConfig(root) {
  return load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
}

const platformFlags = [
  ['win32', 'win', ['--win', '--windows', '-w']],
  ['linux', 'linux', ['--linux', '-l']],
  ['darwin', 'mac', ['--mac', '--macos', '-m', '-o']],
];
const archFlags = ['--x64', '--arm64', '--ia32', '--armv7l', '--universal'];

/**
 * Where electron-builder would take a Windows signing certificate from (the name of the
 * setting), or null when it would sign nothing. Mirrors electron-builder 26: `signtoolOptions`
 * or `azureSignOptions` under `win`, `cscLink` in the configuration, WIN_CSC_LINK or CSC_LINK
 * in the environment (an empty value counts as none).
 * @param {Record<string, any>} config
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function windowsSigning(config, env) {
  const win = config.win ?? {};
  if (win.signExecutable === false || win.signAndEditExecutable === false) return null;
  for (const key of ['certificateFile', 'certificateSubjectName', 'certificateSha1', 'sign']) {
    if (win.signtoolOptions?.[key]) return `win.signtoolOptions.${key}`;
  }
  if (win.azureSignOptions) return 'win.azureSignOptions';
  if (win.cscLink) return 'win.cscLink';
  if (config.cscLink) return 'cscLink';
  for (const name of ['WIN_CSC_LINK', 'CSC_LINK']) if (env[name]) return name;
  return null;
}

/**
 * @param {{ args: string[], env: Record<string, string | undefined>, config: Record<string, any>, hostPlatform: string }} options
 * @returns {{ targets: { platform: string, arches: string[] }[], builderArgs: string[] } | { refusal: string }}
 */
export function distPlan({ args, env, config, hostPlatform }) {
  const chosen = platformFlags.filter(([, , flags]) => flags.some((flag) => args.includes(flag)));
  const platforms = chosen.length ? chosen : platformFlags.filter(([platform]) => platform === hostPlatform);
  const askedArches = archFlags.filter((flag) => args.includes(flag)).map((flag) => flag.slice(2));
  const targets = platforms.map(([platform, key]) => ({
    platform,
    arches: askedArches.length ? askedArches : configuredArches(config[key]),
  }));
  const unsigned = args.includes('--unsigned');
  if (targets.some(({ platform }) => platform === 'win32') && !unsigned && !windowsSigning(config, env)) {
    return {
      refusal:
        'Refusing to build an unsigned Windows package: set CSC_LINK (or WIN_CSC_LINK) and CSC_KEY_PASSWORD, or win.signtoolOptions ' +
        'or win.azureSignOptions in electron-builder.yml; add --unsigned to build one anyway.',
    };
  }
  return { targets, builderArgs: args.filter((arg) => arg !== '--unsigned') };
}

/** The arches a platform's targets list in electron-builder.yml, in their order (x64 when none is named). */
function configuredArches(platformConfig) {
  const arches = new Set();
  for (const target of [platformConfig?.target ?? []].flat()) for (const arch of [target?.arch ?? []].flat()) arches.add(arch);
  return arches.size ? [...arches] : ['x64'];
}
