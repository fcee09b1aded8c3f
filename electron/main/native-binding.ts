import { join } from 'node:path';

/**
 * Node and Electron need different builds of better-sqlite3. The Node build stays in
 * node_modules for tests and the CLI; the Electron build lives beside it, so `npm test`
 * and `npm start` both work in either order without a rebuild.
 */
export function electronNativeDir(projectRoot: string, platform: string = process.platform, arch: string = process.arch): string {
  return join(projectRoot, 'out', 'native', `${platform}-${arch}`);
}

export function nativeBindingPath(options: { packaged: boolean; resourcesPath: string; projectRoot: string }): string {
  return options.packaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(electronNativeDir(options.projectRoot), 'better_sqlite3.node');
}
