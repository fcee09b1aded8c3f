/**
 * OFD (GB/T 33190-2016), the national fixed-layout format official documents are sent in: a
 * ZIP of XML parts. The reader follows the standard's paths, not one producer's habits:
 *
 *   OFD.xml  DocBody/DocRoot ──▶ Document.xml  CommonData (PageArea, TemplatePage), Pages/Page@BaseLoc
 *                                    └──▶ Content.xml  Page/Content/Layer → TextObject / PageBlock (nested)
 *                                                        TextObject@Boundary, @CTM, @Size → TextCode@X, @Y, @DeltaX
 *
 * Locations are relative to the folder of the part that names them, or absolute from the
 * package root when they start with `/`; one that leads outside the package is refused. Text on
 * a page's templates (TemplatePage: running heads, page numbers) is page furniture by the
 * standard's own meaning, so it is set apart directly; the page's own text is rebuilt into
 * paragraphs by textFromPages, as for PDF.
 *
 * Hostile packages: zip bombs are refused by checkZipPackage before anything is parsed; each
 * XML part is read only up to MAX_PART_BYTES (its declared size checked first, then the bytes
 * counted while inflating), all parts together up to MAX_XML_BYTES (a part used by every page
 * counts every time); DOCTYPEs (entity expansion) are refused and entities are never expanded
 * by the parser; elements nest at most MAX_XML_DEPTH deep; at most MAX_OFD_PAGES pages.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PlanParseError } from '../../../../shared/plan/errors';
import { isPageNumber } from '../../../../shared/plan/layout';
import { droppedText, type DroppedText } from '../../../../shared/plan/source';
import { textFromPages, type PositionedPage, type TextRun } from './page-text';
import type { ReadSource } from './read-source';
import { checkZipPackage, type ZipLimits } from './zip-limits';

export const OFD_EXTENSIONS = new Set(['ofd']);

/** One XML part; the densest real page is a few hundred kilobytes. */
export const MAX_PART_BYTES = 8 * 1024 * 1024;
/** All XML parts read, counted each time one is read. */
export const MAX_XML_BYTES = 64 * 1024 * 1024;
/** A plan with its covering notice is a few dozen pages. */
export const MAX_OFD_PAGES = 500;
/** Page → Content → Layer → PageBlock… → TextObject → TextCode: real documents nest a handful of blocks. */
export const MAX_XML_DEPTH = 256;
/** Parts in the package; each page is one or two. */
const MAX_ENTRIES = 20_000;

export interface OfdLimits {
  zip?: ZipLimits;
  maxPartBytes?: number;
  maxXmlBytes?: number;
  maxPages?: number;
}

/** A4 in millimetres, when a document names no page size. */
const DEFAULT_PAGE = { x: 0, y: 0, width: 210, height: 297 };

const invalid = (detail: string) => new PlanParseError('plan.ofd_invalid', { detail });
const tooLarge = (limit: number) => new PlanParseError('plan.ofd_too_large', { limitMb: Math.max(1, Math.round(limit / (1024 * 1024))) });

// ── The package ───────────────────────────────────────────────────────────────────────────────

function openPackage(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise<ZipFile>((resolve, reject) => {
    // autoClose off: parts are opened after the entries have all been listed.
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, autoClose: false },
      (error, zip) => (error ? reject(invalid(error.message)) : resolve(zip)),
    );
  });
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('error', (error: Error) => reject(invalid(error.message)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      if (entries.size >= MAX_ENTRIES) return reject(invalid(`more than ${String(MAX_ENTRIES)} parts`));
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
      return undefined;
    });
    zip.readEntry();
  });
}

/** True for a ZIP with OFD.xml at its root: the standard's entry point, whatever the file is named. */
export async function isOfdPackage(bytes: Uint8Array): Promise<boolean> {
  let zip: ZipFile | null = null;
  try {
    zip = await openPackage(bytes);
    const entries = await listEntries(zip);
    return [...entries.keys()].some((name) => name.toLowerCase() === 'ofd.xml');
  } catch {
    return false;
  } finally {
    zip?.close();
  }
}

