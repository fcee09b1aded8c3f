import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyOutcome } from '../../../shared/api/calls/reports';
import { ReportData } from '../../../shared/report/data';
import { listTrustedSigners } from '../../db/repos/reports';
import type { ServiceContext } from '../context';
import { verifyReportPackage } from './package/verify';

const keptVerified = 5;
/** What the verify screen shows of a package: its report (report.json) and the page (report.html). */
const shownEntries = new Set(['report.html', 'report.json']);

/**
 * Checks a received package and, when it is intact, keeps the part the screen shows
 * (report.html and report.json, never the evidence: a package can hold gigabytes) in tmp/,
 * so its report.html can be shown as the office will see it. Only the latest few are kept,
 * and dispose() removes them when the backend closes.
 */
export class VerifiedPackages {
  private readonly folders = new Map<string, string>();

  constructor(private readonly ctx: ServiceContext) {}

  async verify(fileId: string): Promise<VerifyOutcome> {
    const file = this.ctx.files.get(fileId);
    const id = randomUUID();
    const folder = join(this.ctx.layout.tmp, `verified-${id}`);
    const result = await verifyReportPackage(file.path, { extractTo: folder, extract: (path) => shownEntries.has(path) });
    if (!result.ok) {
      rmSync(folder, { recursive: true, force: true });
      return { ok: false, fileName: file.name, reason: result.reason, detail: result.detail };
    }
    this.folders.set(id, folder);
    while (this.folders.size > keptVerified) {
      const [oldest, path] = this.folders.entries().next().value as [string, string];
      rmSync(path, { recursive: true, force: true });
      this.folders.delete(oldest);
    }
    const report = ReportData.safeParse(safeJson(join(folder, 'report.json')));
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
    return this.folders.get(id);
  }

  /** Removes every extracted folder; called when the backend closes. */
  dispose(): void {
    for (const path of this.folders.values()) rmSync(path, { recursive: true, force: true });
    this.folders.clear();
  }
}

function safeJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}
