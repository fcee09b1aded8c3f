/**
 * PDF with a text layer, through pdf.js (pdfjs-dist, legacy build for Node): the text items of
 * each page with their positions become runs for textFromPages, which rebuilds lines,
 * paragraphs and page furniture. pdf.js runs on this thread (its "fake worker"), so it works
 * inside the single-file bundles, with no eval, no font loading and no network. The only files it
 * reads are Adobe's packed CMaps (pdf-cmaps.ts), which a Chinese font that is not embedded
 * (STSong-Light with /UniGB-UCS2-H or /GBK-EUC-H) needs to map its bytes to characters; no
 * standard font data: text extraction needs no glyph outlines. Before pdf.js sees the file, checkPdfBytes refuses bombs and truncated files; then the
 * page count and a time budget bound the work, and a PDF with no text at all is named a scan.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { causeText } from '../../../../shared/api/error-text';
import { PlanParseError } from '../../../../shared/plan/errors';
import { textFromPages, type PositionedPage, type TextRun } from './page-text';
import { PdfCMapFiles, pdfCMapFolder } from './pdf-cmaps';
import { checkPdfBytes } from './pdf-limits';
import type { ReadSource } from './read-source';

/** A plan with its annexes runs to tens of pages; hundreds is a book or a forged page count. */
export const MAX_PDF_PAGES = 500;
/** Reading stops after this long (checked as pdf.js yields, every few milliseconds): a pathological file ends in seconds. */
export const MAX_PDF_READ_MS = 20_000;
/** Pieces of text in all; the seed's 15 pages have some 2,500, a 500-page book set glyph by glyph some 500,000. Bounds memory. */
export const MAX_PDF_RUNS = 500_000;
/** Fewer characters than this in the whole text layer: a scan (perhaps with a stamped page number or two). */
const MIN_TEXT_CHARACTERS = 20;

type PdfJs = typeof PdfJsModule;

let pdfjsLoaded: Promise<PdfJs> | null = null;

/**
 * Builtins whose native methods the legacy build's bundled core-js replaces on load with
 * JavaScript ones (Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString
 * on Node 20): slower for the whole process, the parser and every IPC call included.
 */
const GUARDED_BUILTINS: readonly object[] = [
  Array,
  Array.prototype,
  Object,
  Object.prototype,
  Function.prototype,
  JSON,
  Math,
  Number,
  String,
  String.prototype,
  RegExp.prototype,
  Promise,
  Map.prototype,
  Set.prototype,
  ArrayBuffer.prototype,
  Uint8Array,
  Uint8Array.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
];

/** Runs `load`, then puts back every native method it replaced (what it only added stays: pdf.js needs it). */
async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const natives = GUARDED_BUILTINS.flatMap((target) =>
    Reflect.ownKeys(target).map((key) => ({ target, key, descriptor: Object.getOwnPropertyDescriptor(target, key) })),
  );
  try {
    return await load();
  } finally {
    for (const { target, key, descriptor } of natives) {
      if (typeof descriptor?.value !== 'function') continue;
      if (Object.getOwnPropertyDescriptor(target, key)?.value !== descriptor.value) Object.defineProperty(target, key, descriptor);
    }
  }
}

/**
 * pdf.js with its worker module on this thread. On load it tries to polyfill canvas classes
 * from an optional native package only rendering needs, and warns when it is absent (it is
 * not shipped): those warnings are not ours to show.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= keepingNativeBuiltins(async () => {
    /* eslint-disable no-console -- silencing pdf.js's own load-time warnings, not logging */
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!/^Warning: Cannot (?:load|polyfill|access)/u.test(String(args[0]))) warn(...args);
    };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdfjs;
    } finally {
      console.warn = warn;
    }
    /* eslint-enable no-console */
  });
  return pdfjsLoaded;
}

export interface PdfReadLimits {
  maxPages?: number;
  maxReadMs?: number;
  maxRuns?: number;
  maxInflatedBytes?: number;
}

