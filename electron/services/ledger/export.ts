import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { localDate } from '../../../shared/dates';
import { safeNamePart } from '../../../shared/file-names';
import { AppError } from '../../../shared/api/errors';
import { ledgerMeasures, ledgerTaskEvidence, ledgerTaskPage, ledgerTextWidths, type LedgerTaskRow } from '../../db/repos/ledger-export';
import { partialPath, syncDirectory } from '../../lib/atomic-write';
import { unwritableFile } from '../../lib/file-errors';
import type { ServiceContext } from '../context';
import { unitNameSetting } from '../settings/settings';
import type { Scope } from '../workspace/scope';
import { writeLedgerXlsx, type LedgerSource } from './ledger-xlsx';

/** Tasks read from the database at a time: memory stays at one page whatever the ledger's size. */
const taskPageSize = 1000;

/** 工作台账-<单位全称>-<YYYY-MM-DD>.xlsx, safe on every file system. */
export function ledgerFileName(unitName: string, day: string): string {
  return safeNamePart(`工作台账-${unitName}-${day}.xlsx`);
}

/** The name the ledger is signed off with: the 单位全称 when set, else the plan's short name. */
function ledgerUnitName(ctx: ServiceContext, scope: Scope): string {
  return unitNameSetting(ctx.db, scope.department) ?? scope.department;
}

export function ledgerExportName(ctx: ServiceContext, scope: Scope): string {
  return ledgerFileName(ledgerUnitName(ctx, scope), localDate(ctx.now()));
}

function* taskPages(ctx: ServiceContext, scope: Scope, measureId: number): Generator<LedgerTaskRow[]> {
  // Through the context every time: a restore replaces the database.
  const evidence = ledgerTaskEvidence(ctx.db, { departmentId: scope.departmentId, measureId });
  let after: { position: number; id: number } | null = null;
  for (;;) {
    const page = ledgerTaskPage(ctx.db, { departmentId: scope.departmentId, measureId, after, limit: taskPageSize });
    if (page.length > 0) yield page.map((task) => ({ ...task, evidence: evidence.get(task.id) ?? 0 }));
    if (page.length < taskPageSize) return;
    const last = page[page.length - 1] as LedgerTaskRow;
    after = { position: last.position, id: last.id };
  }
}

/**
 * Starts writing the scope's ledger as a job (progress by tasks written, cancel). The file
 * is written beside its target under a temporary name, synced and renamed, so the target is
 * never half a workbook; a cancel or a failure removes the temporary file. `outFile` null:
 * a file in tmp/ handed to the browser as a download.
 */
export function startLedgerExport(ctx: ServiceContext, scope: Scope, outFile: string | null): string {
  const generatedAt = ctx.now();
  const unitName = ledgerUnitName(ctx, scope);
  const fileName = ledgerFileName(unitName, localDate(generatedAt));
  const target = outFile ?? ctx.files.outputPath();
  const measures = ledgerMeasures(ctx.db, { planId: scope.planId, departmentId: scope.departmentId, today: localDate(generatedAt) });
  if (measures.length === 0) throw new AppError('ledger.nothing_to_export', { department: scope.department });
  const source: LedgerSource = {
    unitName,
    generatedAt,
    measures,
    textWidths: ledgerTextWidths(ctx.db, scope),
    taskPages: (measureId) => taskPages(ctx, scope, measureId),
  };

  return ctx.jobs.start('ledger.export', async (progress, signal) => {
    const temp = partialPath(target);
    const shownName = outFile === null ? fileName : basename(target);
    try {
      const out = createWriteStream(temp, { flags: 'wx' });
      const closed = finished(out);
      // Keep a failure of the stream from surfacing unhandled before the writer sees it.
      closed.catch(() => undefined);
      const counts = await writeLedgerXlsx(out, source, { signal, onProgress: progress });
      await closed;
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      signal.throwIfAborted();
      await rename(temp, target);
      await syncDirectory(dirname(target));
      const { size } = await stat(target);
      ctx.log.info('ledger exported', { department: scope.department, tasks: counts.tasks, size });
      return {
        fileName,
        size,
        tasks: counts.tasks,
        measures: counts.measures,
        download: outFile === null ? ctx.files.registerDownload(target, fileName) : null,
      };
    } catch (error) {
      await rm(temp, { force: true });
      if (signal.aborted) throw new AppError('ledger.export_cancelled');
      if (error instanceof AppError) throw error;
      throw unwritableFile(shownName, error);
    }
  });
}
