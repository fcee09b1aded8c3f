/**
 * PDFs written by hand the way older producers and many government offices wrote them: the
 * Chinese font is not embedded but named (STSong-Light, a CIDFontType0 over Adobe-GB1 with no
 * FontFile), and the bytes of the text are mapped to characters by a predefined CMap that the
 * reader must bring itself (/UniGB-UCS2-H and /UniGB-UTF16-H: UTF-16BE; /GBK-EUC-H: GBK;
 * /GB-EUC-H: GB 2312, EUC bytes). A plan text (one paragraph
 * a line) is set as an official document: 3号 (16 pt) on A4, 28 characters a line, centred
 * title, two-character first-line indents; one Tj per printed line.
 */
import iconv from 'iconv-lite';

export const CJK_CMAP_NAMES = ['UniGB-UCS2-H', 'UniGB-UTF16-H', 'GBK-EUC-H', 'GB-EUC-H'] as const;
export type CjkCMapName = (typeof CJK_CMAP_NAMES)[number];

export interface NonEmbeddedCjkOptions {
  /** The predefined CMap the font names; default UniGB-UCS2-H. */
  cmap?: CjkCMapName;
  /** Written as the font's /Encoding instead (a hostile or unknown name), the text still encoded as UCS-2. */
  encodingName?: string;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const FONT_SIZE = 16;
const LINE_STEP = 28.9;
const LEFT = 79;
const TOP_BASELINE = PAGE_HEIGHT - 105 - FONT_SIZE;
const BOTTOM = 99;
/** 28 full-width characters: the text block's 448 pt. */
const LINE_EMS = 28;

/** Width in ems: Adobe-GB1 gives ASCII half-width Roman glyphs (CIDs 1–95 and 814–939). */
const ems = (character: string) => (character.charCodeAt(0) < 0x80 ? 0.5 : 1);

/** A paragraph broken into printed lines of at most `LINE_EMS` ems, the first indented by two. */
function wrap(paragraph: string, firstIndent: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = firstIndent;
  for (const character of paragraph) {
    if (used + ems(character) > LINE_EMS) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += character;
    used += ems(character);
  }
  if (line !== '') lines.push(line);
  return lines;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

function encodeText(text: string, cmap: CjkCMapName): string {
  // GB 2312 is GBK's subset, so for text inside it (the test's) the bytes are the same.
  if (cmap === 'GBK-EUC-H' || cmap === 'GB-EUC-H') return hex(iconv.encode(text, 'gbk'));
  return hex(iconv.encode(text, 'utf16-be'));
}

/** A PDF name with every byte outside the regular characters written as #XX (so `/` in a hostile name stays in the name). */
const pdfName = (name: string) =>
  `/${[...Buffer.from(name, 'latin1')].map((byte) => (byte > 0x20 && byte < 0x7f && !'/#()<>[]{}%'.includes(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`)).join('')}`;

/** The plan text as a PDF whose Chinese font is not embedded; pages follow as the text needs. */
export function nonEmbeddedCjkPdf(lines: readonly string[], options: NonEmbeddedCjkOptions = {}): Uint8Array {
  const cmap = options.cmap ?? 'UniGB-UCS2-H';
  const pages: string[][] = [[]];
  let y = TOP_BASELINE;
  const place = (text: string, x: number) => {
    if (y < BOTTOM) {
      pages.push([]);
      y = TOP_BASELINE;
    }
    pages.at(-1)?.push(`BT /F1 ${FONT_SIZE} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm <${encodeText(text, cmap)}> Tj ET`);
    y -= LINE_STEP;
  };
  lines.forEach((paragraph, index) => {
    const text = paragraph.trim();
    if (text === '') return;
    if (index === 0) {
      // The title, centred, in lines of at most 20 characters.
      for (const line of wrap(text, 8)) {
        const width = [...line].reduce((sum, character) => sum + ems(character), 0) * FONT_SIZE;
        place(line, (PAGE_WIDTH - width) / 2);
      }
      y -= LINE_STEP;
      return;
    }
    wrap(text, 2).forEach((line, i) => place(line, LEFT + (i === 0 ? 2 * FONT_SIZE : 0)));
  });

  // Objects: 1 catalog, 2 page tree, 3 Type0 font, 4 CIDFont, 5 font descriptor, then a page and its content per page.
  const encoding = options.encodingName === undefined ? `/${cmap}` : pdfName(options.encodingName);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${6 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding ${encoding} /DescendantFonts [4 0 R] >>`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500 814 939 500] >>',
    // No FontFile, FontFile2 or FontFile3: the reader's system is to supply the glyphs.
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  pages.forEach((operators, i) => {
    const content = `${operators.join('\n')}\n`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    );
  });

  let pdf = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

/** A short circular in the seed's words: title, document number, addressee, a chapter and two measures with their departments. */
export const CJK_CIRCULAR_LINES: readonly string[] = [
  '山东省人民政府办公厅关于印发山东省贯彻实施质量发展纲要2016年行动计划的通知',
  '鲁政办字〔2016〕103号',
  '各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构:',
  '一、主要措施',
  '1.大力加强质量技术基础建设。认真落实标准化工作改革任务,加快建设一批检验检测技术服务机构。(省质监局牵头,发展改革、经济和信息化、住房城乡建设等部门按职责分工负责)',
  '2.着力强化企业质量管理。加强分类指导,实施精准服务,引导中小企业建立质量管理体系。(经济和信息化、国资、质监等部门按职责分工负责)',
];