/** The parts of an open package, read as text within the limits. */
class Package {
  private readBytes = 0;
  private readonly lowerCase = new Map<string, string>();

  constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    private readonly maxPartBytes: number,
    private readonly maxXmlBytes: number,
  ) {
    for (const name of entries.keys()) this.lowerCase.set(name.toLowerCase(), name);
  }

  /** Exact name first; some producers write a location in another case than the part's name. */
  private entry(path: string): Entry {
    const entry = this.entries.get(path) ?? this.entries.get(this.lowerCase.get(path.toLowerCase()) ?? '');
    if (!entry) throw invalid(`${path} is missing`);
    return entry;
  }

  async text(path: string): Promise<string> {
    const entry = this.entry(path);
    if (entry.uncompressedSize > this.maxPartBytes) throw tooLarge(this.maxPartBytes);
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(invalid(`${path}: ${error.message}`));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Counted while inflating: a forged declared size does not get a big part into memory.
          if (size > this.maxPartBytes) {
            stream.destroy();
            reject(tooLarge(this.maxPartBytes));
          } else chunks.push(chunk);
        });
        stream.on('error', (streamError: Error) =>
          reject(/too many bytes/u.test(streamError.message) ? tooLarge(this.maxPartBytes) : invalid(`${path}: ${streamError.message}`)),
        );
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        return undefined;
      });
    });
    this.charge(bytes.length);
    return decodeXmlBytes(bytes);
  }

  /** Counts `bytes` more XML towards the limit for the whole package. */
  private charge(bytes: number): void {
    this.readBytes += bytes;
    if (this.readBytes > this.maxXmlBytes) throw tooLarge(this.maxXmlBytes);
  }

  async xml(path: string, rootName: string): Promise<XmlNode> {
    return parseXml(await this.text(path), path, rootName);
  }

  /** A part many pages share (a template): parsed once, but counted towards the limit at every use. */
  async sharedXml(path: string, rootName: string): Promise<XmlNode> {
    const cached = this.shared.get(path);
    if (cached) {
      this.charge(cached.bytes);
      return cached.root;
    }
    const text = await this.text(path);
    const root = parseXml(text, path, rootName);
    this.shared.set(path, { root, bytes: Buffer.byteLength(text) });
    return root;
  }

  private readonly shared = new Map<string, { root: XmlNode; bytes: number }>();
}

const ENCODING_RE = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/u;

/**
 * The standard has XML parts in UTF-8; an older producer's part that declares another encoding
 * (GB18030, GBK) is read in it, and a byte-order mark is honoured.
 */
function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declared = ENCODING_RE.exec(
    bytes
      .subarray(0, 200)
      .toString('latin1')
      .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/u, ''),
  )?.[1];
  let decoder = new TextDecoder('utf-8');
  try {
    if (declared !== undefined) decoder = new TextDecoder(declared);
  } catch {
    // An encoding this runtime does not know: read as the standard says, UTF-8.
  }
  return decoder.decode(bytes);
}

/**
 * A location (ST_Loc) resolved against the folder of the part that names it ('' for the
 * root): 'Pages/Page_0/Content.xml' in 'Doc_0' → 'Doc_0/Pages/Page_0/Content.xml'; '/Doc_0/…'
 * is from the root.
 */
export function resolveLoc(folder: string, loc: string): string {
  const path = loc.trim().replace(/\\/gu, '/');
  if (path === '') throw invalid('an empty location');
  const parts = path.startsWith('/') ? [] : folder.split('/').filter((part) => part !== '');
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw invalid(`location ${loc.slice(0, 80)} leads outside the package`);
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

const folderOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf('/'), 0));

// ── XML ───────────────────────────────────────────────────────────────────────────────────────

/** fast-xml-parser's ordered form: `{ Tag: children, ':@': attributes }` or `{ '#text': text }`. */
interface XmlNode {
  [key: string]: XmlNode[] | Record<string, string> | string | undefined;
}

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are never expanded by the parser (the five predefined ones and character
  // references are decoded by decodeXml, nothing else), so no entity trick can grow the text.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
});

