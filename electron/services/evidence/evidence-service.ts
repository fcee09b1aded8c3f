import { constants, existsSync, statSync } from 'node:fs';
import { chmod, copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { maxEvidenceBytes, maxEvidenceLabel } from '../../../shared/api/calls/evidence';
import type { Download } from '../../../shared/api/calls/files';
import { AppError } from '../../../shared/api/errors';
import { safeFileName } from '../../../shared/file-names';
import { opensDirectly } from '../../../shared/workspace/media-types';
import { unreadableFile } from '../../lib/file-errors';
import {
  findAttachment,
  insertAttachment,
  insertBlobIfMissing,
  markAttachmentRemoved,
  type AttachmentRecord,
} from '../../db/repos/attachments';
import { appendEntry } from '../../db/repos/entries';
import { findTask } from '../../db/repos/tasks';
import type { ServiceContext } from '../context';
import { markFromInternet } from '../mark-of-the-web';
import { activeScope, assignedMeasure, type Scope } from '../workspace/scope';
import { toAttachment } from './attachments';
import { blobPath, storeFile } from './store';

/** Opens a file with the system app (Electron's shell.openPath): '' or an error message. */
export type OpenPath = (path: string) => Promise<string>;
/** Shows a file selected in the system file manager (Electron's shell.showItemInFolder). */
export type ShowInFolder = (path: string) => void;

/** Evidence files of the department's measures and tasks: adding (copied as a job), removing and opening them. */
export class EvidenceService {
  /** File ids being stored right now: the same chosen file cannot be consumed twice. */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly openPath: OpenPath | undefined,
    private readonly showInFolder: ShowInFolder | undefined = undefined,
  ) {}

  /**
   * Checks everything that can be checked at once (department, measure, task, file, size),
   * then copies in the background. The attachment and its history entry are written in one
   * transaction after the content is safely on disk.
   */
  add(request: { fileId: string; measureCode: string; taskId: number | null }): string {
    const { ctx } = this;
    const scope = activeScope(ctx.db);
    const measure = assignedMeasure(ctx.db, scope, request.measureCode);
    const { taskId, fileId } = request;
    if (taskId !== null) this.liveTask(scope, measure.id, taskId);
    if (this.inFlight.has(fileId)) throw new AppError('file.not_found');
    const file = this.chosenFile(fileId);
    const name = safeFileName(file.name);
    let size: number;
    try {
      const info = statSync(file.path);
      if (info.isDirectory()) throw new AppError('file.is_directory', { name });
      size = info.size;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw unreadableFile(name, error);
    }
    if (size > maxEvidenceBytes) throw new AppError('file.too_large', { max: maxEvidenceLabel });

    this.inFlight.add(fileId);
    return ctx.jobs.start('evidence.add', async (progress, signal) => {
      try {
        progress(0, size);
        const blob = await storeFile(ctx.layout, file.path, size, { signal, progress, move: file.temporary, name });
        signal.throwIfAborted();
        const attachment = ctx.db.transaction(() => {
          // The task may have been deleted while the file was copying.
          if (taskId !== null) this.liveTask(scope, measure.id, taskId);
          const now = ctx.now().toISOString();
          insertBlobIfMissing(ctx.db, { sha256: blob.sha256, size: blob.size, now });
          const id = insertAttachment(ctx.db, {
            departmentId: scope.departmentId,
            measureId: measure.id,
            taskId,
            sha256: blob.sha256,
            name,
            size: blob.size,
            now,
          });
          appendEntry(ctx.db, {
            at: now,
            actor: ctx.actor(),
            departmentId: scope.departmentId,
            measureId: measure.id,
            taskId,
            attachmentId: id,
            action: 'evidence.add',
            newValue: name,
          });
          return toAttachment(this.own(scope, id));
        })();
        return { attachment };
      } finally {
        this.inFlight.delete(fileId);
        ctx.files.release(fileId);
      }
    });
  }

  /** Takes the file off the list; the content stays on disk (it may be shared) and the history records it. */
  remove(id: number): { id: number } {
    const { ctx } = this;
    return ctx.db.transaction(() => {
      const scope = activeScope(ctx.db);
      const attachment = this.own(scope, id);
      const now = ctx.now().toISOString();
      markAttachmentRemoved(ctx.db, id, now);
      appendEntry(ctx.db, {
        at: now,
        actor: ctx.actor(),
        departmentId: scope.departmentId,
        measureId: attachment.measureId,
        taskId: attachment.storedTaskId,
        attachmentId: id,
        action: 'evidence.remove',
        oldValue: attachment.name,
      });
      return { id };
    })();
  }

  /**
   * Desktop: a read-only copy in tmp/open/<id>/<name> (so the system app sees the real name
   * and cannot change the stored content), marked as from the internet on Windows (evidence may
   * come from anywhere: Office opens it in Protected View), opened with the system app. Only
   * documents, PDF, spreadsheets, presentations, images and text are opened (opensDirectly);
   * anything else, a program or script above all, is shown selected in its folder instead, and
   * `shownInFolder` tells the UI to say why. Browser: a download.
   */
  async open(id: number): Promise<{ download: Download | null; shownInFolder: boolean }> {
    const { ctx } = this;
    const attachment = this.own(activeScope(ctx.db), id);
    const stored = blobPath(ctx.layout, attachment.sha256);
    const name = safeFileName(attachment.name);
    if (!existsSync(stored)) throw new AppError('evidence.missing', { name });

    if (this.openPath) {
      const reveal = !opensDirectly(name);
      if (reveal && !this.showInFolder) throw new AppError('evidence.runnable', { name });
      const target = join(ctx.layout.tmp, 'open', String(attachment.id), name);
      await readOnlyCopy(stored, target, attachment.size, (copy) => markFromInternet(copy, ctx.platform, ctx.log));
      if (reveal && this.showInFolder) {
        this.showInFolder(target);
        return { download: null, shownInFolder: true };
      }
      const failure = await this.openPath(target);
      if (failure) throw new AppError('evidence.open_failed', { name, reason: failure });
      return { download: null, shownInFolder: false };
    }
    const output = ctx.files.outputPath();
    await copyFile(stored, output, constants.COPYFILE_FICLONE);
    return { download: ctx.files.registerDownload(output, name), shownInFolder: false };
  }

  private chosenFile(fileId: string) {
    try {
      return this.ctx.files.get(fileId);
    } catch {
      throw new AppError('file.not_found');
    }
  }

  private liveTask(scope: Scope, measureId: number, taskId: number): void {
    const task = findTask(this.ctx.db, taskId);
    if (!task || task.departmentId !== scope.departmentId || task.measureId !== measureId || task.deletedAt !== null) {
      throw new AppError('task.not_found');
    }
  }

  /** A live attachment of this department in the active plan; anything else does not exist for the caller. */
  private own(scope: Scope, id: number): AttachmentRecord {
    const attachment = findAttachment(this.ctx.db, id);
    if (
      !attachment ||
      attachment.departmentId !== scope.departmentId ||
      attachment.planId !== scope.planId ||
      attachment.removedAt !== null
    ) {
      throw new AppError('evidence.not_found');
    }
    return attachment;
  }
}

/**
 * Copies the stored content to `target`, marks it (before it is read-only: Windows refuses a
 * stream on a read-only file) and makes it read-only; an intact earlier copy is reused (it may be open).
 */
async function readOnlyCopy(stored: string, target: string, size: number, mark: (path: string) => Promise<unknown>): Promise<void> {
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === size && (existing.mode & 0o222) === 0) return;
  if (existing) {
    await chmod(target, 0o644).catch(() => undefined);
    await rm(target, { force: true });
  }
  await mkdir(dirname(target), { recursive: true });
  await copyFile(stored, target, constants.COPYFILE_FICLONE);
  await mark(target);
  await chmod(target, 0o444);
}
