/**
 * Word 97–2003 documents (.doc, .dot) and WPS Writer files saved in the same compound format
 * (.wps, .wpt): the text of the document body through word-extractor, one paragraph a line.
 * Headers and footers are reported as dropped running heads (page numbers as page numbers);
 * footnotes, comments and text boxes are left out.
 *
 * word-extractor reads the whole file in memory and trusts its tables, so the file is checked
 * first (readers/ole.ts: the compound file's FAT, mini FAT and directory), then the Word tables
 * it walks are bounded between its steps (GuardedWordExtractor), and anything it still throws
 * on is a damaged file.
 */
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { isPageNumber } from '../../../../shared/plan/layout';
import { PlanParseError } from '../../../../shared/plan/errors';
import { droppedText, type DroppedText } from '../../../../shared/plan/source';
import { checkOleFile, type OleFile } from './ole';
import type { ReadSource } from './read-source';

export const WORD_97_EXTENSIONS = new Set(['doc', 'dot', 'wps', 'wpt']);

/** The Word 97 File Information Block's magic number (Word 6 and 95 use 0xA5DC). */
const WORD_97_MAGIC = 0xa5ec;
const FIB_ENCRYPTED = 0x0100;
/** Text pieces of a document; fast-saved files have hundreds, a clean one a handful. */
const MAX_PIECES = 20_000;
/** word-extractor scans the pieces once per formatting page and per header story: bound the product. */
const MAX_PIECE_SCANS = 20_000_000;
/** Fields (\x13 … \x15) nest a few levels in real documents; word-extractor unwraps them one level a pass. */
const MAX_FIELD_NESTING = 64;
/** Characters of text in all (a notice has tens of thousands). */
const MAX_TEXT_CHARS = 20 * 1024 * 1024;

class DamagedDocument extends Error {}

/**
 * word-extractor's Word 97 extractor, refusing tables that would make its later steps (which
 * scan all text pieces per formatting run, and unwrap nested fields a level per pass) run for
 * minutes on a forged file.
 */
class GuardedWordExtractor extends WordOleExtractor {
  override writePieces(buffer: Buffer, tableBuffer: Buffer): void {
    super.writePieces(buffer, tableBuffer);
    const pieces = this._pieces.length;
    if (pieces > MAX_PIECES) throw new DamagedDocument(`${String(pieces)} text pieces`);
    if (this._pieces.reduce((sum, piece) => sum + piece.text.length, 0) > MAX_TEXT_CHARS) throw new DamagedDocument('too much text');
    const lcb = (offset: number) => (buffer.length >= offset + 4 ? buffer.readUInt32LE(offset) : 0);
    const formattingPages = lcb(0xfe) / 8 + lcb(0x106) / 8;
    const headerStories = lcb(0xf6) / 4;
    if (formattingPages > buffer.length / 512 + 2) throw new DamagedDocument('more formatting pages than the document has');
    if ((formattingPages * 255 + headerStories) * pieces > MAX_PIECE_SCANS) throw new DamagedDocument('formatting tables too large');
  }

  override buildDocument() {
    let depth = 0;
    for (const piece of this._pieces) {
      for (let i = 0; i < piece.text.length; i++) {
        const c = piece.text.charCodeAt(i);
        if (c === 0x13 && ++depth > MAX_FIELD_NESTING) throw new DamagedDocument('fields nested too deep');
        if (c === 0x15 && depth > 0) depth--;
      }
    }
    return super.buildDocument();
  }
}

/** Lines with text, each trimmed. */
function lines(text: string): string[] {
  return text
    .split(/\r\n|[\r\n]/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function checkWordDocument(ole: OleFile): void {
  const stream = ole.root.get('WordDocument');
  // Excel, PowerPoint, Works and other compound files have no WordDocument stream.
  if (stream?.type !== 2) throw new PlanParseError('plan.doc_unsupported');
  const fib = ole.readStart(stream, 12);
  if (fib.length < 12) throw new PlanParseError('plan.doc_invalid');
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  // Word 6/95 (another layout) and password-protected documents cannot be read: ask for a .docx.
  if (view.getUint16(0, true) !== WORD_97_MAGIC || (view.getUint16(10, true) & FIB_ENCRYPTED) !== 0) {
    throw new PlanParseError('plan.doc_unsupported');
  }
}

/** Reads a Word 97 compound file; throws plan.doc_invalid (damaged) or plan.doc_unsupported (not Word 97). */
export async function readDoc(bytes: Uint8Array): Promise<ReadSource> {
  let ole: OleFile;
  try {
    ole = checkOleFile(bytes);
  } catch {
    throw new PlanParseError('plan.doc_invalid');
  }
  checkWordDocument(ole);
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const document = await new GuardedWordExtractor().extract(new BufferReader(buffer));
    const keep = { filterUnicode: false };
    const dropped: DroppedText[] = [];
    for (const line of [...lines(document.getHeaders({ ...keep, includeFooters: false })), ...lines(document.getFooters(keep))]) {
      dropped.push(droppedText(isPageNumber(line) ? 'page_number' : 'running_head', line));
    }
    return { reader: 'doc', text: lines(document.getBody(keep)).join('\n'), dropped };
  } catch {
    // word-extractor's own errors (bad magic, corrupt piece table, reads past a buffer) and ours.
    throw new PlanParseError('plan.doc_invalid');
  }
}
