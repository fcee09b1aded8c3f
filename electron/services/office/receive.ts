import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TFunction } from 'i18next';
import type { ReceiveCounts, ReceiveItem, ReceiveRefusalReason, ReceiveSummary } from '../../../shared/api/calls/office';
import { AppError } from '../../../shared/api/errors';
import { periodKeyOf } from '../../../shared/office/period-key';
import { ReportData } from '../../../shared/report/data';
import { printableName, type Manifest, type VerifyFailureReason } from '../../../shared/report/manifest';
import { findSubmission, findSubmissionIdBySha, insertSubmission, latestSlotShas, signerRegistration } from '../../db/repos/submissions';
import { errorDetails } from '../../lib/log';
import { failureReason } from '../../lib/file-errors';
import { createTranslator } from '../../lib/i18n';
import type { ServiceContext } from '../context';
import type { JobProgress } from '../jobs/runner';
import { defaultVerifyLimits } from '../report/package/limits';
import { verifyReportPackage, type VerifiedEntry } from '../report/package/verify';
import { readSettings } from '../settings/settings';
import { copyIntoReceived, discardCopy, keepReceived, StoreRefusal, type CopyOptions, type ReceivedCopy } from './store';
import { signerTrust } from './submissions';

/** A file or folder to receive (folders are walked recursively); `name` is what the user sees (an upload's own name). */
export interface ReceiveSource {
  path: string;
  name: string;
}

export interface ReceiveOptions {
  /** Files processed of files found, with the running tallies { accepted, duplicates, refused }. */
  onProgress?: JobProgress;
  /** Stops between files (and inside a large one); what was received before stays received. */
  signal?: AbortSignal;
  /** The language of the items' details; by default the user's (settings). */
  t?: TFunction;
  /** Test seam: how the store opens its temp files (a disk that fills mid-batch). */
  openOutput?: CopyOptions['openOutput'];
}

/** What a folder walk takes at most: a batch of packages, not a whole drive. */
export const walkLimits = { maxFiles: 10_000, maxDepth: 32 };
/** Files received at once. */
const receiveConcurrency = 4;
/** report.json larger than this stays in the package (the submission then has no parsed report). */
export const maxReportJsonBytes = 32 * 1024 * 1024;
/** The largest package file taken in: what the verifier would read at most. */
const maxPackageBytes = defaultVerifyLimits.maxTotalBytes;

/** Operating-system clutter on USB sticks and shares, never a package: skipped without an item. */
const systemNames = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', '$recycle.bin', 'system volume information']);
export function isSystemFile(name: string): boolean {
  // Hidden (.DS_Store, ._AppleDouble, .Trashes) and Office lock files (~$报告.docx).
  return name.startsWith('.') || name.startsWith('~$') || systemNames.has(name.toLowerCase());
}

interface Signalled {
  promise: Promise<void>;
  resolve: () => void;
}

function signalled(): Signalled {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

type Found = { kind: 'file'; path: string; shown: string } | { kind: 'skipped'; item: ReceiveItem };

/**
 * Receives a batch: every file found is verified and, when intact, stored byte for byte and
 * recorded as a submission; one bad file never stops the batch.
 *
 * Decisions: a package for another plan than the active one (its plan.sha256 differs) is
 * accepted and stored like any other (it is intact and signed, and lists show it); the matrix
 * counts only the active plan. A package whose report.json cannot be read as a report (or is
 * over 32 MiB) is accepted with no parsed report: the package itself is intact and signed.
 */
export async function receivePackages(
  ctx: ServiceContext,
  sources: readonly ReceiveSource[],
  options: ReceiveOptions = {},
): Promise<ReceiveSummary> {
  const t = options.t ?? createTranslator(readSettings(ctx.db).language);
  const found = await walkSources(sources, t, options.signal);
  const counts: ReceiveCounts = { accepted: 0, duplicates: 0, refused: 0 };
  const items: ReceiveItem[] = new Array<ReceiveItem>(found.length);
  const total = found.length;
  let next = 0;
  let done = 0;
  options.onProgress?.(0, total, { ...counts });
  // A few files at a time: each waits mostly on the disk (fsync of the copy, of its folder,
  // of the database), so a batch goes several times faster; items keep the order found.
  // Files are recorded in the order found, whatever order their checks end in: the first of
  // two copies of the same bytes is the accepted one, and a correction replaces what came before it.
  const finished = found.map(() => signalled());
  const worker = async () => {
    while (next < found.length) {
      options.signal?.throwIfAborted();
      const index = next;
      next += 1;
      const entry = found[index] as Found;
      const turn = index === 0 ? Promise.resolve() : (finished[index - 1] as Signalled).promise;
      let item: ReceiveItem;
      try {
        item = entry.kind === 'skipped' ? entry.item : await receiveFile(ctx, entry, t, options, turn);
      } finally {
        // Done in order: only once every file before this one is done too (a refusal that never waited included).
        void turn.then((finished[index] as Signalled).resolve);
      }
      items[index] = item;
      if (item.outcome === 'accepted') counts.accepted += 1;
      else if (item.outcome === 'duplicate') counts.duplicates += 1;
      else counts.refused += 1;
      done += 1;
      options.onProgress?.(done, total, { ...counts });
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: Math.min(receiveConcurrency, total) }, worker));
  const failed = workers.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  ctx.log.info('packages received', { ...counts });
  return { ...counts, items };
}

