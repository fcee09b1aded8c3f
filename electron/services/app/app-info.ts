import { productName, version } from '../../../package.json';
import type { AppInfo } from '../../../shared/api/calls/app';
import { schemaVersion } from '../../db/database';
import { sqliteVersion } from '../../db/repos/meta';
import type { ServiceContext } from '../context';

export function appInfo(ctx: ServiceContext): AppInfo {
  return {
    productName,
    version,
    runtime: ctx.runtime,
    electronVersion: ctx.electronVersion,
    nodeVersion: process.versions.node,
    sqliteVersion: sqliteVersion(ctx.db),
    schemaVersion: schemaVersion(ctx.db),
    platform: process.platform,
    dataDir: ctx.layout.dataDir,
  };
}
