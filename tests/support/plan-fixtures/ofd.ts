/**
 * Writes a plan text as an OFD package (GB/T 33190-2016) laid out as an official document
 * (GB/T 9704): A4, type area 156 × 225 mm from 28 mm left and 37 mm top, 仿宋 三号 with 28
 * characters a line and 22 lines a page, two-character first-line indents, justified lines with
 * closing punctuation never starting a line; on the first page the red masthead
 * (`…文件`, 方正小标宋简体, squeezed horizontally by its CTM), the document number and the red
 * rule, then the notice title; the plan itself from a new page; signature and date set right;
 * the 抄送/印发 block between rules at the foot of the last page; page numbers `— N —` outside
 * the type area (odd pages right, even pages left).
 *
 * It varies what producers vary: one TextObject per line or per paragraph (later TextCodes
 * inheriting X) or per character (size 1, scaled by the CTM), Latin text in its own TextCode, DeltaX written out or compressed with
 * `g N d`, paragraphs in (nested) PageBlocks; page numbers in each page's content or in a
 * TemplatePage per page, a running head in a shared TemplatePage; the `ofd:` prefix or the
 * default namespace; relative or absolute locations.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipParts, type ZipPart } from './zip';
import seedText from '../../../seeds/shandong-2016-quality-action-plan.txt?raw';

export interface OfdFixtureOptions {
  /** Elements as `ofd:Page` (default) or unprefixed in the default namespace. */
  prefixed?: boolean;
  /** Page numbers in each page's content (default) or in a TemplatePage per page. */
  pageNumbers?: 'content' | 'template' | 'none';
  /** A running head at the top of every page after the first, from one shared TemplatePage. */
  runningHead?: string;
  /** Locations from the package root (`/Doc_0/…`) instead of relative to the naming part. */
  absoluteLocations?: boolean;
  /**
   * 'mixed' (default): a TextObject per line or per paragraph, some in PageBlocks;
   * 'characters': a TextObject per character at size 1, scaled by its CTM, as PDF converters write.
   */
  objects?: 'mixed' | 'characters';
}

/** A part of the package: bytes, or a stream when the part is too big to hold in memory. */
export type OfdPart = ZipPart;
export { zipParts };

const NAMESPACE = 'http://www.ofdspec.org/2016';
const MM_PER_PT = 25.4 / 72;
const SIZE_2 = 22 * MM_PER_PT; // 二号: titles
const SIZE_3 = 16 * MM_PER_PT; // 三号: body
const SIZE_4 = 14 * MM_PER_PT; // 四号: page numbers, 版记
const LEFT = 28;
const TOP = 37;
const BODY_WIDTH = 156;
const BODY_HEIGHT = 225;
const CHAR = BODY_WIDTH / 28;
const PITCH = BODY_HEIGHT / 22;
const FIRST_BASELINE = TOP + SIZE_3;
const LAST_BASELINE = FIRST_BASELINE + 21 * PITCH;
const RIGHT = LEFT + BODY_WIDTH;

const FONTS = ['宋体', '仿宋', '方正小标宋简体', '黑体', '楷体', 'Times New Roman'] as const;
type Font = (typeof FONTS)[number];
const fontId = (font: Font) => FONTS.indexOf(font) + 1;

/** Closing punctuation never starts a line; it hangs at the end of the one before. */
const CLOSING = new Set([...'，。、；：？！）》」』”’,.;:?!)】〕']);
const isWide = (ch: string) => (ch.codePointAt(0) ?? 0) >= 0x1100;
const isAsciiWord = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9]$/u.test(ch);

interface Line {
  page: number;
  /** Left edge and baseline on the page, in millimetres. */
  x: number;
  y: number;
  size: number;
  font: Font;
  red: boolean;
  chars: string[];
  /** Advance after each character (the last one's is its width). */
  advances: number[];
  /** Lines of one paragraph share a block number. */
  block: number;
}

interface Rule {
  page: number;
  y: number;
  red: boolean;
  width: number;
}

interface Layout {
  lines: Line[];
  rules: Rule[];
  pages: number;
}

const advanceOf = (ch: string, em: number) => (isWide(ch) ? em : em / 2);

