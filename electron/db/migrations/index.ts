import { initial } from './001-initial';
import { workspace } from './002-workspace';
import { reports } from './003-reports';
import { retiredSigningKeys } from './004-retired-signing-keys';
import { office } from './005-office';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * Every schema step in order. No version has been released yet, so until the first release
 * (0.1.0 shipped to users) a step may still be rewritten; from then on append only: a released
 * migration is never edited or removed.
 */
export const migrations: readonly Migration[] = [initial, workspace, reports, retiredSigningKeys, office];

/** The schema version a list of migrations brings a database to (0 for none). */
export function versionAfter(steps: readonly Migration[]): number {
  return steps.at(-1)?.version ?? 0;
}

export const latestSchemaVersion = versionAfter(migrations);
