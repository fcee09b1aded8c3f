/**
 * Sheets that must be refused or read with care, hand-built so each does exactly one odd thing:
 * a zip bomb, a million rows, formulas never calculated, merged cells, rich shared strings, the
 * quirks of WPS 表格 and other writers, a Word file posing as a workbook, damaged packages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { generatedStream, sharedStringsXml, stylesXml, worksheetXml, writeXlsxPackage, writeZip, xmlEscape } from './package';

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`;

/** The header row every fixture here shares (row 1 unless said otherwise). */
const headerRow = (row = 1) =>
  `<row r="${String(row)}">${inline(`A${String(row)}`, '措施')}${inline(`B${String(row)}`, '任务')}${inline(`C${String(row)}`, '进度')}</row>`;

/**
 * A worksheet of `rows` data rows under the header (1,000,000 by default), streamed through yazl
 * so the file stays small (a few MB) and quick to make.
 */
export async function writeManyRowsXlsx(dir: string, rows = 1_000_000): Promise<string> {
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow()}`;
  const row = (i: number) => {
    const r = String(i + 2);
    return `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" t="s"><v>1</v></c><c r="C${r}"><v>${String(i % 100)}</v></c></row>`;
  };
  return writeXlsxPackage(join(dir, 'many-rows.xlsx'), {
    sheets: [{ name: 'Sheet1', xml: generatedStream(rows, row, head, '</sheetData></worksheet>') }],
    sharedStringsXml: sharedStringsXml(['<t>(一)1</t>', '<t>任务</t>']),
  });
}

/**
 * A shared-strings table of `count` distinct strings (1,000,001 by default, one more than the
 * reader holds) behind a one-cell sheet. `declaredCount` is written on <sst> as Excel writes its
 * count; by default none is, as some generators do.
 */
export async function writeHugeSharedStringsXlsx(
  dir: string,
  count = 1_000_001,
  { declaredCount }: { declaredCount?: number } = {},
): Promise<string> {
  const counts = declaredCount === undefined ? '' : ` count="${String(declaredCount)}" uniqueCount="${String(declaredCount)}"`;
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${counts}>`;
  return writeXlsxPackage(join(dir, 'huge-strings.xlsx'), {
    sheets: [{ name: 'Sheet1', xml: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }],
    sharedStringsXml: generatedStream(count, (i) => `<si><t>${String(i)}</t></si>`, head, '</sst>'),
  });
}

/** Formulas in every cell and no saved result (<f> without <v>), as a generator that never calculates writes them. */
export async function writeFormulasOnlyXlsx(dir: string): Promise<string> {
  const rows = [1, 2, 3]
    .map(
      (r) =>
        `<row r="${String(r)}"><c r="A${String(r)}"><f>1+${String(r)}</f></c><c r="B${String(r)}" t="str"><f>"任务"&amp;${String(r)}</f></c></row>`,
    )
    .join('');
  return writeXlsxPackage(join(dir, 'formulas-only.xlsx'), { sheets: [{ name: 'Sheet1', xml: worksheetXml(rows) }] });
}

/**
 * Merged ranges of every shape: the title across A1:C1, a measure down A3:A5, a block B6:C7, a
 * range reaching far below the last row (A8:A1048576), and one whose top-left is empty (C3:C4).
 */
export async function writeMergedCellsXlsx(dir: string): Promise<string> {
  const rows = [
    `<row r="1">${inline('A1', '标题')}</row>`,
    headerRow(2),
    `<row r="3">${inline('A3', '(一)1')}${inline('B3', '任务甲')}</row>`,
    `<row r="4">${inline('B4', '任务乙')}</row>`,
    `<row r="5"><c r="A5" s="0"/>${inline('B5', '任务丙')}</row>`,
    `<row r="6">${inline('A6', '(一)2')}${inline('B6', '合并块')}</row>`,
    `<row r="7">${inline('A7', '(一)2')}</row>`,
    `<row r="8">${inline('A8', '(二)3')}${inline('B8', '任务丁')}</row>`,
    `<row r="9">${inline('B9', '任务戊')}</row>`,
  ].join('');
  const merges = ['A1:C1', 'A3:A5', 'B6:C7', 'A8:A1048576', 'C3:C4'];
  const after = `<mergeCells count="${String(merges.length)}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`;
  return writeXlsxPackage(join(dir, 'merged.xlsx'), { sheets: [{ name: '合并', xml: worksheetXml(rows, after) }] });
}

/**
 * Shared strings as Excel writes them for formatted text: rich-text runs (joined), a phonetic
 * guide (<rPh>, left out), an escaped line break (_x000D_), entities, an empty string, and a
 * t="s" cell with an empty <v> (no string at all, not string 0).
 */
