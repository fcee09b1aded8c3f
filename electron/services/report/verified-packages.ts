import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download } from '../../../shared/api/calls/files';
import type { VerifyOutcome } from '../../../shared/api/calls/reports';
import { AppError } from '../../../shared/api/errors';
import { ReportData } from '../../../shared/report/data';
import { printableName } from '../../../shared/report/manifest';
import { copyFileAtomic } from '../../lib/atomic-write';
import { markFromInternet } from '../mark-of-the-web';
import { failureReason, isDiskFull } from '../../lib/file-errors';
import { listTrustedSigners } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import type { JobProgress } from '../jobs/runner';
import { verifyReportPackage, type VerifiedEntry } from './package/verify';

/** What the verify screen shows of a package: its report (report.json) and the page (report.html). */
const shownEntries = new Set(['report.html', 'report.json']);
const MiB = 1024 * 1024;

export interface VerifiedLimits {
  /** Largest report.html or report.json taken out to be shown; a larger one stays in the package (it can still be saved). */
  maxShownBytes: number;
  /** Verified packages kept for the screen, and the bytes their extracted files take in tmp/ together. */
  maxKept: number;
  maxKeptBytes: number;
}

export const defaultVerifiedLimits: VerifiedLimits = { maxShownBytes: 32 * MiB, maxKept: 5, maxKeptBytes: 128 * MiB };

/** A package verified in this session: where it is, who signed it, and the part extracted for the screen. */
interface VerifiedPackage {
  fileId: string;
  source: string;
  fileName: string;
  fingerprint: string;
  folder: string;
  paths: ReadonlySet<string>;
  /** Shown entries too large to take out, with their sizes. */
  withheld: ReadonlyMap<string, number>;
  /** Bytes extracted into folder. */
  bytes: number;
  /** Saves in progress: a package being saved from is not dropped. */
  saving: number;
}

/**
 * Checks a received package and, when it is intact, keeps the part the screen shows
 * (report.html and report.json, each up to maxShownBytes; never the evidence: a package can
 * hold gigabytes) in tmp/, so its report.html can be shown as the office will see it. Any
 * listed file can then be saved on its own, checked again as it is taken out. tmp/ stays
 * under a quota: the oldest packages are dropped first, never the newest (on screen) nor one
 * being saved from; dispose() removes them all when the backend closes, and what a process
 * that ended left behind is removed at start.
 */
export class VerifiedPackages {
  private readonly packages = new Map<string, VerifiedPackage>();
  private readonly limits: VerifiedLimits;

  constructor(
    private readonly ctx: ServiceContext,
    limits: Partial<VerifiedLimits> = {},
  ) {
    this.limits = { ...defaultVerifiedLimits, ...limits };
    removeLeftovers(ctx.layout.tmp);
  }

  /** Starts verifying a chosen file as a job (progress in bytes read, cancellable); its result holds the outcome. */
  start(fileId: string, shownName?: string): string {
    const chosen = this.ctx.files.get(fileId);
    const file = shownName === undefined ? chosen : { ...chosen, name: shownName };
    return this.ctx.jobs.start('report.verify', async (progress, signal) => {
      let outcome: VerifyOutcome | undefined;
      try {
        outcome = await this.verify(fileId, file, progress, signal);
        return { outcome };
      } finally {
        // A browser upload of a package that is not kept is not kept in tmp/ either.
        if (!outcome?.ok) this.ctx.files.release(fileId);
      }
    });
  }

  /**
   * Verifies a package kept in the data folder (one the office received) the same way, shown
   * under the name it arrived with; the stored file itself is never removed.
   */
  startStored(path: string, fileName: string): string {
    return this.start(this.ctx.files.registerExisting(path).id, fileName);
  }