/**
 * The files of the sources, folders walked depth first in name order. A chosen file or
 * folder is taken as it is (even through a link the user picked); inside a folder a symbolic
 * link is never followed, and the walk stops at walkLimits with an item saying what was left.
 */
async function walkSources(sources: readonly ReceiveSource[], t: TFunction, signal: AbortSignal | undefined): Promise<Found[]> {
  const found: Found[] = [];
  let files = 0;
  let full = false;
  const refused = (path: string, reason: ReceiveRefusalReason, detail: string): Found => ({
    kind: 'skipped',
    item: { path, outcome: 'refused', reason, detail },
  });
  const addFile = (path: string, shown: string) => {
    if (files >= walkLimits.maxFiles) {
      full = true;
      found.push(refused(shown, 'too_many_files', t('office.refusal.too_many_files', { max: walkLimits.maxFiles })));
      return;
    }
    files += 1;
    found.push({ kind: 'file', path, shown });
  };

  const walk = async (folder: string, shown: string, depth: number): Promise<void> => {
    signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      found.push(refused(shown, 'unreadable', unreadableDetail(error, t)));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (full) return;
      if (isSystemFile(entry.name)) continue;
      const path = join(folder, entry.name);
      const shownPath = join(shown, entry.name);
      if (entry.isSymbolicLink()) found.push(refused(shownPath, 'symlink', t('office.refusal.symlink')));
      else if (entry.isDirectory()) {
        if (depth >= walkLimits.maxDepth)
          found.push(refused(shownPath, 'too_deep', t('office.refusal.too_deep', { max: walkLimits.maxDepth })));
        else await walk(path, shownPath, depth + 1);
      } else if (entry.isFile()) addFile(path, shownPath);
      else found.push(refused(shownPath, 'unreadable', unreadableDetail({ code: 'NOT_A_FILE' }, t)));
    }
  };

  for (const source of sources) {
    if (full) break;
    let isFolder: boolean;
    try {
      isFolder = (await stat(source.path)).isDirectory();
    } catch (error) {
      found.push(refused(source.name, 'unreadable', unreadableDetail(error, t)));
      continue;
    }
    if (isFolder) await walk(source.path, source.name, 1);
    else addFile(source.path, source.name);
  }
  return found;
}