export async function writeRichStringsXlsx(dir: string): Promise<string> {
  const strings = [
    '<t>措施</t>',
    '<t>任务</t>',
    '<r><rPr><b/><sz val="11"/></rPr><t>质量</t></r><r><rPr><sz val="11"/></rPr><t xml:space="preserve">提升 </t></r><r><t>行动</t></r><rPh sb="0" eb="2"><t>ヒンシツ</t></rPh><phoneticPr fontId="1"/>',
    '<t>第一行_x000D_\n第二行</t>',
    '<t>A &amp; B &lt;C&gt;</t>',
    '<t/>',
    '<t>  两端有空格  </t>',
  ];
  const rows =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>5</v></c><c r="C3" t="s"><v>6</v></c><c r="D3" t="s"><v></v></c></row>';
  return writeXlsxPackage(join(dir, 'rich-strings.xlsx'), {
    sheets: [{ name: 'Sheet1', xml: worksheetXml(rows) }],
    sharedStringsXml: sharedStringsXml(strings),
  });
}

/**
 * What WPS 表格 and other writers do that Excel does not: inline strings, no <dimension>,
 * relationship targets written absolute (/xl/…), rows and cells without r attributes, cached
 * formula results of every type (str, b, e), ISO date cells (t="d"), and the 1904 date system,
 * with number formats: built-in date 14, CJK built-in 58, custom yyyy"年"m"月"d"日", time h:mm,
 * built-in percent 10, custom 0.0%, plain 0.00.
 */
export async function writeQuirksXlsx(dir: string, options: { date1904?: boolean; fileName?: string } = {}): Promise<string> {
  // Styles: 0 General, 1 date (14), 2 CJK date (58), 3 custom 年月日, 4 time h:mm, 5 percent (10), 6 custom 0.0%, 7 0.00
  const styles = stylesXml([0, 14, 58, 164, 20, 10, 165, 2], { 164: 'yyyy"年"m"月"d"日";@', 165: '0.0%' });
  const rows =
    '<row><c t="inlineStr"><is><t>措施</t></is></c><c t="inlineStr"><is><t>任务</t></is></c><c t="inlineStr"><is><r><t>完成</t></r><r><t>时限</t></r></is></c></row>' +
    '<row><c s="1"><v>42643</v></c><c s="2"><v>42643</v></c><c s="3"><v>42643.75</v></c><c s="4"><v>0.5</v></c></row>' +
    '<row><c s="5"><v>0.4</v></c><c s="6"><v>0.125</v></c><c s="7"><v>40</v></c><c><v>0.30000000000000004</v></c></row>' +
    '<row r="6"><c r="A6" t="str"><f>"(一)"&amp;"1"</f><v>(一)1</v></c><c r="B6" t="b"><v>1</v></c><c r="C6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D6" t="d"><v>2016-09-30T00:00:00</v></c><c r="E6"><f>2*20</f><v>40</v></c></row>';
  return writeXlsxPackage(join(dir, options.fileName ?? 'wps-quirks.xlsx'), {
    sheets: [
      { name: 'WPS表格', xml: worksheetXml(rows) },
      { name: '第二页', xml: worksheetXml(`<row r="2">${inline('B2', '第二页的内容')}</row>`) },
    ],
    stylesXml: styles,
    date1904: options.date1904,
    absoluteTargets: true,
  });
}

/**
 * A workbook as the Open XML SDK writes it: every SpreadsheetML name prefixed (x:row, x:c), the
 * relationship attribute under another prefix (rel:id), and a chart sheet before the worksheet.
 */
export async function writePrefixedXlsx(dir: string): Promise<string> {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const cell = (ref: string, value: string) => `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${xmlEscape(value)}</x:t></x:is></x:c>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1">${cell('A1', '措施')}${cell('B1', '任务')}</x:row><x:row r="2">${cell('A2', '(一)1')}<x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:A3"/></x:mergeCells></x:worksheet>`;
  const chart = `<?xml version="1.0" encoding="UTF-8"?><x:chartsheet xmlns:x="${ns}"><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews></x:chartsheet>`;
  return writeXlsxPackage(join(dir, 'prefixed.xlsx'), {
    sheets: [
      { name: '图表', kind: 'chartsheet', xml: chart },
      { name: '数据', xml: sheet },
    ],
    prefixed: true,
  });
}