const DOCTYPE_RE = /<!DOCTYPE/iu;

function parseXml(text: string, path: string, rootName: string): XmlNode {
  // OFD parts have no DTD; one with a DOCTYPE can only be an entity-expansion trick.
  if (DOCTYPE_RE.test(text)) throw invalid(`${path} declares a DOCTYPE`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw invalid(`${path} is not well-formed XML (line ${String(valid.err.line)}: ${valid.err.msg.slice(0, 80)})`);
  let nodes: XmlNode[];
  try {
    nodes = parser.parse(text) as XmlNode[];
  } catch (error) {
    const nested = error instanceof Error && /nested/iu.test(error.message);
    throw invalid(nested ? `${path} nests elements more than ${String(MAX_XML_DEPTH)} deep` : `${path} cannot be parsed`);
  }
  const root = nodes.find((node) => tagOf(node) !== null);
  if (!root || tagOf(root) !== rootName) throw invalid(`${path} has no ${rootName} root element`);
  return root;
}

function tagOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const children = tag === null ? undefined : node[tag];
  return Array.isArray(children) ? children : [];
}

function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return childrenOf(node).filter((child) => tagOf(child) === name);
}

function child(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) current = current && childrenNamed(current, name)[0];
  return current;
}

function attr(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'];
  const value = attributes && typeof attributes === 'object' && !Array.isArray(attributes) ? attributes[name] : undefined;
  return value === undefined ? undefined : decodeXml(value);
}

function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  return decodeXml(
    childrenOf(node)
      .map((part) => (typeof part['#text'] === 'string' ? part['#text'] : ''))
      .join(''),
  );
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else is left as written. */
function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/giu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}

// ── Geometry and text ─────────────────────────────────────────────────────────────────────────

function numbersOf(value: string | undefined): number[] {
  if (value === undefined) return [];
  return value
    .trim()
    .split(/[\s,]+/u)
    .filter((token) => token !== '')
    .map(Number);
}

