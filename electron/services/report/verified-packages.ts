import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download } from '../../../shared/api/calls/files';
import type { VerifyOutcome } from '../../../shared/api/calls/reports';
import { AppError } from '../../../shared/api/errors';
import { ReportData } from '../../../shared/report/data';
import { printableName } from '../../../shared/report/manifest';
import { copyFileAtomic } from '../../lib/atomic-write';
import { failureReason, isDiskFull } from '../../lib/file-errors';
import { listTrustedSigners } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import type { JobProgress } from '../jobs/runner';
import { verifyReportPackage } from './package/verify';

const keptVerified = 5;
/** What the verify screen shows of a package: its report (report.json) and the page (report.html). */
const shownEntries = new Set(['report.html', 'report.json']);

/** A package verified in this session: where it is, who signed it, and the part extracted for the screen. */
interface VerifiedPackage {
  source: string;
  fileName: string;
  fingerprint: string;
  folder: string;
  paths: ReadonlySet<string>;
}

/**
 * Checks a received package and, when it is intact, keeps the part the screen shows
 * (report.html and report.json, never the evidence: a package can hold gigabytes) in tmp/,
 * so its report.html can be shown as the office will see it. Any listed file can then be
 * saved on its own, checked again as it is taken out. Only the latest few are kept, and
 * dispose() removes them when the backend closes.
 */
export class VerifiedPackages {
  private readonly packages = new Map<string, VerifiedPackage>();

  constructor(private readonly ctx: ServiceContext) {}

  /** Starts verifying a chosen file as a job (progress in bytes read, cancellable); its result holds the outcome. */
  start(fileId: string): string {
    const file = this.ctx.files.get(fileId);
    return this.ctx.jobs.start('report.verify', async (progress, signal) => ({ outcome: await this.verify(file, progress, signal) }));
  }

  private async verify(file: { path: string; name: string }, onProgress: JobProgress, signal: AbortSignal): Promise<VerifyOutcome> {
    const id = randomUUID();
    const folder = join(this.ctx.layout.tmp, `verified-${id}`);
    let result;
    try {
      result = await verifyReportPackage(file.path, { extractTo: folder, extract: (path) => shownEntries.has(path), onProgress, signal });
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    if (!result.ok) {
      rmSync(folder, { recursive: true, force: true });
      return { ok: false, fileName: file.name, reason: result.reason, detail: result.detail };
    }
    const paths = new Set(result.entries.map((entry) => entry.path));
    this.packages.set(id, { source: file.path, fileName: file.name, fingerprint: result.fingerprint, folder, paths });
    while (this.packages.size > keptVerified) {
      const [oldest, kept] = this.packages.entries().next().value as [string, VerifiedPackage];
      rmSync(kept.folder, { recursive: true, force: true });
      this.packages.delete(oldest);
    }
    const report = ReportData.safeParse(readJsonFileOrNull(join(folder, 'report.json')));
    const trusted = listTrustedSigners(this.ctx.db).find((signer) => signer.fingerprint === result.fingerprint);
    return {
      ok: true,
      verifiedId: id,
      fileName: file.name,
      fingerprint: result.fingerprint,
      department: result.manifest.department,
      trustedAs: trusted?.department ?? null,
      report: report.success ? report.data : null,
      files: result.entries.map((entry) => ({ path: entry.path, size: entry.size })),
    };
  }

  /** The extracted folder of a package verified in this session, or undefined. */
  folder(id: string): string | undefined {
    return this.packages.get(id)?.folder;
  }

  /**
   * Saves one listed file of a verified package where the user chose (or as a browser
   * download when targetId is null). The package is verified again while the file is taken
   * out (that file alone is read, against the signed manifest), so what is saved is what the
   * signer signed, even if the package changed since.
   */
  async saveFile(id: string, path: string, targetId: string | null): Promise<{ download: Download | null }> {
    const known = this.packages.get(id);
    if (!known) throw new AppError('report.verified_expired');
    if (!known.paths.has(path)) throw new AppError('report.not_in_package', { path: printableName(path) });
    const name = path.slice(path.lastIndexOf('/') + 1);
    const target = targetId === null ? null : this.ctx.files.takeSaveTarget(targetId);
    const folder = join(this.ctx.layout.tmp, `verified-${id}-save-${randomUUID()}`);
    try {
      const extracted = await this.extractAgain(known, path, folder);
      if (target === null) {
        const output = this.ctx.files.outputPath();
        renameSync(extracted, output);
        return { download: this.ctx.files.registerDownload(output, name) };
      }
      await saveTo(extracted, target);
      this.ctx.log.info('verified file saved', { path: printableName(path) });
      return { download: null };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  private async extractAgain(known: VerifiedPackage, path: string, folder: string): Promise<string> {
    const changed = new AppError('report.changed_since_verified', { file: known.fileName });
    let result;
    try {
      result = await verifyReportPackage(known.source, { extractTo: folder, only: (entry) => entry === path });
    } catch (error) {
      if (isDiskFull(error)) throw new AppError('report.save_disk_full', { file: path.slice(path.lastIndexOf('/') + 1) });
      // Moved, deleted or locked since it was checked.
      throw changed;
    }
    if (!result.ok || result.fingerprint !== known.fingerprint) throw changed;
    return join(folder, ...path.split('/'));
  }

  /** Removes every extracted folder; called when the backend closes. */
  dispose(): void {
    for (const known of this.packages.values()) rmSync(known.folder, { recursive: true, force: true });
    this.packages.clear();
  }
}

/** The value the JSON file at `path` holds, or null when it cannot be read or is not JSON. */
function readJsonFileOrNull(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

async function saveTo(source: string, target: string): Promise<void> {
  try {
    await copyFileAtomic(source, target);
  } catch (error) {
    const file = basename(target);
    if (isDiskFull(error)) throw new AppError('report.save_disk_full', { file });
    throw new AppError('report.save_failed', { file, reason: failureReason(error) });
  }
}
