/**
 * Hand-built .xlsx packages (SpreadsheetML parts zipped with yazl), for the quirks and hostile
 * sheets no spreadsheet program would write on request: the parts are given as XML text, or
 * the worksheet as a stream when it is too big to hold.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export const SPREADSHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const xmlEscape = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

export interface XlsxSheetPart {
  name: string;
  /** A chart sheet has no cells (default: a worksheet). */
  kind?: 'worksheet' | 'chartsheet';
  /** The worksheet XML, or a stream of it for sheets too big to hold. */
  xml: string | (() => Readable);
}

export interface XlsxPackage {
  sheets: readonly XlsxSheetPart[];
  /** The <sst> part, when cells use t="s" (a stream for a huge one). */
  sharedStringsXml?: string | (() => Readable);
  /** The styles part (numFmts and cellXfs). */
  stylesXml?: string;
  date1904?: boolean;
  /** Relationship targets written absolute (/xl/worksheets/sheet1.xml), as WPS 表格 does. */
  absoluteTargets?: boolean;
  /** workbook.xml with prefixed names (x:workbook, rel:id), as the Open XML SDK writes it. */
  prefixed?: boolean;
}

/** <worksheet> around the given sheetData rows and what follows sheetData (mergeCells…). */
export function worksheetXml(rowsXml: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${REL_NS}"><sheetData>${rowsXml}</sheetData>${after}</worksheet>`;
}

/** <sst> of the given <si> bodies (each already XML: <t>…</t> or rich runs). */
export function sharedStringsXml(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${SPREADSHEET_NS}" count="${String(items.length)}" uniqueCount="${String(items.length)}">${items.map((item) => `<si>${item}</si>`).join('')}</sst>`;
}

/** A styles part whose cellXfs use the given numFmtIds in order (style 0 first), with custom codes for ids ≥ 164. */
export function stylesXml(formatIds: readonly number[], customCodes: Readonly<Record<number, string>> = {}): string {
  const numFmts = Object.entries(customCodes)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`)
    .join('');
  const xfs = formatIds
    .map((id) => `<xf numFmtId="${String(id)}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${SPREADSHEET_NS}">` +
    (numFmts ? `<numFmts count="${String(Object.keys(customCodes).length)}">${numFmts}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${String(formatIds.length)}">${xfs}</cellXfs></styleSheet>`
  );
}

/** The parts of a minimal workbook holding `pkg`, in the order Excel writes them. */
export function xlsxParts(pkg: XlsxPackage): { name: string; data: string | (() => Readable) }[] {
  const target = (path: string) => (pkg.absoluteTargets ? `/xl/${path}` : path);
  const sheetEntries = pkg.sheets.map((sheet, i) => {
    const kind = sheet.kind ?? 'worksheet';
    return { ...sheet, kind, id: `rId${String(i + 1)}`, path: `${kind}s/sheet${String(i + 1)}.xml` };
  });
  const rels = [
    ...sheetEntries.map((s) => `<Relationship Id="${s.id}" Type="${REL_TYPE}/${s.kind}" Target="${target(s.path)}"/>`),
    pkg.stylesXml ? `<Relationship Id="rIdStyles" Type="${REL_TYPE}/styles" Target="${target('styles.xml')}"/>` : '',
    pkg.sharedStringsXml ? `<Relationship Id="rIdStrings" Type="${REL_TYPE}/sharedStrings" Target="${target('sharedStrings.xml')}"/>` : '',
  ].join('');
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheetEntries.map(
      (s) => `<Override PartName="/xl/${s.path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.kind}+xml"/>`,
    ),
    pkg.stylesXml
      ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      : '',
    pkg.sharedStringsXml
      ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
      : '',
  ].join('');
  const parts: { name: string; data: string | (() => Readable) }[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="${pkg.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`,
    },
    { name: 'xl/workbook.xml', data: workbookXml(pkg, sheetEntries) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
  ];
  if (pkg.stylesXml) parts.push({ name: 'xl/styles.xml', data: pkg.stylesXml });
  if (pkg.sharedStringsXml) parts.push({ name: 'xl/sharedStrings.xml', data: pkg.sharedStringsXml });
  for (const sheet of sheetEntries) parts.push({ name: `xl/${sheet.path}`, data: sheet.xml });
  return parts;
}

function workbookXml(pkg: XlsxPackage, sheets: readonly { name: string; id: string }[]): string {
  const x = pkg.prefixed ? 'x:' : '';
  const r = pkg.prefixed ? 'rel' : 'r';
  const namespaces = pkg.prefixed ? `xmlns:x="${SPREADSHEET_NS}" xmlns:rel="${REL_NS}"` : `xmlns="${SPREADSHEET_NS}" xmlns:r="${REL_NS}"`;
  const sheetList = sheets.map((s, i) => `<${x}sheet name="${xmlEscape(s.name)}" sheetId="${String(i + 1)}" ${r}:id="${s.id}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${x}workbook ${namespaces}><${x}workbookPr${pkg.date1904 ? ' date1904="1"' : ''}/><${x}sheets>${sheetList}</${x}sheets></${x}workbook>`;
}

/** Zips `parts` into `path` with yazl, streaming the ones given as streams. */
export async function writeZip(
  path: string,
  parts: readonly { name: string; data: string | Buffer | (() => Readable) }[],
): Promise<string> {
  const zip = new ZipFile();
  for (const part of parts) {
    if (typeof part.data === 'function') zip.addReadStream(part.data(), part.name);
    else zip.addBuffer(Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'), part.name);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

export async function writeXlsxPackage(path: string, pkg: XlsxPackage): Promise<string> {
  return writeZip(path, xlsxParts(pkg));
}

/** A stream of `count` pieces made on demand by `piece(i)`, so a huge part is never held whole. */
export function generatedStream(count: number, piece: (i: number) => string, head = '', tail = ''): () => Readable {
  return () =>
    Readable.from(
      (function* () {
        yield Buffer.from(head, 'utf8');
        const batch: string[] = [];
        for (let i = 0; i < count; i++) {
          batch.push(piece(i));
          if (batch.length === 2000) yield Buffer.from(batch.splice(0).join(''), 'utf8');
        }
        yield Buffer.from(batch.join('') + tail, 'utf8');
      })(),
    );
}