/** A paragraph broken into lines of at most `width` (less `indent` on the first), Latin words kept whole. */
function breakLines(text: string, width: number, em: number, indent: number): { chars: string[]; indent: number; full: boolean }[] {
  const chars = [...text];
  const lines: { chars: string[]; indent: number; full: boolean }[] = [];
  let start = 0;
  while (start < chars.length) {
    const lineIndent = lines.length === 0 ? indent : 0;
    let used = 0;
    let end = start;
    while (end < chars.length && used + advanceOf(chars[end] ?? '', em) <= width - lineIndent + 1e-6)
      used += advanceOf(chars[end++] ?? '', em);
    if (end < chars.length) {
      let wordStart = end;
      while (wordStart > start && isAsciiWord(chars[wordStart]) && isAsciiWord(chars[wordStart - 1])) wordStart--;
      if (wordStart > start && wordStart < end) end = wordStart;
      while (end < chars.length && CLOSING.has(chars[end] ?? '')) end++;
    }
    lines.push({ chars: chars.slice(start, end), indent: lineIndent, full: end < chars.length });
    start = end;
  }
  return lines;
}

type Kind = 'title' | 'docNumber' | 'addressee' | 'body' | 'heading1' | 'heading2' | 'signature' | 'date' | 'note' | 'copyTo' | 'printed';

/** What each line of a circular is, by its shape. */
function kindsOf(paragraphs: string[]): Kind[] {
  const kinds = paragraphs.map((p, i): Kind => {
    if (/^[^\s，,。]{2,12}〔\d{4}〕\d+号$/u.test(p)) return 'docNumber';
    if (/^\d{4}年\d{1,2}月\d{1,2}日$/u.test(p)) return 'date';
    if (/^[(（]此件.+[)）]$/u.test(p)) return 'note';
    if (/^抄送[:：]/u.test(p)) return 'copyTo';
    if (/\d{4}年\d{1,2}月\d{1,2}日印发$/u.test(p)) return 'printed';
    if (/^[一二三四五六七八九十]+、/u.test(p)) return 'heading1';
    if (/^[(（][一二三四五六七八九十]+[)）]/u.test(p)) return 'heading2';
    if (/[:：]$/u.test(p) && !p.includes('。')) return 'addressee';
    if ((i === 0 && /通知$/u.test(p)) || (p.length <= 20 && !/[，,。；;：:]/u.test(p))) return 'title';
    return 'body';
  });
  kinds.forEach((kind, i) => {
    if (kind === 'date' && kinds[i - 1] === 'title') kinds[i - 1] = 'signature';
  });
  return kinds;
}