function numberOf(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** ST_Box 'x y w h'. */
function boxOf(value: string | undefined): Box | null {
  const [x, y, width, height] = numbersOf(value);
  if (x === undefined || y === undefined || width === undefined || height === undefined) return null;
  return [x, y, width, height].every(Number.isFinite) && width > 0 && height > 0 ? { x, y, width, height } : null;
}

/**
 * DeltaX/DeltaY: the advances between consecutive characters, where 'g N d' stands for N
 * advances of d ('g 3 5.6 2.8' = 5.6 5.6 5.6 2.8). At most `count` advances are produced, so
 * a 'g 1000000000 1' costs nothing; unreadable values become null (the font's own advance).
 */
export function expandDeltas(value: string | undefined, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  if (value === undefined || count <= 0) return out;
  const tokens = value.trim().split(/[\s,]+/u);
  for (let i = 0; i < tokens.length && out.length < count; i++) {
    const token = tokens[i] ?? '';
    if (token === 'g') {
      const times = Math.max(0, Math.floor(Number(tokens[i + 1])) || 0);
      const delta = numberOf(tokens[i + 2]);
      for (let n = 0; n < times && out.length < count; n++) out.push(delta);
      i += 2;
    } else out.push(numberOf(token));
  }
  return out;
}

/** Without the font's metrics: a Chinese character or full-width sign is an em wide, Latin half. */
const glyphWidth = (ch: string, size: number) => ((ch.codePointAt(0) ?? 0) < 0x1100 ? size / 2 : size);

interface Glyph {
  ch: string;
  x: number;
  y: number;
  width: number;
}

/** The runs of one TextObject in page coordinates (millimetres). */
function textObjectRuns(object: XmlNode, origin: { x: number; y: number }): TextRun[] {
  const boundary = boxOf(attr(object, 'Boundary'));
  const size = numberOf(attr(object, 'Size'));
  if (!boundary || size === null || size <= 0) return [];
  const ctm = numbersOf(attr(object, 'CTM'));
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = ctm.length === 6 && ctm.every(Number.isFinite) ? ctm : [];
  const toPage = (x: number, y: number) => ({
    x: boundary.x + a * x + c * y + e - origin.x,
    y: boundary.y + b * x + d * y + f - origin.y,
  });
  // The CTM scales the type: the vertical scale gives the size as printed, the horizontal one the advances.
  const pageSize = size * Math.hypot(c, d);
  const xScale = Math.hypot(a, b);
  if (!(pageSize > 0)) return [];

  const runs: TextRun[] = [];
  let x: number | null = null;
  let y: number | null = null;
  for (const code of childrenNamed(object, 'TextCode')) {
    // A TextCode without X or Y takes the previous one's (GB/T 33190 §11.2).
    x = numberOf(attr(code, 'X')) ?? x;
    y = numberOf(attr(code, 'Y')) ?? y;
    if (x === null || y === null) continue;
    const chars = [...textOf(code)];
    const dx = expandDeltas(attr(code, 'DeltaX'), chars.length - 1);
    const dy = expandDeltas(attr(code, 'DeltaY'), chars.length - 1);
    const glyphs: Glyph[] = [];
    let [gx, gy] = [x, y];
    chars.forEach((ch, i) => {
      const at = toPage(gx, gy);
      glyphs.push({ ch, x: at.x, y: at.y, width: glyphWidth(ch, size) * xScale });
      gx += dx[i] ?? glyphWidth(ch, size);
      gy += dy[i] ?? 0;
    });
    runs.push(...runsOfGlyphs(glyphs, pageSize));
  }
  return runs;
}

/**
 * Glyphs into runs: a new run where the baseline moves, the next glyph stands well apart (a
 * date set flush right in the same TextCode) or spaces begin or end, so textFromPages sees the gap.
 */
function runsOfGlyphs(glyphs: Glyph[], size: number): TextRun[] {
  const runs: TextRun[] = [];
  let run: Glyph[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first && last)
      runs.push({ text: run.map((g) => g.ch).join(''), x: first.x, y: first.y, width: last.x + last.width - first.x, size });
    run = [];
  };
  for (const glyph of glyphs) {
    const previous = run.at(-1);
    const apart =
      previous &&
      (Math.abs(glyph.y - previous.y) > size * 0.1 || glyph.x < previous.x || glyph.x - (previous.x + previous.width) > size * 0.6);
    // Spaces are runs of their own, so an indent typed as spaces does not move where the text starts.
    if (previous && (apart || (glyph.ch.trim() === '') !== (previous.ch.trim() === ''))) flush();
    run.push(glyph);
  }
  flush();
  return runs;
}

/** Every TextObject of a page (or template) part, through layers and nested page blocks, without recursion. */
function pageRuns(page: XmlNode, origin: { x: number; y: number }): TextRun[] {
  const runs: TextRun[] = [];
  const stack: XmlNode[] = [...childrenNamed(page, 'Content')].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    const tag = tagOf(node);
    if (tag === 'TextObject') runs.push(...textObjectRuns(node, origin));
    else if (tag === 'Content' || tag === 'Layer' || tag === 'PageBlock') stack.push(...childrenOf(node).reverse());
  }
  return runs;
}

// ── Documents and pages ───────────────────────────────────────────────────────────────────────

interface ReadPage {
  page: PositionedPage;
  /** Text of the page's templates, in the page's coordinates. */
  templateRuns: TextRun[];
}

