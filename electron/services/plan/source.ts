/**
 * Turns the bytes of a plan source file into text: UTF-8 (with or without BOM), UTF-16 with
 * BOM, GB18030 (the usual encoding of Chinese text files that are not UTF-8), .docx through
 * mammoth (after checking it cannot unpack to more than 100 MB); .json passes through as text
 * for parsePlanJson. Refuses, with a PlanParseError, empty files, files over 20 MB, binary
 * files, zip bombs and old Word / WPS / RTF documents.
 */
import { readFile, stat } from 'node:fs/promises';
import mammoth from 'mammoth';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { causeText } from '../../../shared/api/error-text';
import { PlanParseError } from '../../../shared/plan/errors';
import { unreadableFile } from '../../lib/file-errors';

export const MAX_PLAN_SOURCE_BYTES = 20 * 1024 * 1024;
/** What a .docx may unpack to in all; real plans unpack to a few megabytes. */
const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Tightest packing allowed for a sizeable part; XML and images stay well under 50:1. */
const MAX_DOCX_ENTRY_RATIO = 200;
/** Parts smaller than this are not ratio-checked (a tiny part of repeated text may pack tightly). */
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

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

interface DocxLimits {
  maxUnpackedBytes?: number;
  maxEntryRatio?: number;
}

/**
 * mammoth unpacks a .docx in memory in the main process, so a small file that unpacks to
 * gigabytes (a zip bomb) could exhaust it. Before mammoth sees the file, every part is
 * checked: the sizes the ZIP declares (in all, and per part against its packed size), and
 * then the sizes the parts really unpack to, counted while inflating and thrown away, since
 * a forged file can declare anything. Throws plan.docx_too_large or plan.docx_invalid.
 */
export async function checkDocxPackage(bytes: Uint8Array, limits: DocxLimits = {}): Promise<void> {
  const maxTotal = limits.maxUnpackedBytes ?? MAX_DOCX_UNPACKED_BYTES;
  const maxRatio = limits.maxEntryRatio ?? MAX_DOCX_ENTRY_RATIO;
  const tooLarge = () => new PlanParseError('plan.docx_too_large', { limitMb: Math.round(maxTotal / (1024 * 1024)) });
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true }, (error, opened) => {
      if (error) reject(new PlanParseError('plan.docx_invalid', { detail: error.message }));
      else resolve(opened);
    });
  });
  let declared = 0;
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on('error', (error: Error) => fail(new PlanParseError('plan.docx_invalid', { detail: error.message })));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (declared > maxTotal || (entry.uncompressedSize >= RATIO_CHECK_FROM_BYTES && ratio > maxRatio)) return fail(tooLarge());
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(new PlanParseError('plan.docx_invalid', { detail: error.message }));
        stream.on('data', (chunk: Buffer) => {
          unpacked += chunk.length;
          if (unpacked > maxTotal) {
            stream.destroy();
            fail(tooLarge());
          }
        });
        // yauzl checks the bytes against the declared size: more than declared is a forged, bomb-like part.
        stream.on('error', (streamError: Error) =>
          fail(
            /too many bytes/u.test(streamError.message)
              ? tooLarge()
              : new PlanParseError('plan.docx_invalid', { detail: streamError.message }),
          ),
        );
        stream.on('end', () => zip.readEntry());
      });
      return undefined;
    });
    zip.readEntry();
  });
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  await checkDocxPackage(bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw new PlanParseError('plan.docx_invalid', { detail: causeText(error) });
  }
}

/** Refuses a plan source over MAX_PLAN_SOURCE_BYTES (plan.too_large, sizes in MB). */
export function checkPlanSourceSize(size: number): void {
  if (size > MAX_PLAN_SOURCE_BYTES) {
    throw new PlanParseError('plan.too_large', {
      sizeMb: Math.round((size / (1024 * 1024)) * 10) / 10,
      limitMb: MAX_PLAN_SOURCE_BYTES / (1024 * 1024),
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

export async function decodePlanSource(bytes: Uint8Array, fileName: string): Promise<DecodedPlanSource> {
  if (bytes.length === 0) throw new PlanParseError('plan.empty');
  checkPlanSourceSize(bytes.length);
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