function layOut(text: string, masthead: string): Layout {
  const paragraphs = text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const kinds = kindsOf(paragraphs);
  const lines: Line[] = [];
  const rules: Rule[] = [];
  let page = 1;
  let y = FIRST_BASELINE - PITCH;
  let block = 0;
  const nextLine = (pitch = PITCH) => {
    y += pitch;
    if (y > LAST_BASELINE + 0.1) {
      page += 1;
      y = FIRST_BASELINE;
    }
  };
  const newPage = () => {
    page += 1;
    y = FIRST_BASELINE - PITCH;
  };
  const place = (
    chars: string[],
    x: number,
    size: number,
    font: Font,
    options: { em?: number; justifyTo?: number; red?: boolean; scale?: number } = {},
  ) => {
    const em = options.em ?? size;
    const advances = chars.map((ch) => advanceOf(ch, em) * (options.scale ?? 1));
    if (options.justifyTo !== undefined && chars.length > 1) {
      const extra = (options.justifyTo - advances.reduce((sum, a) => sum + a, 0)) / (chars.length - 1);
      for (let i = 0; i < advances.length - 1; i++) advances[i] = (advances[i] ?? 0) + extra;
    }
    lines.push({ page, x, y, size, font, red: options.red ?? false, chars, advances, block });
  };
  const widthOf = (chars: string[], em: number) => chars.reduce((sum, ch) => sum + advanceOf(ch, em), 0);

  // The masthead, document number and red rule open the first page.
  const docNumber = paragraphs.find((_, i) => kinds[i] === 'docNumber');
  y = TOP + 35 + 14;
  const mastheadChars = [...masthead];
  const squeeze = Math.min(1, (BODY_WIDTH - 2 * CHAR) / widthOf(mastheadChars, 15));
  place(mastheadChars, LEFT + (BODY_WIDTH - widthOf(mastheadChars, 15) * squeeze) / 2, 15, '方正小标宋简体', { red: true, scale: squeeze });
  block += 1;
  y += 2 * PITCH;
  if (docNumber !== undefined) {
    const chars = [...docNumber];
    place(chars, LEFT + (BODY_WIDTH - widthOf(chars, CHAR)) / 2, SIZE_3, '仿宋', { em: CHAR });
    block += 1;
  }
  rules.push({ page, y: y + 4, red: true, width: 0.6 });
  y += PITCH;

  let seenNote = false;
  paragraphs.forEach((paragraph, i) => {
    const kind = kinds[i] ?? 'body';
    block += 1;
    if (kind === 'docNumber') return;
    if (kind === 'title') {
      // The plan itself (after the covering notice) starts a new page.
      if (seenNote && kinds[i - 1] !== 'title') newPage();
      else if (i === 0 || kinds[i - 1] !== 'title') nextLine();
      for (const line of breakLines(paragraph, BODY_WIDTH - 2 * SIZE_2, SIZE_2, 0)) {
        nextLine();
        place(line.chars, LEFT + (BODY_WIDTH - widthOf(line.chars, SIZE_2)) / 2, SIZE_2, '方正小标宋简体');
      }
      if (kinds[i + 1] !== 'title') nextLine();
      return;
    }
    if (kind === 'signature' || kind === 'date') {
      if (kind === 'signature') nextLine();
      nextLine();
      const chars = [...paragraph];
      const dateRight = RIGHT - 4 * CHAR;
      const dateWidth = widthOf([...(paragraphs[i + (kind === 'signature' ? 1 : 0)] ?? '')], CHAR);
      // The signature is centred over the date; the date stands four characters from the right.
      const x = kind === 'date' ? dateRight - dateWidth : dateRight - dateWidth / 2 - widthOf(chars, CHAR) / 2;
      place(chars, x, SIZE_3, '仿宋', { em: CHAR });
      return;
    }
    if (kind === 'copyTo' || kind === 'printed') return;
    if (kind === 'note') seenNote = true;
    const font: Font = kind === 'heading1' ? '黑体' : kind === 'heading2' ? '楷体' : '仿宋';
    const indent = kind === 'addressee' ? 0 : 2 * CHAR;
    for (const line of breakLines(paragraph, BODY_WIDTH, CHAR, indent)) {
      nextLine();
      place(line.chars, LEFT + line.indent, SIZE_3, font, { em: CHAR, ...(line.full ? { justifyTo: BODY_WIDTH - line.indent } : {}) });
    }
  });

  // 版记: 抄送 and 印发 between rules at the foot of the last page (四号, a character in from each side).
  const copyTo = paragraphs.filter((_, i) => kinds[i] === 'copyTo');
  const printed = paragraphs.find((_, i) => kinds[i] === 'printed');
  const copyLines = copyTo.map((p) => {
    const colon = [...p].findIndex((ch) => ch === ':' || ch === '：') + 1;
    const head = [...p].slice(0, colon);
    // Wrapped lines align with the first character after the colon.
    const hang = widthOf(head, SIZE_4);
    const rest = breakLines([...p].slice(colon).join(''), BODY_WIDTH - 2 * SIZE_4 - hang, SIZE_4, 0);
    return rest.map((line, n) => ({
      chars: n === 0 ? [...head, ...line.chars] : line.chars,
      x: LEFT + SIZE_4 + (n === 0 ? 0 : hang),
      full: line.full,
    }));
  });
  const footLines = copyLines.flat().length + (printed === undefined ? 0 : 1);
  if (footLines > 0) {
    const footTop = LAST_BASELINE - (footLines - 1) * PITCH;
    if (y + PITCH > footTop - PITCH) newPage();
    y = footTop - PITCH;
    rules.push({ page, y: y + 3, red: false, width: 0.35 });
    for (const copy of copyLines) {
      block += 1;
      for (const line of copy) {
        y += PITCH;
        place(line.chars, line.x, SIZE_4, '仿宋', line.full ? { justifyTo: RIGHT - SIZE_4 - line.x } : {});
      }
      rules.push({ page, y: y + 3, red: false, width: 0.25 });
    }
    if (printed !== undefined) {
      const match = /^(.*?)(\d{4}年\d{1,2}月\d{1,2}日印发)$/u.exec(printed);
      y += PITCH;
      block += 1;
      const [issuer, date] = [[...(match?.[1] ?? '')], [...(match?.[2] ?? printed)]];
      place(issuer, LEFT + SIZE_4, SIZE_4, '仿宋');
      place(date, RIGHT - SIZE_4 - widthOf(date, SIZE_4), SIZE_4, '仿宋');
      rules.push({ page, y: y + 3, red: false, width: 0.35 });
    }
  }
  return { lines, rules, pages: page };
}