async function readDocument(pkg: Package, documentPath: string, pagesBefore: number, maxPages: number): Promise<ReadPage[]> {
  const document = await pkg.xml(documentPath, 'Document');
  const folder = folderOf(documentPath);
  const commonData = child(document, 'CommonData');
  const defaultBox = boxOf(textOf(child(commonData, 'PageArea', 'PhysicalBox'))) ?? DEFAULT_PAGE;
  const templates = new Map<string, string>();
  for (const template of commonData ? childrenNamed(commonData, 'TemplatePage') : []) {
    const [id, loc] = [attr(template, 'ID'), attr(template, 'BaseLoc')];
    if (id !== undefined && loc !== undefined) templates.set(id.trim(), resolveLoc(folder, loc));
  }
  const pageNodes = childrenNamed(child(document, 'Pages') ?? {}, 'Page');
  if (pagesBefore + pageNodes.length > maxPages) {
    throw new PlanParseError('plan.ofd_too_many_pages', { pages: pagesBefore + pageNodes.length, maxPages });
  }

  const pages: ReadPage[] = [];
  for (const pageNode of pageNodes) {
    const loc = attr(pageNode, 'BaseLoc');
    if (loc === undefined) throw invalid(`a page in ${documentPath} has no BaseLoc`);
    const page = await pkg.xml(resolveLoc(folder, loc), 'Page');
    const box = boxOf(textOf(child(page, 'Area', 'PhysicalBox'))) ?? defaultBox;
    const templateRuns: TextRun[] = [];
    for (const reference of childrenNamed(page, 'Template')) {
      const templatePath = templates.get((attr(reference, 'TemplateID') ?? '').trim());
      if (templatePath === undefined) throw invalid(`template ${attr(reference, 'TemplateID') ?? '?'} is not declared`);
      templateRuns.push(...pageRuns(await pkg.sharedXml(templatePath, 'Page'), box));
    }
    pages.push({ page: { width: box.width, height: box.height, runs: pageRuns(page, box) }, templateRuns });
  }
  return pages;
}

/** Template text is furniture: a page number where it reads as one, otherwise a running head. */
function templateFurniture(page: ReadPage, pageNumber: number): DroppedText[] {
  if (page.templateRuns.length === 0) return [];
  const lines = textFromPages([{ width: page.page.width, height: page.page.height, runs: page.templateRuns }]);
  return [
    ...lines.dropped.map((item) => ({ ...item, page: pageNumber })),
    ...lines.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => droppedText(isPageNumber(line) ? 'page_number' : 'running_head', line, pageNumber)),
  ];
}

/** Throws plan.ofd_too_large or plan.ofd_invalid (see checkZipPackage). */
export function checkOfdPackage(bytes: Uint8Array, limits: ZipLimits = {}): Promise<void> {
  return checkZipPackage(bytes, { invalid: 'plan.ofd_invalid', tooLarge: 'plan.ofd_too_large' }, limits);
}

export async function readOfd(bytes: Uint8Array, limits: OfdLimits = {}): Promise<ReadSource> {
  await checkOfdPackage(bytes, limits.zip);
  const zip = await openPackage(bytes);
  try {
    const pkg = new Package(zip, await listEntries(zip), limits.maxPartBytes ?? MAX_PART_BYTES, limits.maxXmlBytes ?? MAX_XML_BYTES);
    const ofd = await pkg.xml('OFD.xml', 'OFD');
    const bodies = childrenNamed(ofd, 'DocBody');
    if (bodies.length === 0) throw invalid('OFD.xml names no document (DocBody)');
    const pages: ReadPage[] = [];
    for (const body of bodies) {
      const root = textOf(child(body, 'DocRoot'));
      if (root.trim() === '') throw invalid('OFD.xml has a DocBody without DocRoot');
      pages.push(...(await readDocument(pkg, resolveLoc('', root), pages.length, limits.maxPages ?? MAX_OFD_PAGES)));
    }
    const body = textFromPages(pages.map((read) => read.page));
    if (body.text.trim() === '') throw new PlanParseError('plan.ofd_scanned');
    const furniture = pages.flatMap((page, i) => templateFurniture(page, i + 1));
    // In page order; on a page, its template's furniture first.
    const dropped = [...furniture, ...body.dropped].sort((x, y) => (x.page ?? 0) - (y.page ?? 0));
    return { reader: 'ofd', text: body.text, dropped };
  } finally {
    zip.close();
  }
}
