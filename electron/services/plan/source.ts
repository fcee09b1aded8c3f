/**
 * Turns the bytes of a plan source file into text, choosing the reader by the file's
 * signature first and its name second: plain text (readers/text.ts), .docx (readers/docx.ts),
 * PDF (readers/pdf.ts), OFD (readers/ofd.ts: a ZIP with OFD.xml at its root, or named .ofd), plan JSON (passed
 * through as text for parsePlanJson). Refuses, with a PlanParseError, empty files, files over
 * the size limits, binary files, zip bombs and formats it cannot read.
 */
import { readFile, stat } from 'node:fs/promises';
import { PlanParseError } from '../../../shared/plan/errors';
import { unreadableFile } from '../../lib/file-errors';
import { DOCX_EXTENSIONS, readDocx } from './readers/docx';
import { extensionOf, hasPdfHeader, OLE_MAGIC, RTF_MAGIC, startsWith, ZIP_MAGIC } from './readers/magic';
import { isOfdPackage, OFD_EXTENSIONS, readOfd } from './readers/ofd';
import { readPdf } from './readers/pdf';
import type { ReadSource } from './readers/read-source';
import { decodeText } from './readers/text';

export type { ReadSource } from './readers/read-source';

/** Any source file; fixed-layout documents with embedded fonts and seals run to tens of megabytes. */
export const MAX_PLAN_SOURCE_BYTES = 64 * 1024 * 1024;
/** Text, web pages and pasted text: a circular is a few hundred kilobytes of text at most. */
export const MAX_PLAN_TEXT_BYTES = 20 * 1024 * 1024;

const OLD_WORD_EXTENSIONS = new Set(['doc', 'dot', 'wps', 'wpt', 'rtf']);

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
  if (OLD_WORD_EXTENSIONS.has(extension) || startsWith(bytes, OLE_MAGIC) || startsWith(bytes, RTF_MAGIC)) {
    throw new PlanParseError('plan.doc_unsupported', { extension });
  }
  const zip = startsWith(bytes, ZIP_MAGIC);
  if (OFD_EXTENSIONS.has(extension) || (zip && !DOCX_EXTENSIONS.has(extension) && (await isOfdPackage(bytes)))) {
    if (!zip) throw new PlanParseError('plan.ofd_invalid', { detail: 'not a ZIP package' });
    return readOfd(bytes);
  }
  if (DOCX_EXTENSIONS.has(extension) || (zip && extension === '')) {
    if (!zip) throw new PlanParseError('plan.docx_invalid', { detail: 'not a ZIP package' });
    return readDocx(bytes);
  }
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
