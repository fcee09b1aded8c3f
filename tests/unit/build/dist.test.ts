import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distPlan, readBuilderConfig, windowsSigning } from '../../../build/scripts/dist-plan.mjs';
import { electronNativeDir } from '../../../electron/main/native-binding';

const root = resolve(import.meta.dirname, '..', '..', '..');
const config = readBuilderConfig(root);
const plan = (args: string[], env: Record<string, string> = {}, builderConfig: object = config) =>
  distPlan({ args, env, config: builderConfig, hostPlatform: 'linux' });

describe('npm run dist', () => {
  it('refuses an unsigned Windows build with one line saying how to sign or how to go on', () => {
    const result = plan(['--win']);
    expect(result).toEqual({ refusal: expect.stringContaining('--unsigned') });
    const { refusal } = result as { refusal: string };
    expect(refusal).not.toContain('\n');
    expect(refusal).toContain('CSC_LINK');
  });

  it('builds an unsigned Windows package when --unsigned says so, without passing that flag on', () => {
    const result = plan(['--win', '--unsigned']);
    expect(result).toEqual({ targets: [{ platform: 'win32', arches: ['x64'] }], builderArgs: ['--win'] });
  });

  it('takes signing from electron-builder’s environment variables', () => {
    expect(windowsSigning(config, { CSC_LINK: '/keys/planledger.pfx' })).toBe('CSC_LINK');
    expect(windowsSigning(config, { WIN_CSC_LINK: 'https://keys.example.invalid/p.pfx' })).toBe('WIN_CSC_LINK');
    expect(windowsSigning(config, { CSC_LINK: '' })).toBeNull();
    expect(windowsSigning(config, { CSC_KEY_PASSWORD: 'secret' })).toBeNull();
    expect(plan(['--win'], { CSC_LINK: '/keys/planledger.pfx', CSC_KEY_PASSWORD: 'secret' })).toEqual({
      targets: [{ platform: 'win32', arches: ['x64'] }],
      builderArgs: ['--win'],
    });
  });

  it('takes signing from electron-builder’s configuration', () => {
    expect(windowsSigning({ win: { signtoolOptions: { certificateFile: 'build/planledger.pfx' } } }, {})).toBe(
      'win.signtoolOptions.certificateFile',
    );
    expect(windowsSigning({ win: { signtoolOptions: { certificateSubjectName: '某某信息技术有限公司' } } }, {})).toBe(
      'win.signtoolOptions.certificateSubjectName',
    );
    expect(windowsSigning({ win: { signtoolOptions: { certificateSha1: 'AB12' } } }, {})).toBe('win.signtoolOptions.certificateSha1');
    expect(windowsSigning({ win: { signtoolOptions: { sign: './sign.js' } } }, {})).toBe('win.signtoolOptions.sign');
    expect(windowsSigning({ win: { azureSignOptions: { endpoint: 'https://x.invalid' } } }, {})).toBe('win.azureSignOptions');
    expect(windowsSigning({ win: { cscLink: 'build/p.pfx' } }, {})).toBe('win.cscLink');
    expect(windowsSigning({ cscLink: 'build/p.pfx' }, {})).toBe('cscLink');
    // Signing switched off in the configuration wins over a certificate.
    expect(
      windowsSigning({ win: { signExecutable: false, signtoolOptions: { certificateFile: 'p.pfx' } } }, { CSC_LINK: 'p.pfx' }),
    ).toBeNull();
    expect(windowsSigning({ win: { signAndEditExecutable: false } }, { CSC_LINK: 'p.pfx' })).toBeNull();
  });

  it('needs no signing for Linux, and builds the arches electron-builder.yml lists', () => {
    expect(plan(['--linux'])).toEqual({ targets: [{ platform: 'linux', arches: ['x64', 'arm64'] }], builderArgs: ['--linux'] });
    expect(plan([])).toEqual({ targets: [{ platform: 'linux', arches: ['x64', 'arm64'] }], builderArgs: [] });
    expect(plan(['--linux', '--arm64'])).toEqual({
      targets: [{ platform: 'linux', arches: ['arm64'] }],
      builderArgs: ['--linux', '--arm64'],
    });
    expect(plan(['--win', '--linux', '--unsigned'])).toEqual({
      targets: [
        { platform: 'win32', arches: ['x64'] },
        { platform: 'linux', arches: ['x64', 'arm64'] },
      ],
      builderArgs: ['--win', '--linux'],
    });
    // A Windows build started on Windows without a flag is still a Windows build.
    expect(distPlan({ args: [], env: {}, config, hostPlatform: 'win32' })).toEqual({ refusal: expect.any(String) });
  });

  it('packs, for every target and arch, the Electron build of better-sqlite3 that electron-native.mjs prepares', () => {
    const result = plan(['--win', '--linux', '--unsigned']) as { targets: { platform: string; arches: string[] }[] };
    const configKey = { win32: 'win', linux: 'linux', darwin: 'mac' } as const;
    for (const { platform, arches } of result.targets) {
      const resources = (config[configKey[platform as keyof typeof configKey]] as { extraResources: { from: string; to: string }[] })
        .extraResources;
      for (const arch of arches) {
        const prepared = resolve(electronNativeDir(root, platform, arch), 'better_sqlite3.node');
        expect(resources.map(({ from, to }) => [resolve(root, from.replaceAll('${arch}', arch)), to])).toContainEqual([
          prepared,
          'native/better_sqlite3.node',
        ]);
      }
    }
    // The Node build in node_modules must not be packed in its place.
    expect(config.files).toContain('!node_modules/better-sqlite3/{src,deps,build,benchmark,docs}/**');
    expect(config.npmRebuild).toBe(false);
  });

  it('lists the packages the users’ desktops take', () => {
    const targets = (platform: string) => (config[platform] as { target: { target: string; arch: string[] }[] }).target;
    expect(targets('win')).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(targets('linux')).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });
});
