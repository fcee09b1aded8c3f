import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { maxImportRows } from '../../../../shared/api/calls/ledger';
import { AppError } from '../../../../shared/api/errors';
import { OLE_MAGIC, startsWith, ZIP_MAGIC } from '../../plan/readers/magic';
import { checkOleFile, OleError } from '../../plan/readers/ole';
import { decodeCsvBytes, encodingNote, parseCsv } from './csv';
import { maxCsvBytes, maxOleBytes, maxSheetColumnsInUse, maxSheetRows } from './limits';
import type { ReadSheetOptions, SheetTable } from './types';
import { readXlsx } from './xlsx';
import { openZipParts } from './zip-parts';

const MB = 1024 * 1024;

export type SheetFileKind = 'zip' | 'ole' | 'text' | 'binary' | 'empty';

/** An archive with no entries starts with its end record. */
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** Files that are plainly not a sheet whatever they are named: PDF, RTF, and HTML or XML (web pages and "XML 表格 2003" saved as .xls). */
const NOT_A_SHEET = /^(?:%PDF-|\{\\rtf|\s*<)/u;

/**
 * What a file is by its first bytes, not its name: a ZIP package, an OLE compound file, text
 * (a .csv in any of the encodings read), or something else. Text has no NUL byte in its first
 * 8 KB unless it starts with a UTF-16 BOM.
 */
export function sniffSheetFile(head: Uint8Array): SheetFileKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) return 'zip';
  if (startsWith(head, OLE_MAGIC)) return 'ole';
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text';
  if (head.includes(0)) return 'binary';
  // Read as Latin-1 only to look for ASCII markers; a UTF-8 BOM shows as ï»¿.
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 64))
    .toString('latin1')
    .replace(/^\u00EF\u00BB\u00BF/u, '');
  return NOT_A_SHEET.test(start) ? 'binary' : 'text';
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * An OLE compound file is a password-protected .xlsx (the encrypted package inside an
 * EncryptionInfo/EncryptedPackage pair), a legacy .xls or WPS .et (a Workbook or Book stream),
 * or not a sheet at all; each refused in its own words.
 */
async function refuseOleFile(path: string, size: number): Promise<never> {
  if (size > maxOleBytes) throw new AppError('ledger.too_large', { limitMb: maxOleBytes / MB });
  let streams: Set<string>;
  try {
    streams = new Set(checkOleFile(new Uint8Array(await readFile(path))).root.keys());
  } catch (error) {
    if (error instanceof OleError) throw new AppError('ledger.corrupt', { detail: error.message });
    throw error;
  }
  if (streams.has('EncryptionInfo') || streams.has('EncryptedPackage')) throw new AppError('ledger.encrypted');
  if (streams.has('Workbook') || streams.has('Book')) throw new AppError('ledger.xls_legacy');
  throw new AppError('ledger.format_unknown');
}

async function readCsvFile(path: string, size: number, signal?: AbortSignal): Promise<SheetTable> {
  if (size > maxCsvBytes) throw new AppError('ledger.too_large', { limitMb: maxCsvBytes / MB });
  const bytes = await readFile(path, { signal }).catch((error: unknown) => {
    // One cancellation error whatever the step: the read is stopped by the same signal.
    throw error instanceof Error && error.name === 'AbortError' ? new AppError('ledger.cancelled') : error;
  });
  const { text, encoding } = decodeCsvBytes(new Uint8Array(bytes));
  const rows = parseCsv(text, { maxRows: maxSheetRows, maxRowsReported: maxImportRows, maxColumns: maxSheetColumnsInUse, signal });
  const name = basename(path, extname(path));
  const note = encodingNote(encoding);
  return { format: 'csv', sheets: [name], sheet: name, rows, notes: note ? [note] : [] };
}

/**
 * Reads one worksheet of an .xlsx or a .csv (UTF-8, UTF-16 with BOM, or GBK/GB18030) into
 * cells, refusing with a worded AppError (ledger.*) anything that is not a plain sheet:
 * zip bombs, over maxImportRows rows, encrypted or legacy workbooks, formula-only sheets.
 * Memory stays bounded whatever the file holds. The kind of file is told by its content,
 * never its name.
 */
export async function readSheetFile(path: string, options: ReadSheetOptions): Promise<SheetTable> {
  const { signal } = options;
  if (signal?.aborted) throw new AppError('ledger.cancelled');
  const { size } = await stat(path);
  const kind = sniffSheetFile(await readHead(path, 8192));
  switch (kind) {
    case 'empty':
      throw new AppError('ledger.empty');
    case 'binary':
      throw new AppError('ledger.format_unknown');
    case 'ole':
      return refuseOleFile(path, size);
    case 'text':
      return readCsvFile(path, size, signal);
    case 'zip': {
      const zip = await openZipParts(path);
      try {
        return await readXlsx(zip, options.sheet, signal);
      } finally {
        zip.close();
      }
    }
  }
}
