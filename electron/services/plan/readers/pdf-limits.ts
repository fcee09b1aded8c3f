/**
 * A PDF is read in memory in the main process, and pdf.js inflates every content stream,
 * font and object stream it needs without a limit, so a small file whose streams inflate to
 * gigabytes (a PDF bomb) could exhaust it. Before pdf.js sees the file, the raw bytes are
 * scanned for `stream … endstream` segments whose dictionary names /FlateDecode, and each is
 * inflated with zlib capped at what is left of the budget, so memory stays bounded and the
 * file is refused as soon as the budget is spent. Images are skipped: text extraction never
 * decodes them, and a scan's pictures are legitimately large.
 *
 * Also refuses a file that ends early (no %%EOF near its end): pdf.js would rebuild what it
 * can of a truncated download and the plan would silently miss its last pages.
 */
import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { PlanParseError } from '../../../../shared/plan/errors';

/** What the non-image streams of a PDF may inflate to in all; a 40-page circular with embedded CJK fonts inflates to a few megabytes. */
export const MAX_PDF_INFLATED_BYTES = 200 * 1024 * 1024;
/** What one stream may inflate to: a whole CJK font embedded unsubset is some 20 MB. Bounds the memory the check itself takes. */
const MAX_STREAM_INFLATED_BYTES = 64 * 1024 * 1024;
/** How far back from a `stream` keyword its dictionary may start. */
const MAX_DICT_BYTES = 4096;
/** Where %%EOF must be: within the last kilobyte, as readers have always required (junk after it is tolerated). */
const EOF_WINDOW_BYTES = 1024;

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
const OBJ = Buffer.from(' obj');
const EOF_MARK = Buffer.from('%%EOF');

export interface PdfLimits {
  maxInflatedBytes?: number;
}

/** Throws plan.pdf_invalid for a truncated file, plan.pdf_too_large for a bomb. */
export function checkPdfBytes(bytes: Uint8Array, limits: PdfLimits = {}): void {
  const maxInflated = limits.maxInflatedBytes ?? MAX_PDF_INFLATED_BYTES;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.lastIndexOf(EOF_MARK) < buffer.length - EOF_WINDOW_BYTES - EOF_MARK.length) {
    throw new PlanParseError('plan.pdf_invalid', { detail: 'the file ends early: no %%EOF' });
  }
  const tooLarge = () => new PlanParseError('plan.pdf_too_large', { limitMb: Math.round(maxInflated / (1024 * 1024)) });
  let inflated = 0;
  let at = 0;
  for (;;) {
    const keyword = buffer.indexOf(STREAM, at);
    if (keyword < 0) break;
    at = keyword + STREAM.length;
    // `endstream` contains `stream`; only a `stream` keyword right after a dictionary starts data.
    if (buffer.subarray(Math.max(0, keyword - 3), keyword).toString('latin1') === 'end') continue;
    const dict = dictionaryBefore(buffer, keyword);
    let start = at;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const end = buffer.indexOf(ENDSTREAM, start);
    if (end < 0) break;
    at = end + ENDSTREAM.length;
    if (!/\/FlateDecode\b/u.test(dict) || /\/Subtype\s*\/Image\b/u.test(dict)) continue;
    const left = maxInflated - inflated;
    try {
      // Z_SYNC_FLUSH: a stream cut short still counts what it gave; pdf.js reads such streams the same way.
      inflated += inflateSync(buffer.subarray(start, end), {
        maxOutputLength: Math.max(Math.min(left, MAX_STREAM_INFLATED_BYTES), 1),
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
      }).length;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      // Not inflatable here (encrypted, damaged): pdf.js decides what to make of it.
    }
    if (inflated > maxInflated) throw tooLarge();
  }
}

/** The text between the `obj` keyword (or at most MAX_DICT_BYTES) and `stream`. */
function dictionaryBefore(buffer: Buffer, keyword: number): string {
  const from = Math.max(0, keyword - MAX_DICT_BYTES);
  const window = buffer.subarray(from, keyword);
  const obj = window.lastIndexOf(OBJ);
  return window.subarray(obj < 0 ? 0 : obj).toString('latin1');
}
