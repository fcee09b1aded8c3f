/**
 * CSV as Excel and WPS write it: UTF-8 with or without a BOM, "Unicode 文本" (UTF-16 with a BOM,
 * tab-separated), or the ANSI code page of a Chinese Windows (GBK, read as its superset GB18030)
 * when the bytes are not UTF-8. Fields follow RFC 4180 (quotes, doubled quotes, line breaks
 * inside quotes, CRLF, LF or CR) and are read as text, without surrounding whitespace.
 */
import iconv from 'iconv-lite';
import type { SheetNote } from '../../../../shared/api/calls/ledger';
import { AppError } from '../../../../shared/api/errors';
import type { SheetCell, SheetRow } from './types';

export type CsvEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

/** The text of a .csv's bytes, its encoding found from the BOM or, without one, by whether the bytes are valid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.toString('utf8', 3), encoding: 'utf8' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.toString('utf16le', 2), encoding: 'utf16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'utf16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
  }
}

/** The note the preview shows for an encoding the user might not expect, if any. */
export function encodingNote(encoding: CsvEncoding): SheetNote | null {
  if (encoding === 'gb18030') return { code: 'encoding_gbk', params: {} };
  if (encoding === 'utf16le' || encoding === 'utf16be') return { code: 'encoding_utf16', params: {} };
  return null;
}

/** Tab when the first line has tabs and no commas (Excel's "Unicode 文本", tab-separated exports), else comma. */
export function csvDelimiter(text: string): ',' | '\t' {
  const lineEnd = text.search(/[\r\n]/u);
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export interface CsvLimits {
  /** Refuse (ledger.too_many_rows {max: maxRowsReported}) once more non-empty records than this are read. */
  maxRows: number;
  maxRowsReported: number;
  /** Refuse (ledger.too_many_columns) a non-empty field at this 0-based column or beyond. */
  maxColumns: number;
  signal?: AbortSignal;
}

/**
 * The non-empty records of `text`, numbered as Excel numbers the rows it opens the file into
 * (a record whose quoted field spans lines is still one row; empty records count but are left out).
 * A quote that does not open a field is kept as a character, and an unclosed quote runs to the
 * end of the file, as in Excel.
 */
export function parseCsv(text: string, limits: CsvLimits): SheetRow[] {
  const delimiter = csvDelimiter(text);
  const rows: SheetRow[] = [];
  let cells: (SheetCell | null)[] = [];
  let field = '';
  let fieldStarted = false;
  let record = 1;

  const endField = () => {
    const value = field.trim();
    if (value !== '' && cells.length >= limits.maxColumns) throw new AppError('ledger.too_many_columns', { max: limits.maxColumns });
    cells.push(value === '' ? null : { kind: 'text', text: value });
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) {
      rows.push({ row: record, cells });
      if (rows.length > limits.maxRows) throw new AppError('ledger.too_many_rows', { max: limits.maxRowsReported });
      if (rows.length % 4096 === 0 && limits.signal?.aborted) throw new AppError('ledger.cancelled');
    }
    cells = [];
    record++;
  };

  const length = text.length;
  let i = 0;
  while (i < length) {
    const ch = text[i] as string;
    if (ch === '"' && !fieldStarted) {
      // A quoted field: up to the quote not doubled; what follows it up to the delimiter is kept as written.
      fieldStarted = true;
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          field += text.slice(i);
          i = length;
          break;
        }
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Plain characters up to the next delimiter, line break or quote, in one slice.
      let end = i + 1;
      while (end < length) {
        const next = text[end];
        if (next === delimiter || next === '\n' || next === '\r' || next === '"') break;
        end++;
      }
      if (text[end] === '"') end++; // a quote inside an unquoted field is a character
      field += text.slice(i, end);
      fieldStarted = true;
      i = end;
    }
  }
  if (fieldStarted || cells.length > 0) endRecord();
  return rows;
}