  /**
   * Verifies the whole package without writing anything, then takes out the shown entries
   * that fit (a second pass reads only them, against the same signed manifest).
   */
  private async verify(
    fileId: string,
    file: { path: string; name: string },
    onProgress: JobProgress,
    signal: AbortSignal,
  ): Promise<VerifyOutcome> {
    const result = await verifyReportPackage(file.path, { onProgress, signal });
    if (!result.ok) return { ok: false, fileName: file.name, reason: result.reason, detail: result.detail };
    const shown = result.entries.filter((entry) => shownEntries.has(entry.path));
    const fitting = shown.filter((entry) => entry.size <= this.limits.maxShownBytes);
    const id = randomUUID();
    const folder = join(this.ctx.layout.tmp, `verified-${process.pid}-${id}`);
    try {
      await this.extract(file, fitting, result.fingerprint, folder, signal);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    const withheld = new Map(shown.filter((entry) => !fitting.includes(entry)).map((entry) => [entry.path, entry.size]));
    const bytes = fitting.reduce((sum, entry) => sum + entry.size, 0);
    const paths = new Set(result.entries.map((entry) => entry.path));
    this.packages.set(id, {
      fileId,
      source: file.path,
      fileName: file.name,
      fingerprint: result.fingerprint,
      folder,
      paths,
      withheld,
      bytes,
      saving: 0,
    });
    this.trim();
    const report = ReportData.safeParse(
      fitting.some((entry) => entry.path === 'report.json') ? readJsonFileOrNull(join(folder, 'report.json')) : null,
    );
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

  private async extract(
    file: { path: string; name: string },
    entries: readonly VerifiedEntry[],
    fingerprint: string,
    folder: string,
    signal: AbortSignal,
  ): Promise<void> {
    if (entries.length === 0) return;
    const wanted = new Map(entries.map((entry) => [entry.path, entry.sha256]));
    const again = await verifyReportPackage(file.path, {
      extractTo: folder,
      only: (path) => wanted.has(path),
      extract: (path) => wanted.has(path),
      signal,
    });
    const same =
      again.ok &&
      again.fingerprint === fingerprint &&
      again.entries.every((entry) => !wanted.has(entry.path) || wanted.get(entry.path) === entry.sha256);
    if (!same) throw new AppError('report.changed_since_verified', { file: file.name });
  }

  /** Drops the oldest packages while over the quota, never the newest (on screen) nor one being saved from. */
  private trim(): void {
    const newest = [...this.packages.keys()].at(-1);
    let count = this.packages.size;
    let bytes = [...this.packages.values()].reduce((sum, known) => sum + known.bytes, 0);
    for (const [id, known] of this.packages) {
      if (count <= this.limits.maxKept && bytes <= this.limits.maxKeptBytes) return;
      if (id === newest || known.saving > 0) continue;
      this.forget(id, known);
      count -= 1;
      bytes -= known.bytes;
    }
  }

  private forget(id: string, known: VerifiedPackage): void {
    this.packages.delete(id);
    removeFolder(known.folder);
    // The same chosen file can have been verified twice: its upload goes with the last of them.
    if (![...this.packages.values()].some((other) => other.fileId === known.fileId)) this.ctx.files.release(known.fileId);
  }

  /** The extracted folder of a package verified in this session, or undefined. */
  folder(id: string): string | undefined {
    return this.packages.get(id)?.folder;
  }

  /** The size of a shown entry left in the package as too large to show, or undefined. */
  withheldSize(id: string, path: string): number | undefined {
    return this.packages.get(id)?.withheld.get(path);
  }

  /** The largest report.html shown. */
  get maxShownBytes(): number {
    return this.limits.maxShownBytes;
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
    const folder = join(this.ctx.layout.tmp, `verified-${process.pid}-${id}-save-${randomUUID()}`);
    known.saving += 1;
    try {
      const extracted = await this.extractAgain(known, path, folder);
      if (target === null) {
        const output = this.ctx.files.outputPath();
        renameSync(extracted, output);
        return { download: this.ctx.files.registerDownload(output, name) };
      }
      await saveTo(extracted, target);
      await markFromInternet(target, this.ctx.platform, this.ctx.log);
      this.ctx.log.info('verified file saved', { path: printableName(path) });
      return { download: null };
    } finally {
      rmSync(folder, { recursive: true, force: true });
      known.saving -= 1;
      this.trim();
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
    for (const [id, known] of this.packages) this.forget(id, known);
  }
}

/**
 * Extracted folders (verified-<pid>-…) whose process has ended: a crash, or a kill, left
 * them. Another process on the same data folder (the app, the dev host, the CLI) keeps its own.
 */
function removeLeftovers(tmp: string): void {
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^verified-(\d+)-/u.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) removeFolder(join(tmp, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // Still open elsewhere (Windows); the stale sweep at start takes it later.
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
