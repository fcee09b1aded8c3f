import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { writeFileAtomic } from '../../lib/atomic-write';
import { failureReason, isDiskFull } from '../../lib/file-errors';
import type { ServiceContext } from '../context';

/**
 * Writes a produced PDF to the place the user chose (a save target id from
 * files.chooseSaveTarget): whole or not at all, with a named reason when it fails.
 */
export function writePdfToTarget(ctx: ServiceContext, targetId: string, pdf: Uint8Array): { name: string; size: number } {
  const path = ctx.files.takeSaveTarget(targetId);
  const name = basename(path);
  try {
    writeFileAtomic(path, pdf);
  } catch (error) {
    if (isDiskFull(error)) throw new AppError('print.disk_full', { file: name });
    throw new AppError('print.write_failed', { file: name, reason: failureReason(error) });
  }
  ctx.log.info('checklist pdf saved', { name, size: pdf.length });
  return { name, size: pdf.length };
}
