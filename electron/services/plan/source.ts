/**
 * Turns the bytes of a plan source file into text: UTF-8 (with or without BOM), UTF-16 with
 * BOM, GB18030 (the usual encoding of Chinese text files that are not UTF-8), .docx through
 * mammoth; .json passes through as text for parsePlanJson. Refuses, with a PlanParseError,
 * empty files, files over 20 MB, binary files and old Word / WPS / RTF documents.
 */
import mammoth from 'mammoth';
import { PlanParseError } from '../../../shared/plan/errors';

export const MAX_PLAN_SOURCE_BYTES = 20 * 1024 * 1024;

export type PlanSourceKind = 'text' | 'docx' | 'json';

export interface DecodedPlanSource {
  kind: PlanSourceKind;
  text: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: .doc, .wps, .xls… */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF_MAGIC = [...'{\\rtf'].map((c) => c.charCodeAt(0));
const OLD_WORD_EXTENSIONS = new Set(['doc', 'dot', 'wps', 'wpt', 'rtf']);
const DOCX_EXTENSIONS = new Set(['docx', 'docm', 'dotx', 'dotm']);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** 'D:\\文件\\计划.DOCX' → 'docx'. */
function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Mostly control characters, private-use or replacement characters: not a text. */
function looksBinary(text: string): boolean {
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d;
    if (control || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) suspicious++;
  }
  return suspicious > text.length * 0.1;
}

/** Strict decoding, except that a character cut off at the very end (a truncated file) is dropped. */
function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

function decodeText(bytes: Uint8Array): string {
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = decode('utf-8', bytes);
  else if (startsWith(bytes, [0xff, 0xfe])) text = decode('utf-16le', bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = decode('utf-16be', bytes);
  else if (bytes.includes(0)) text = null;
  else text = decode('utf-8', bytes) ?? decode('gb18030', bytes);
  if (text === null || looksBinary(text)) throw new PlanParseError('plan.binary');
  return text;
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw new PlanParseError('plan.docx_invalid', { detail: error instanceof Error ? error.message : String(error) });
  }
}

export async function decodePlanSource(bytes: Uint8Array, fileName: string): Promise<DecodedPlanSource> {
  if (bytes.length === 0) throw new PlanParseError('plan.empty');
  if (bytes.length > MAX_PLAN_SOURCE_BYTES) {
    throw new PlanParseError('plan.too_large', {
      sizeMb: Math.round((bytes.length / (1024 * 1024)) * 10) / 10,
      limitMb: MAX_PLAN_SOURCE_BYTES / (1024 * 1024),
    });
  }
  const extension = extensionOf(fileName);
  if (OLD_WORD_EXTENSIONS.has(extension) || startsWith(bytes, OLE_MAGIC) || startsWith(bytes, RTF_MAGIC)) {
    throw new PlanParseError('plan.doc_unsupported', { extension });
  }
  const zip = startsWith(bytes, ZIP_MAGIC);
  if (DOCX_EXTENSIONS.has(extension) || (zip && extension === '')) {
    if (!zip) throw new PlanParseError('plan.docx_invalid', { detail: 'not a ZIP package' });
    return { kind: 'docx', text: await readDocx(bytes) };
  }
  if (zip) throw new PlanParseError('plan.binary');
  return { kind: extension === 'json' ? 'json' : 'text', text: decodeText(bytes) };
}