// ── XML ─────────────────────────────────────────────────────────────────────────────────────

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);
const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** DeltaX as producers write it: plain, or with runs of one advance as `g N d`. */
function deltaX(advances: number[], compress: boolean): string {
  const values = advances.map(fmt);
  if (!compress) return values.join(' ');
  const out: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    if (j - i >= 3) out.push(`g ${String(j - i)} ${values[i] ?? ''}`);
    else out.push(...values.slice(i, j));
    i = j;
  }
  return out.join(' ');
}

class Writer {
  private nextId = FONTS.length + 1;
  constructor(private readonly prefixed: boolean) {}

  id(): number {
    return this.nextId++;
  }

  get maxId(): number {
    return this.nextId - 1;
  }

  tag(name: string): string {
    return this.prefixed ? `ofd:${name}` : name;
  }

  /** `<Name a="1">children</Name>`; children null for an empty element. */
  el(name: string, attributes: Record<string, string | number | undefined>, children: string | null = null): string {
    const attrs = Object.entries(attributes)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
      .join('');
    return children === null ? `<${this.tag(name)}${attrs}/>` : `<${this.tag(name)}${attrs}>${children}</${this.tag(name)}>`;
  }

  root(name: string, attributes: Record<string, string>, children: string): string {
    const ns = this.prefixed ? { 'xmlns:ofd': NAMESPACE } : { xmlns: NAMESPACE };
    return `<?xml version="1.0" encoding="UTF-8"?>\n${this.el(name, { ...ns, ...attributes }, children)}\n`;
  }
}

/**
 * One text line as one or more TextObjects: Chinese text in the line's font, Latin runs (digits
 * included) as separate TextCodes in Times New Roman, as Word converters write them.
 */
function lineObjects(w: Writer, line: Line, compress: boolean): string {
  const segments: { latin: boolean; start: number; end: number }[] = [];
  line.chars.forEach((ch, i) => {
    const latin = !isWide(ch);
    const last = segments.at(-1);
    if (last && last.latin === latin) last.end = i + 1;
    else segments.push({ latin, start: i, end: i + 1 });
  });
  const top = line.y - line.size;
  const offsets = [0];
  for (const advance of line.advances) offsets.push((offsets.at(-1) ?? 0) + advance);
  const width = offsets.at(-1) ?? 0;
  const squeeze = line.font === '方正小标宋简体' && line.red ? line.advances[0] && line.advances[0] / line.size : undefined;
  return segments
    .map((segment) => {
      const chars = line.chars.slice(segment.start, segment.end);
      const advances = line.advances.slice(segment.start, segment.end - 1);
      const x = offsets[segment.start] ?? 0;
      const font = segment.latin && line.font !== '方正小标宋简体' ? 'Times New Roman' : line.font;
      const fill = line.red ? w.el('FillColor', { Value: '255 0 0' }) : '';
      // A squeezed masthead is set at its full size with the squeeze in the CTM.
      const ctm = squeeze !== undefined && squeeze < 0.999 ? `${fmt(squeeze)} 0 0 1 0 0` : undefined;
      const codeX = ctm === undefined ? x : x / (squeeze ?? 1);
      const codeAdvances = ctm === undefined ? advances : advances.map((a) => a / (squeeze ?? 1));
      return w.el(
        'TextObject',
        {
          ID: w.id(),
          Boundary: `${fmt(line.x)} ${fmt(top)} ${fmt(Math.max(width, line.size))} ${fmt(line.size * 1.3)}`,
          Font: fontId(font),
          Size: fmt(line.size),
          CTM: ctm,
        },
        fill +
          w.el(
            'TextCode',
            { X: fmt(codeX), Y: fmt(line.size), DeltaX: codeAdvances.length > 0 ? deltaX(codeAdvances, compress) : undefined },
            escapeXml(chars.join('')),
          ),
      );
    })
    .join('');
}

/** Every character its own TextObject, set at size 1 and scaled up by the CTM. */
function characterObjects(w: Writer, line: Line): string {
  const top = line.y - line.size;
  const squeeze = line.font === '方正小标宋简体' && line.red ? (line.advances[0] ?? line.size) / line.size : 1;
  let x = line.x;
  return line.chars
    .map((ch, i) => {
      const advance = line.advances[i] ?? line.size;
      const object = w.el(
        'TextObject',
        {
          ID: w.id(),
          Boundary: `${fmt(x)} ${fmt(top)} ${fmt(Math.max(advance, 0.1))} ${fmt(line.size * 1.3)}`,
          Font: fontId(isWide(ch) ? line.font : 'Times New Roman'),
          Size: '1',
          CTM: `${fmt(line.size * squeeze)} 0 0 ${fmt(line.size)} 0 0`,
        },
        (line.red ? w.el('FillColor', { Value: '255 0 0' }) : '') + w.el('TextCode', { X: '0', Y: '1' }, escapeXml(ch)),
      );
      x += advance;
      return object;
    })
    .join('');
}