/** One file of the batch, whatever happens to it: accepted, a duplicate, or refused with its reason in words. */
async function receiveFile(
  ctx: ServiceContext,
  file: { path: string; shown: string },
  t: TFunction,
  options: ReceiveOptions,
  /** Resolves once the files found before this one are done with. */
  turn: Promise<void>,
): Promise<ReceiveItem> {
  const refused = (reason: ReceiveRefusalReason, detail: string): ReceiveItem => ({ path: file.shown, outcome: 'refused', reason, detail });
  const verifyRefusal = (reason: VerifyFailureReason, detail: string) =>
    refused(reason, t(`report.verify.reasons.${reason}`, { detail: printableName(detail) }));

  // Most files in a folder of odds and ends are not packages at all: a file that does not
  // begin as the writer's ZIPs do is judged where it is, without a copy (the verifier refuses
  // it from its first and last bytes: not_a_zip, or corrupt_zip for a ZIP behind a prefix).
  try {
    if (!(await startsLikeZip(file.path))) {
      const judged = await verifyReportPackage(file.path, options.signal ? { signal: options.signal } : {});
      if (!judged.ok) return verifyRefusal(judged.reason, judged.detail);
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return refused('unreadable', unreadableDetail(error, t));
  }

  let copy: ReceivedCopy;
  try {
    copy = await copyIntoReceived(ctx.layout, file.path, {
      maxBytes: maxPackageBytes,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.openOutput ? { openOutput: options.openOutput } : {}),
    });
  } catch (error) {
    if (error instanceof StoreRefusal) return storeRefusal(error, ctx, t, refused, verifyRefusal);
    throw error;
  }

  let kept = false;
  try {
    const known = findSubmissionIdBySha(ctx.db, copy.sha256);
    if (known !== undefined) {
      await turn;
      return duplicateItem(ctx, file.shown, known);
    }

    const result = await verifyReportPackage(copy.temp, options.signal ? { signal: options.signal } : {});
    if (!result.ok) return verifyRefusal(result.reason, result.detail);

    const report = await readReportJson(ctx, copy.temp, result.entries);
    await turn;
    options.signal?.throwIfAborted();
    await keepReceived(ctx.layout, copy);
    kept = true;
    // Cancelled meanwhile: the bytes stay in the store (harmless, found again next time), no submission is recorded.
    options.signal?.throwIfAborted();
    return record(ctx, file, copy, result.manifest, result.fingerprint, report);
  } catch (error) {
    if (error instanceof StoreRefusal) return storeRefusal(error, ctx, t, refused, verifyRefusal);
    if (options.signal?.aborted) throw error;
    // An I/O failure on our own copy (the verifier throws only those).
    ctx.log.error('receiving a package failed', { file: printableName(file.shown), ...errorDetails(error) });
    return refused('store_failed', t('office.refusal.store_failed', { detail: reasonWords(failureReason(error), t) }));
  } finally {
    if (!kept) await discardCopy(copy);
  }
}

function storeRefusal(
  refusal: StoreRefusal,
  ctx: ServiceContext,
  t: TFunction,
  refused: (reason: ReceiveRefusalReason, detail: string) => ReceiveItem,
  verifyRefusal: (reason: VerifyFailureReason, detail: string) => ReceiveItem,
): ReceiveItem {
  switch (refusal.reason) {
    case 'package_too_large':
      return verifyRefusal('package_too_large', refusal.detail);
    case 'unreadable':
      return refused('unreadable', t('office.refusal.unreadable', { detail: reasonWords(refusal.detail, t) }));
    case 'disk_full':
      return refused('disk_full', t('office.refusal.disk_full', { detail: ctx.layout.received }));
    case 'store_failed':
      return refused('store_failed', t('office.refusal.store_failed', { detail: reasonWords(refusal.detail, t) }));
  }
}

/**
 * Records the verified package as a submission (one statement in one short transaction: a
 * package is either recorded whole or not at all) and works out what it replaced.
 */
