import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

const floor = (readJson('build/electron-support.json') as { minimumMajor: number }).minimumMajor;
const range = (readJson('package.json') as { devDependencies: Record<string, string> }).devDependencies.electron ?? '';

/** The lowest major version a plain `^x.y.z`, `~x.y.z` or `x.y.z` range admits (other forms are not used here). */
function lowestMajor(versionRange: string): number {
  const match = /^[~^]?(\d+)\.\d+\.\d+$/u.exec(versionRange);
  if (!match) throw new Error(`unexpected electron version range "${versionRange}"`);
  return Number(match[1]);
}

describe('Electron version', () => {
  it('is one Electron still supports: package.json asks for no major below build/electron-support.json', () => {
    expect(lowestMajor(range)).toBeGreaterThanOrEqual(floor);
  });

  it('is the one installed, so the native module is built for the Electron that runs', () => {
    const installed = (readJson('node_modules/electron/package.json') as { version: string }).version;
    expect(Number(installed.split('.')[0])).toBe(lowestMajor(range));
  });
});
