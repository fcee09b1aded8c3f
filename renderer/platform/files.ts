import type { Download, FilePurpose, FileRef } from '../../shared/api/calls/files';
import type { ApiResult } from '../../shared/api/errors';
import { call, isDesktop } from '../api/client';
import { ApiCallError } from '../../shared/api/errors';
import { planSourceAccept } from '../../shared/plan/source-files';

/** Bytes sent so far of all files, and the name of the file being sent. */
export type UploadProgress = (sent: number, total: number, name?: string) => void;

const acceptFor: Record<FilePurpose, string> = {
  plan: planSourceAccept(),
  evidence: '',
  report: '.plreport',
  pdf: '.pdf,application/pdf',
  key: '.pem',
  packages: '.plreport',
  receipt: '.plreceipt',
  matrix: '.xlsx,.csv',
  sheet: '.xlsx,.csv',
  ledger: '.xlsx',
  docx: '.docx',
};

/**
 * Lets the user choose files: the native dialog in the desktop app, the browser's file
 * input (then an upload to the dev host) in a browser. Resolves [] when they cancel.
 */
export async function pickFiles(
  purpose: FilePurpose,
  options: { multiple?: boolean; onProgress?: UploadProgress; signal?: AbortSignal } = {},
): Promise<FileRef[]> {
  if (isDesktop) return call('files.pick', { purpose, multiple: options.multiple ?? false });
  const files = await chooseInBrowser(acceptFor[purpose], options.multiple ?? false);
  return uploadFiles(files, options.onProgress, options.signal);
}

/**
 * Lets the user choose whole folders (the inbox): the native folder dialog on the desktop
 * (the backend walks them); in a browser a folder input, whose files of the purpose's kind
 * (by extension) are uploaded and the others only counted as `skipped`.
 */
export async function pickFolders(
  purpose: FilePurpose,
  options: { onProgress?: UploadProgress; signal?: AbortSignal; onChosen?: () => void } = {},
): Promise<{ files: FileRef[]; skipped: number }> {
  if (isDesktop) return { files: await call('files.pick', { purpose, multiple: true, folders: true }), skipped: 0 };
  const chosen = await chooseInBrowser(acceptFor[purpose], true, true);
  if (chosen.length > 0) options.onChosen?.();
  const { kept, skipped } = keepAccepted(chosen, acceptFor[purpose]);
  return { files: await uploadFiles(kept, options.onProgress, options.signal), skipped };
}

/** Splits files found inside folders into those of an accepted extension (".plreport") and how many others there were. */
export function keepAccepted(files: readonly File[], accept: string): { kept: File[]; skipped: number } {
  const extensions = accept
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item.startsWith('.'));
  if (extensions.length === 0) return { kept: [...files], skipped: 0 };
  const kept = files.filter((file) => extensions.some((extension) => file.name.toLowerCase().endsWith(extension)));
  return { kept, skipped: files.length - kept.length };
}

/** The accept list of a purpose (".plreport"), for filtering files found in dropped folders. */
export function acceptedFor(purpose: FilePurpose): string {
  return acceptFor[purpose];
}

/** Files dropped on the window or chosen in the browser, made known to the backend. */
export async function uploadFiles(files: readonly File[], onProgress?: UploadProgress, signal?: AbortSignal): Promise<FileRef[]> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  const refs: FileRef[] = [];
  for (const file of files) {
    signal?.throwIfAborted();
    onProgress?.(done, total, file.name);
    refs.push(await upload(file, (sent) => onProgress?.(done + sent, total, file.name), signal));
    done += file.size;
  }
  return refs;
}

/**
 * Files dropped on the page, made known to the backend: in the desktop app the preload
 * registers them where they are (no copy, no path in the renderer); in a browser they are
 * uploaded to the dev host, with progress.
 */
export async function filesFromDrop(files: readonly File[], onProgress?: UploadProgress, signal?: AbortSignal): Promise<FileRef[]> {
  if (files.length === 0) return [];
  if (isDesktop && window.planledger) {
    const result = await window.planledger.registerDroppedFiles([...files]);
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value;
  }
  return uploadFiles(files, onProgress, signal);
}

function chooseInBrowser(accept: string, multiple: boolean, folders = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    // A folder and everything under it (each File's webkitRelativePath says where).
    input.webkitdirectory = folders;
    input.hidden = true;
    input.addEventListener('change', () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/** XHR rather than fetch: it reports upload progress, which large evidence files need. */
function upload(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<FileRef> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const onAbort = () => request.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    request.addEventListener('loadend', () => signal?.removeEventListener('abort', onAbort));
    request.addEventListener('abort', () => reject(signal?.reason ?? new DOMException('Upload cancelled', 'AbortError')));
    request.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    request.addEventListener('load', () => {
      const result = request.response as ApiResult<FileRef> | null;
      if (request.status === 200 && result?.ok) resolve(result.value);
      else reject(new ApiCallError(result && !result.ok ? result.error : { code: 'internal', messageKey: 'errors.internal', params: {} }));
    });
    request.addEventListener('error', () => reject(new ApiCallError({ code: 'internal', messageKey: 'errors.internal', params: {} })));
    request.send(file);
  });
}

/**
 * Saves something the backend produces: desktop asks where first (the backend then writes
 * there atomically); the browser gets it as a download afterwards.
 */
export async function saveOutput(
  purpose: FilePurpose,
  suggestedName: string,
  produce: (targetId: string | null) => Promise<{ download: Download | null }>,
): Promise<'saved' | 'cancelled'> {
  if (isDesktop) {
    const target = await call('files.chooseSaveTarget', { purpose, suggestedName });
    if (!target) return 'cancelled';
    await produce(target.id);
    return 'saved';
  }
  const { download } = await produce(null);
  if (download) startDownload(download.downloadId, download.name);
  return 'saved';
}

/** Hands a prepared output (dev host /download/<id>) to the browser as a download. */
export function startDownload(downloadId: string, name: string): void {
  const link = document.createElement('a');
  link.href = `/download/${encodeURIComponent(downloadId)}`;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}