function record(
  ctx: ServiceContext,
  file: { path: string; shown: string },
  copy: ReceivedCopy,
  manifest: Manifest,
  fingerprint: string,
  report: string | null,
): ReceiveItem {
  const slot = {
    planSha256: manifest.plan.sha256,
    department: manifest.department,
    periodFrom: manifest.period.from,
    periodTo: manifest.period.to,
  };
  const outcome = ctx.db.transaction(() => {
    // Another batch (the watched folder) may have taken the same bytes meanwhile.
    const known = findSubmissionIdBySha(ctx.db, copy.sha256);
    if (known !== undefined) return { duplicateOf: known, id: known, supersedes: undefined, registeredAs: null };
    const id = insertSubmission(ctx.db, {
      packageSha256: copy.sha256,
      size: copy.size,
      fileName: basename(file.shown),
      planSha256: manifest.plan.sha256,
      planTitle: manifest.plan.title,
      planDocNumber: manifest.plan.docNumber,
      department: manifest.department,
      periodFrom: manifest.period.from,
      periodTo: manifest.period.to,
      periodLabel: manifest.period.label,
      generatedAt: manifest.generatedAt,
      generatedMs: Date.parse(manifest.generatedAt),
      signerFingerprint: fingerprint,
      summary: JSON.stringify(manifest.summary),
      report,
      receivedAt: ctx.now().toISOString(),
    });
    const latest = latestSlotShas(ctx.db, slot);
    // Became current, and the slot had a current version before: that is the one replaced.
    const replaced = latest[0]?.id === id ? latest[1] : undefined;
    return {
      duplicateOf: undefined,
      id,
      supersedes: replaced?.packageSha256,
      registeredAs: signerRegistration(ctx.db, fingerprint),
    };
  })();
  if (outcome.duplicateOf !== undefined) return duplicateItem(ctx, file.shown, outcome.duplicateOf);
  ctx.log.info('package accepted', { department: manifest.department, period: manifest.period.label, sha256: copy.sha256 });
  return {
    path: file.shown,
    outcome: 'accepted',
    department: manifest.department,
    period: periodKeyOf(manifest.period.from, manifest.period.to),
    packageSha256: copy.sha256,
    signer: { fingerprint, trust: signerTrust(manifest.department, outcome.registeredAs) },
    ...(outcome.supersedes ? { supersedes: outcome.supersedes } : {}),
    submissionId: outcome.id,
  };
}

/** The same bytes again: nothing is stored twice; the item names the submission they already are. */
function duplicateItem(ctx: ServiceContext, shown: string, id: number): ReceiveItem {
  const row = findSubmission(ctx.db, id);
  if (!row) return { path: shown, outcome: 'duplicate', submissionId: id };
  return {
    path: shown,
    outcome: 'duplicate',
    department: row.department,
    period: periodKeyOf(row.periodFrom, row.periodTo),
    packageSha256: row.packageSha256,
    signer: { fingerprint: row.signerFingerprint, trust: signerTrust(row.department, row.registeredAs) },
    submissionId: id,
  };
}

/**
 * report.json of a verified copy, checked again as it is taken out (a second pass reads that
 * entry alone, against the same signed manifest), or null when it is absent, too large, or not
 * a report: the package is accepted all the same.
 */
async function readReportJson(ctx: ServiceContext, packageFile: string, entries: readonly VerifiedEntry[]): Promise<string | null> {
  const entry = entries.find((candidate) => candidate.path === 'report.json');
  if (!entry || entry.size > maxReportJsonBytes) return null;
  const folder = join(ctx.layout.tmp, `receive-${process.pid}-${randomUUID()}`);
  try {
    await mkdir(folder, { recursive: true });
    const again = await verifyReportPackage(packageFile, { only: (path) => path === 'report.json', extractTo: folder });
    if (!again.ok || again.entries[0]?.sha256 !== entry.sha256) return null;
    const text = await readFile(join(folder, 'report.json'), 'utf8');
    return ReportData.safeParse(JSON.parse(text)).success ? text : null;
  } catch (error) {
    ctx.log.warn('report.json of a received package not read', errorDetails(error));
    return null;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A ZIP file begins with a local file header (PK\3\4); the package writer's always does. */
async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

function reasonWords(reason: string, t: TFunction): string {
  return /^[A-Z][A-Z0-9_]*$/u.test(reason) ? t(`errors.reason.${reason}`, { defaultValue: reason }) : reason;
}

function unreadableDetail(error: unknown, t: TFunction): string {
  return t('office.refusal.unreadable', { detail: reasonWords(failureReason(error), t) });
}

/** Refuses a second batch while one runs (the inbox and the CLI); the watched folder waits for its next scan instead. */
const batches = new Set<string>();
export function claimBatch(ctx: ServiceContext): () => void {
  const key = ctx.layout.dataDir;
  if (batches.has(key)) throw new AppError('office.batch_running');
  batches.add(key);
  return () => batches.delete(key);
}
