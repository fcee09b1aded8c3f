import { join } from 'node:path';
import { openBackend } from '../../electron/backend/backend';
import { fingerprintOf } from '../../electron/services/report/keys';
import { startExport } from '../../electron/services/report/export';
import { createKey } from '../../electron/services/report/signing';
import { findSigningKey } from '../../electron/db/repos/reports';
import { scopeFor } from '../../electron/services/workspace/scope';
import { quietLog } from './call';

export const departmentPassphrase = '各部门报送口令2017';

export interface ExportedPackage {
  department: string;
  period: string;
  file: string;
  /** The signer's fingerprint (hex) and public key (SPKI PEM). */
  fingerprint: string;
  publicKeyPem: string;
}

/**
 * Packages as departments send them: each written by the real export path (its own key,
 * sealed with a passphrase) from one department data folder under `dir`. `at` is the
 * generation time of each, in order, so a later export of the same department and period is
 * a re-submission that replaces the earlier one.
 */
export async function exportDepartmentPackages(
  dir: string,
  wanted: readonly { department: string; period: string; name: string; at: Date }[],
): Promise<ExportedPackage[]> {
  let clock = new Date(2017, 0, 10, 9, 0, 0);
  const backend = await openBackend({ dataDir: join(dir, 'department-data'), runtime: 'cli', logger: quietLog, now: () => clock });
  try {
    const made: ExportedPackage[] = [];
    for (const { department, period, name, at } of wanted) {
      clock = at;
      const scope = scopeFor(backend.db, department);
      await createKey(backend.ctx, scope, departmentPassphrase);
      const file = join(dir, name);
      const jobId = await startExport(backend.ctx, scope, { periodKey: period, outFile: file, passphrase: departmentPassphrase });
      const job = await backend.ctx.jobs.settled(jobId);
      if (job.state !== 'done') throw new Error(`export of ${department} ${period} ended ${job.state}: ${JSON.stringify(job.error)}`);
      const publicKeyPem = findSigningKey(backend.db, scope.departmentId)?.publicKeyPem ?? '';
      made.push({ department, period, file, fingerprint: fingerprintOf(publicKeyPem), publicKeyPem });
    }
    return made;
  } finally {
    await backend.close();
  }
}