/** A paragraph's lines on one page as one TextObject, a TextCode a line; from the third line on X is left out (inherited). */
function paragraphObject(w: Writer, lines: Line[]): string {
  const first = lines[0];
  if (!first) return '';
  const top = first.y - first.size;
  const bottom = (lines.at(-1)?.y ?? first.y) + first.size * 0.3;
  const codes = lines.map((line, n) => {
    const x = line.x - LEFT;
    const inherit = n >= 2 && Math.abs(x - ((lines[n - 1]?.x ?? 0) - LEFT)) < 1e-6;
    return w.el(
      'TextCode',
      { X: inherit ? undefined : fmt(x), Y: fmt(line.y - top), DeltaX: deltaX(line.advances.slice(0, -1), n % 2 === 0) },
      escapeXml(line.chars.join('')),
    );
  });
  return w.el(
    'TextObject',
    {
      ID: w.id(),
      Boundary: `${fmt(LEFT)} ${fmt(top)} ${fmt(BODY_WIDTH + CHAR)} ${fmt(bottom - top)}`,
      Font: fontId(first.font),
      Size: fmt(first.size),
    },
    codes.join(''),
  );
}

function ruleObject(w: Writer, rule: Rule): string {
  return w.el(
    'PathObject',
    { ID: w.id(), Boundary: `${fmt(LEFT)} ${fmt(rule.y - 1)} ${fmt(BODY_WIDTH)} 2`, LineWidth: fmt(rule.width) },
    w.el('StrokeColor', { Value: rule.red ? '255 0 0' : '0 0 0' }) + w.el('AbbreviatedData', {}, `M 0 1 L ${fmt(BODY_WIDTH)} 1`),
  );
}

function pageNumberLine(n: number): Line {
  const chars = [...`— ${String(n)} —`];
  const advances = chars.map((ch) => advanceOf(ch, SIZE_4));
  const width = advances.reduce((sum, a) => sum + a, 0);
  // Odd pages: a character in from the right; even pages: a character in from the left.
  const x = n % 2 === 1 ? RIGHT - SIZE_4 - width : LEFT + SIZE_4;
  return { page: n, x, y: TOP + BODY_HEIGHT + 7 + SIZE_4, size: SIZE_4, font: '宋体', red: false, chars, advances, block: -1 };
}

