/**
 * Turns the bytes of a plan source file into text, choosing the reader by the file's
 * signature first and its name second: plain text (readers/text.ts), .docx (readers/docx.ts),
 * PDF (readers/pdf.ts), OFD (readers/ofd.ts: a ZIP with OFD.xml at its root, or named .ofd),
 * Word 97 and WPS (readers/doc.ts), web pages (readers/html.ts, readers/mhtml.ts), plan JSON
 * (passed through as text for parsePlanJson). Refuses, with a PlanParseError, empty files,
 * files over the size limits, binary files, zip bombs and formats it cannot read.
 */
import { readFile, stat } from 'node:fs/promises';
import { PlanParseError } from '../../../shared/plan/errors';
import { unreadableFile } from '../../lib/file-errors';
import { readDoc, WORD_97_EXTENSIONS } from './readers/doc';
import { DOCX_EXTENSIONS, readDocx } from './readers/docx';
import { HTML_EXTENSIONS, looksLikeHtml, readHtml } from './readers/html';
import { extensionOf, hasPdfHeader, OLE_MAGIC, RTF_MAGIC, startsWith, ZIP_MAGIC } from './readers/magic';
import { looksLikeMhtml, MHTML_EXTENSIONS, readMhtml } from './readers/mhtml';
import { isOfdPackage, OFD_EXTENSIONS, readOfd } from './readers/ofd';
import { readPdf } from './readers/pdf';
import type { ReadSource } from './readers/read-source';
import { decodeText } from './readers/text';

export type { ReadSource } from './readers/read-source';

/** Any source file; fixed-layout documents with embedded fonts and seals run to tens of megabytes. */
export const MAX_PLAN_SOURCE_BYTES = 64 * 1024 * 1024;
/** Text, web pages and pasted text: a circular is a few hundred kilobytes of text at most. */
export const MAX_PLAN_TEXT_BYTES = 20 * 1024 * 1024;

/** Names that say "plain text": such a file is read as text even when it holds markup. */
const PLAIN_TEXT_EXTENSIONS = new Set(['txt', 'text', 'json', 'md', 'csv', 'log']);

/** Refuses a plan source over `limit` bytes (plan.too_large, sizes in MB). */
export function checkPlanSourceSize(size: number, limit = MAX_PLAN_SOURCE_BYTES): void {
  if (size > limit) {
    throw new PlanParseError('plan.too_large', {
      sizeMb: Math.round((size / (1024 * 1024)) * 10) / 10,
      limitMb: limit / (1024 * 1024),
    });
  }
}

/** The bytes of a plan source file, its size checked before reading; `name` is what errors show. */
export async function readPlanSourceFile(path: string, name: string): Promise<Buffer> {
  try {
    checkPlanSourceSize((await stat(path)).size);
    return await readFile(path);
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    throw unreadableFile(name, error);
  }
}

function readText(bytes: Uint8Array, reader: 'text' | 'json'): ReadSource {
  checkPlanSourceSize(bytes.length, MAX_PLAN_TEXT_BYTES);
  return { reader, text: decodeText(bytes), dropped: [] };
}

export async function readPlanSource(bytes: Uint8Array, fileName: string): Promise<ReadSource> {
  if (bytes.length === 0) throw new PlanParseError('plan.empty');
  checkPlanSourceSize(bytes.length);
  const extension = extensionOf(fileName);
  if (hasPdfHeader(bytes)) return readPdf(bytes);
  if (extension === 'pdf') throw new PlanParseError('plan.pdf_invalid', { detail: 'no %PDF- signature' });
  // Compound files by their signature whatever their name: .doc, .wps, or an .xls renamed.
  if (startsWith(bytes, OLE_MAGIC)) return readDoc(bytes);
  if (startsWith(bytes, RTF_MAGIC) || extension === 'rtf') throw new PlanParseError('plan.doc_unsupported');
  const zip = startsWith(bytes, ZIP_MAGIC);
  if (OFD_EXTENSIONS.has(extension) || (zip && !DOCX_EXTENSIONS.has(extension) && (await isOfdPackage(bytes)))) {
    if (!zip) throw new PlanParseError('plan.ofd_invalid', { detail: 'not a ZIP package' });
    return readOfd(bytes);
  }
  // A .docx renamed .doc is still a .docx.
  if (DOCX_EXTENSIONS.has(extension) || (zip && (extension === '' || WORD_97_EXTENSIONS.has(extension)))) {
    if (!zip) throw new PlanParseError('plan.docx_invalid', { detail: 'not a ZIP package' });
    return readDocx(bytes);
  }
  // Web pages by name, or by their first bytes when the name does not say text (many sites
  // serve a page saved from Word as "….doc").
  const sniff = !PLAIN_TEXT_EXTENSIONS.has(extension) && !zip;
  if (MHTML_EXTENSIONS.has(extension) || (sniff && looksLikeMhtml(bytes))) {
    checkPlanSourceSize(bytes.length, MAX_PLAN_TEXT_BYTES);
    return readMhtml(bytes);
  }
  if (HTML_EXTENSIONS.has(extension) || (sniff && looksLikeHtml(bytes))) {
    checkPlanSourceSize(bytes.length, MAX_PLAN_TEXT_BYTES);
    return readHtml(bytes);
  }
  if (WORD_97_EXTENSIONS.has(extension)) throw new PlanParseError('plan.doc_invalid');
  if (zip) throw new PlanParseError('plan.binary');
  return readText(bytes, extension === 'json' ? 'json' : 'text');
}

/** Text the user pasted into the import screen. */
export function readPastedText(text: string): ReadSource {
  const bytes = new TextEncoder().encode(text);
  if (text.trim() === '') throw new PlanParseError('plan.empty');
  checkPlanSourceSize(bytes.length, MAX_PLAN_TEXT_BYTES);
  return { reader: 'paste', text, dropped: [] };
}