/** A cell pointing at shared string 5 of a table of two. */
export async function writeMissingSharedStringXlsx(dir: string): Promise<string> {
  return writeXlsxPackage(join(dir, 'missing-string.xlsx'), {
    sheets: [{ name: 'Sheet1', xml: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c></row>') }],
    sharedStringsXml: sharedStringsXml(['<t>措施</t>', '<t>任务</t>']),
  });
}

/** One cell of `chars` characters (200,000 by default: six times what Excel lets a cell hold). */
export async function writeHugeCellXlsx(dir: string, chars = 200_000): Promise<string> {
  const rows = `${headerRow()}<row r="2"><c r="A2" t="inlineStr"><is><t>${'任'.repeat(chars)}</t></is></c></row>`;
  return writeXlsxPackage(join(dir, 'huge-cell.xlsx'), { sheets: [{ name: 'Sheet1', xml: worksheetXml(rows) }] });
}

/** A sheet whose one value sits in column GS (the 201st), beyond the columns a task sheet uses. */
export async function writeWideXlsx(dir: string): Promise<string> {
  return writeXlsxPackage(join(dir, 'wide.xlsx'), {
    sheets: [{ name: 'Sheet1', xml: worksheetXml(`${headerRow()}<row r="2">${inline('GS2', '太宽')}</row>`) }],
  });
}

/** A Word document (.docx is a ZIP too) renamed .xlsx. */
export async function writeDocxAsXlsx(dir: string): Promise<string> {
  return writeZip(join(dir, 'report.xlsx'), [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    },
    {
      name: 'word/document.xml',
      data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
    },
  ]);
}

/** A workbook cut off halfway through, as an interrupted download leaves it. */
export async function writeTruncatedXlsx(dir: string, source: string): Promise<string> {
  const bytes = readFileSync(source);
  const path = join(dir, 'truncated.xlsx');
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return path;
}

/** A well-formed package whose worksheet XML stops mid-row. */
export async function writeCutXmlXlsx(dir: string): Promise<string> {
  const xml = worksheetXml(`${headerRow()}<row r="2">${inline('A2', '(一)1')}`).replace(
    /<\/row><\/sheetData><\/worksheet>$|<\/sheetData><\/worksheet>$/u,
    '',
  );
  return writeXlsxPackage(join(dir, 'cut-xml.xlsx'), { sheets: [{ name: 'Sheet1', xml }] });
}

export interface ZipBombOptions {
  /** What the worksheet really unpacks to (default 1 GiB of spaces inside <sheetData>). */
  unpackedMb?: number;
  /** Declare sizes smaller than the truth (a forged bomb), so only counting while inflating catches it. */
  forgedSizes?: boolean;
}

/**
 * A zip bomb posing as a workbook: its worksheet unpacks to `unpackedMb` MB of whitespace from
 * about a thousandth of that. The deflate stream is one compressed megabyte repeated (full-flush
 * blocks are independent), so it is made in milliseconds; the ZIP is written by hand because
 * yazl would have to compress the whole gigabyte.
 */
export function writeZipBombXlsx(dir: string, options: ZipBombOptions = {}): string {
  const megabytes = options.unpackedMb ?? 1024;
  const head = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  );
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const block = deflateRawSync(spaces, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const headBlock = deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const tail = Buffer.from('</sheetData></worksheet>');
  const tailBlock = deflateRawSync(tail); // final block
  const deflated = Buffer.concat([headBlock, ...Array<Buffer>(megabytes).fill(block), tailBlock]);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(spaces, crc);
  crc = crc32(tail, crc);
  const size = head.length + megabytes * spaces.length + tail.length;

  const smallParts = new Map<string, Buffer>();
  smallParts.set(
    '[Content_Types].xml',
    Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
  );
  smallParts.set(
    '_rels/.rels',
    Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  );
  smallParts.set(
    'xl/workbook.xml',
    Buffer.from(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  );
  smallParts.set(
    'xl/_rels/workbook.xml.rels',
    Buffer.from(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  );
  const entries: RawZipEntry[] = [...smallParts].map(([name, data]) => ({
    name,
    deflated: deflateRawSync(data),
    crc: crc32(data),
    size: data.length,
    declaredSize: data.length,
  }));
  entries.push({ name: 'xl/worksheets/sheet1.xml', deflated, crc, size, declaredSize: options.forgedSizes ? 500 * 1024 : size });
  const path = join(dir, options.forgedSizes ? 'forged-bomb.xlsx' : 'zip-bomb.xlsx');
  writeFileSync(path, rawZip(entries));
  return path;
}

interface RawZipEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written in the headers (a forged bomb declares less than `size`). */
  declaredSize: number;
}

/** A ZIP of already-deflated entries ([APPNOTE] local headers, central directory, end record; no ZIP64). */
function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