/** The parts of the package, by name. */
export function ofdParts(text: string, options: OfdFixtureOptions = {}): OfdPart[] {
  const w = new Writer(options.prefixed ?? true);
  const loc = (path: string, relative: string) => (options.absoluteLocations ? `/${path}` : relative);
  const issuer = /^(.+?)关于/u.exec(text.trimStart())?.[1] ?? '山东省人民政府办公厅';
  const layout = layOut(text, `${issuer}文件`);
  const parts: OfdPart[] = [];
  const add = (name: string, xml: string) => parts.push({ name, data: Buffer.from(xml, 'utf8') });
  const page = (templates: string, layers: string) => w.root('Page', {}, templates + w.el('Content', {}, layers));

  const templates: { id: number; path: string }[] = [];
  const headTemplate = options.runningHead === undefined ? null : { id: w.id(), path: 'Doc_0/Tpls/Tpl_head/Content.xml' };
  if (headTemplate && options.runningHead !== undefined) {
    templates.push(headTemplate);
    const head = [...options.runningHead];
    const line: Line = {
      page: 0,
      x: LEFT,
      y: TOP - 8,
      size: SIZE_4,
      font: '宋体',
      red: false,
      chars: head,
      advances: head.map((ch) => advanceOf(ch, SIZE_4)),
      block: -1,
    };
    add(headTemplate.path, page('', w.el('Layer', { ID: w.id(), Type: 'Foreground' }, lineObjects(w, line, true))));
  }

  const pageEntries: { id: number; path: string }[] = [];
  for (let n = 1; n <= layout.pages; n++) {
    const lines = layout.lines.filter((line) => line.page === n);
    const objects: string[] = [];
    // Alternate what producers do: a TextObject per line, or per paragraph in a PageBlock (nested on even pages).
    const blocks = new Map<number, Line[]>();
    for (const line of lines) blocks.set(line.block, [...(blocks.get(line.block) ?? []), line]);
    for (const [blockNumber, blockLines] of blocks) {
      if (options.objects === 'characters') {
        objects.push(blockLines.map((line) => characterObjects(w, line)).join(''));
        continue;
      }
      const body = blockLines.length > 1 && blockLines.every((line) => line.size === SIZE_3 && line.font === '仿宋');
      if (body && blockNumber % 2 === 0) {
        const object = paragraphObject(w, blockLines);
        objects.push(
          n % 2 === 0
            ? w.el('PageBlock', { ID: w.id() }, w.el('PageBlock', { ID: w.id() }, object))
            : w.el('PageBlock', { ID: w.id() }, object),
        );
      } else objects.push(blockLines.map((line) => lineObjects(w, line, blockNumber % 3 !== 0)).join(''));
    }
    objects.push(...layout.rules.filter((rule) => rule.page === n).map((rule) => ruleObject(w, rule)));

    const references: string[] = [];
    if (headTemplate && n > 1) references.push(w.el('Template', { TemplateID: headTemplate.id, ZOrder: 'Background' }));
    const numberLine = pageNumberLine(n);
    if (options.pageNumbers === 'template') {
      const template = { id: w.id(), path: `Doc_0/Tpls/Tpl_${String(n - 1)}/Content.xml` };
      templates.push(template);
      add(template.path, page('', w.el('Layer', { ID: w.id(), Type: 'Foreground' }, lineObjects(w, numberLine, false))));
      references.push(w.el('Template', { TemplateID: template.id, ZOrder: 'Foreground' }));
    } else if (options.pageNumbers !== 'none') objects.push(lineObjects(w, numberLine, false));

    const path = `Doc_0/Pages/Page_${String(n - 1)}/Content.xml`;
    pageEntries.push({ id: w.id(), path });
    add(path, page(references.join(''), w.el('Layer', { ID: w.id(), Type: 'Body' }, objects.join(''))));
  }

  const fonts = FONTS.map((name, i) => w.el('Font', { ID: i + 1, FontName: name, FamilyName: name })).join('');
  add('Doc_0/PublicRes.xml', w.root('Res', { BaseLoc: 'Res' }, w.el('Fonts', {}, fonts)));
  const relative = (path: string) => path.slice('Doc_0/'.length);
  add(
    'Doc_0/Document.xml',
    w.root(
      'Document',
      {},
      w.el(
        'CommonData',
        {},
        w.el('MaxUnitID', {}, String(w.maxId)) +
          w.el('PageArea', {}, w.el('PhysicalBox', {}, '0 0 210 297')) +
          w.el('PublicRes', {}, loc('Doc_0/PublicRes.xml', 'PublicRes.xml')) +
          templates.map((t) => w.el('TemplatePage', { ID: t.id, BaseLoc: loc(t.path, relative(t.path)) })).join(''),
      ) + w.el('Pages', {}, pageEntries.map((p) => w.el('Page', { ID: p.id, BaseLoc: loc(p.path, relative(p.path)) })).join('')),
    ),
  );
  const title = text.trimStart().split('\n')[0]?.trim() ?? '';
  add(
    'OFD.xml',
    w.root(
      'OFD',
      { Version: '1.0', DocType: 'OFD' },
      w.el(
        'DocBody',
        {},
        w.el(
          'DocInfo',
          {},
          w.el('DocID', {}, '6c1e4d3f0a2b4c5d8e9f00112233aabb') +
            w.el('Title', {}, escapeXml(title)) +
            w.el('Author', {}, escapeXml(issuer)) +
            w.el('CreationDate', {}, '2016-07-07') +
            w.el('Creator', {}, 'PlanLedger test fixture'),
        ) + w.el('DocRoot', {}, loc('Doc_0/Document.xml', 'Doc_0/Document.xml')),
      ),
    ),
  );
  // OFD.xml first, as producers write it.
  return [...parts.filter((p) => p.name === 'OFD.xml'), ...parts.filter((p) => p.name !== 'OFD.xml')];
}

export function buildOfd(text: string, options: OfdFixtureOptions = {}): Promise<Uint8Array> {
  return zipParts(ofdParts(text, options));
}

export { seedText as ofdSeedText };

/** The seed circular as `dir/<name>`; returns the path. */
export async function writeSeedOfd(dir: string, options: OfdFixtureOptions = {}, name = 'seed.ofd'): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await buildOfd(seedText, options));
  return path;
}
