import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download, FileRef } from '../../shared/api/calls/files';
import { AppError } from '../../shared/api/errors';
import { safeFileName } from '../../shared/file-names';
import { writeFileAtomic } from '../lib/atomic-write';
import { unreadableFile, unwritableFile } from '../lib/file-errors';

interface KnownFile {
  path: string;
  name: string;
  size: number;
  /** Uploads live in the data folder's tmp/ and are removed when done with. */
  temporary: boolean;
  /** A folder the user chose or dropped (the inbox takes whole folders); only entry() hands it out. */
  folder: boolean;
}

const staleAfterMs = 24 * 60 * 60 * 1000;

/**
 * Files the user chose, by opaque id. The renderer passes ids, never paths: whatever it
 * asks for, it can only reach what the user picked, dropped or uploaded in this session.
 */
export class FileRegistry {
  private readonly files = new Map<string, KnownFile>();
  private readonly saveTargets = new Map<string, string>();
  private readonly downloads = new Map<string, { path: string; name: string }>();

  constructor(readonly tmpDir: string) {
    mkdirSync(tmpDir, { recursive: true });
    this.removeStale();
  }

  /**
   * A file or folder chosen in a native dialog or dropped on the window: it stays where it
   * is. A path that cannot be looked at is refused in words. A folder is registered only when
   * `folders` allows it (a drop, a folder dialog); it is then handed out by entry() alone, so
   * every caller that wants a file (get) refuses it as `file.is_directory`.
   */
  registerExisting(path: string, options: { folders?: boolean } = {}): FileRef {
    const name = basename(path);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw unreadableFile(name, error);
    }
    const folder = stats.isDirectory();
    if (folder && !options.folders) throw new AppError('file.is_directory', { name });
    return this.add({ path, name, size: folder ? 0 : stats.size, temporary: false, folder });
  }

  /** Where the dev host streams a browser upload before registering it. */
  uploadPath(): string {
    return join(this.tmpDir, `upload-${randomUUID()}`);
  }

  registerUpload(path: string, name: string): FileRef {
    return this.add({ path, name: safeFileName(name), size: statSync(path).size, temporary: true, folder: false });
  }

  /** Uploads registered and not yet used: how many, and their bytes in tmp/. */
  uploads(): { count: number; bytes: number } {
    let count = 0;
    let bytes = 0;
    for (const file of this.files.values()) {
      if (!file.temporary) continue;
      count += 1;
      bytes += file.size;
    }
    return { count, bytes };
  }

  /** A chosen file; a chosen folder is refused as `file.is_directory`. */
  get(id: string): KnownFile {
    const file = this.entry(id);
    if (file.folder) throw new AppError('file.is_directory', { name: file.name });
    return file;
  }

  /** A chosen file or folder (see `folder`). */
  entry(id: string): KnownFile {
    const file = this.files.get(id);
    // Used already, or chosen before a restart: the id means nothing to the user, so it is not shown.
    if (!file) throw new AppError('file.expired');
    return file;
  }

  /** Drops an upload once it has been consumed (imported, stored as evidence). */
  release(id: string): void {
    const file = this.files.get(id);
    if (file?.temporary) rmSync(file.path, { force: true });
    this.files.delete(id);
  }

  registerSaveTarget(path: string): { id: string; name: string } {
    const id = randomUUID();
    this.saveTargets.set(id, path);
    return { id, name: basename(path) };
  }

  takeSaveTarget(id: string): string {
    const path = this.saveTargets.get(id);
    if (!path) throw new AppError('file.expired');
    this.saveTargets.delete(id);
    return path;
  }

  /** A path in tmp/ for an output that will be handed to the browser as a download. */
  outputPath(): string {
    return join(this.tmpDir, `output-${randomUUID()}`);
  }

  /**
   * Writes `data` whole to the save target the user chose, or, without one (the browser),
   * to tmp/ as a download named `fileName`. A failure says why, in words.
   */
  saveOrDownload(targetId: string | null, fileName: string, data: string | Uint8Array): { download: Download | null } {
    const path = targetId === null ? this.outputPath() : this.takeSaveTarget(targetId);
    try {
      writeFileAtomic(path, data);
    } catch (error) {
      throw unwritableFile(targetId === null ? fileName : basename(path), error);
    }
    return { download: targetId === null ? this.registerDownload(path, fileName) : null };
  }

  registerDownload(path: string, name: string): { downloadId: string; name: string; size: number } {
    const downloadId = randomUUID();
    this.downloads.set(downloadId, { path, name });
    return { downloadId, name, size: statSync(path).size };
  }

  takeDownload(id: string): { path: string; name: string } | undefined {
    const download = this.downloads.get(id);
    this.downloads.delete(id);
    return download;
  }

  private add(file: KnownFile): FileRef {
    const id = randomUUID();
    this.files.set(id, file);
    return { id, name: file.name, size: file.size };
  }

  /** Leftovers of a crash or an abandoned upload, older than a day. */
  private removeStale(): void {
    const now = Date.now();
    for (const entry of readdirSync(this.tmpDir)) {
      const path = join(this.tmpDir, entry);
      try {
        if (now - statSync(path).mtimeMs > staleAfterMs) rmSync(path, { recursive: true, force: true });
      } catch {
        // Another process may be cleaning up too.
      }
    }
  }
}