function refusal(error: unknown): PlanParseError {
  if (error instanceof PlanParseError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return new PlanParseError('plan.pdf_encrypted');
  return new PlanParseError('plan.pdf_invalid', { detail: causeText(error) });
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
}

/** Han characters and CJK punctuation (、。〔〕《》“” and the full-width forms). */
const CJK = String.raw`\p{Script=Han}\u3000-\u303F\u2018-\u201D\uFF01-\uFF60`;
/**
 * pdf.js puts a space into an item wherever glyphs stand apart, as they do across a justified
 * Chinese line that had to stretch. Between Chinese characters, before a comma or a closing
 * bracket and after an opening one, such a space was never typed; elsewhere (。 (, a space
 * before an opening bracket) it may have been, and is kept.
 */
const SPREAD_SPACE_RE = new RegExp(String.raw`(?<=[${CJK}(,;:!?])\s+(?=[${CJK}),;:!?])`, 'gu');

/** A pdf.js text item as a run on a page whose y grows downwards (the viewport's space, so /Rotate is applied). */
function runOf(item: TextItemLike, viewport: number[], transform: PdfJs['Util']['transform']): TextRun | null {
  if (typeof item.str !== 'string' || item.str.trim() === '' || !item.transform) return null;
  const [, , c = 0, d = 0, x = 0, y = 0] = transform(viewport, item.transform);
  // The em height is the length of the text matrix's vertical axis (at scale 1 the viewport keeps lengths).
  return { text: item.str.replace(SPREAD_SPACE_RE, ''), x, y, width: item.width ?? 0, size: Math.hypot(c, d) };
}

export async function readPdf(bytes: Uint8Array, limits: PdfReadLimits = {}): Promise<ReadSource> {
  const maxPages = limits.maxPages ?? MAX_PDF_PAGES;
  const maxReadMs = limits.maxReadMs ?? MAX_PDF_READ_MS;
  const maxRuns = limits.maxRuns ?? MAX_PDF_RUNS;
  checkPdfBytes(bytes, { maxInflatedBytes: limits.maxInflatedBytes });
  const started = Date.now();
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy: pdf.js may take the buffer over, and the caller still hashes the bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    // pdf.js asks for a CMap by the name the PDF gives (checked against its list of Adobe's
    // names); PdfCMapFiles reads only plain .bcmap file names from this folder.
    cMapUrl: pdfCMapFolder(),
    cMapPacked: true,
    BinaryDataFactory: PdfCMapFiles,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw refusal(error);
    });
    if (document.numPages > maxPages) {
      throw new PlanParseError('plan.pdf_too_many_pages', { pages: document.numPages, maxPages });
    }
    const tooComplex = () => new PlanParseError('plan.pdf_too_complex', { seconds: Math.round(maxReadMs / 1000) });
    const transform = pdfjs.Util.transform.bind(pdfjs.Util);
    const pages: PositionedPage[] = [];
    let runCount = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const runs: TextRun[] = [];
      // Streamed in chunks (pdf.js yields every few milliseconds): a page of a million text
      // operators is stopped by the time or run budget, not read to the end.
      const reader = page.streamTextContent().getReader();
      try {
        for (;;) {
          if (Date.now() - started >= maxReadMs) throw tooComplex();
          const { value, done } = await reader.read();
          if (done) break;
          for (const item of (value as { items: TextItemLike[] }).items) {
            const run = runOf(item, viewport.transform, transform);
            if (run) runs.push(run);
          }
          if (runCount + runs.length > maxRuns) throw tooComplex();
        }
      } finally {
        // Not cancel(): cancelling a stream pdf.js is still filling can leave destroy() waiting forever.
        reader.releaseLock();
      }
      runCount += runs.length;
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    const { text, dropped, characters } = textFromPages(pages);
    if (characters < MIN_TEXT_CHARACTERS) throw new PlanParseError('plan.pdf_scanned');
    return { reader: 'pdf', text, dropped };
  } catch (error) {
    throw refusal(error);
  } finally {
    await task.destroy();
  }
}
