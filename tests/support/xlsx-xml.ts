import { execFileSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';

/**
 * Reads an .xlsx the way a test must: unzip and an XML parser, never the library that wrote
 * it. Cells come back with their type as stored (shared or inline string, number, boolean),
 * their number format and whether they are bold, so a test can say "a date cell" or "text".
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = Record<string, any>;

export interface XlsxCell {
  ref: string;
  /** 's' shared string, 'inlineStr', 'n' number (the default), 'b' boolean, 'str' formula result, 'e' error. */
  type: string;
  /** The text of a string cell, the number of a numeric one, undefined when empty. */
  value: string | number | undefined;
  numFmt: string;
  bold: boolean;
  fillRgb: string | undefined;
  wrap: boolean;
  hasFormula: boolean;
}

export interface XlsxSheet {
  name: string;
  /** The sheet's XML as stored. */
  raw: string;
  worksheet: Xml;
  cells: Map<string, XlsxCell>;
  /** Row numbers in order, with their attributes (outlineLevel…). */
  rows: Xml[];
}

export interface XlsxFile {
  sheets: XlsxSheet[];
  workbook: Xml;
  core: string;
  partNames: string[];
}

/** Number formats Excel knows by id; anything from 164 up is spelled out in styles.xml. */
const builtinFormats: Record<string, string> = {
  '0': 'General',
  '1': '0',
  '2': '0.00',
  '9': '0%',
  '10': '0.00%',
  '14': 'mm-dd-yy',
  '22': 'm/d/yy h:mm',
};

export function readXlsx(path: string): XlsxFile {
  const part = (name: string) => execFileSync('unzip', ['-p', path, name], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const partNames = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Cell text exactly as stored: no trimming, no turning "40" into a number.
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name, _path, _leaf, isAttribute) =>
      !isAttribute && ['row', 'c', 'si', 'xf', 'fill', 'font', 'numFmt', 'col', 'sheet', 'definedName', 'r'].includes(name),
  });
  // OOXML escapes characters as _xHHHH_ (_x005F_ is the underscore itself), as spreadsheet programs read them.
  const unescape = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const textOf = (node: unknown): string => {
    if (node === undefined || node === null) return '';
    if (typeof node === 'string') return unescape(node);
    const xml = node as Xml;
    if (xml.t !== undefined) return textOf(xml.t);
    if (Array.isArray(xml.r)) return xml.r.map((run: Xml) => textOf(run.t)).join('');
    return String(xml['#text'] ?? '');
  };
  const workbook = (parser.parse(part('xl/workbook.xml')) as Xml).workbook;
  const strings: string[] = partNames.includes('xl/sharedStrings.xml')
    ? ((parser.parse(part('xl/sharedStrings.xml')) as Xml).sst.si ?? []).map((si: Xml) => textOf(si))
    : [];
  const styles = (parser.parse(part('xl/styles.xml')) as Xml).styleSheet;
  const customFormats = new Map<string, string>(
    (styles.numFmts?.numFmt ?? []).map((format: Xml) => [String(format.numFmtId), String(format.formatCode)]),
  );
  const xfs: Xml[] = styles.cellXfs.xf;
  const fonts: Xml[] = styles.fonts.font;
  const fills: Xml[] = styles.fills.fill;

  const rels = (parser.parse(part('xl/_rels/workbook.xml.rels')) as Xml).Relationships.Relationship;
  const relList: Xml[] = Array.isArray(rels) ? rels : [rels];
  const sheets = (workbook.sheets.sheet as Xml[]).map((sheet): XlsxSheet => {
    const target = String(relList.find((rel) => rel.Id === sheet['r:id'])?.Target).replace(/^\/?(xl\/)?/u, '');
    const raw = part(`xl/${target}`);
    const worksheet = (parser.parse(raw) as Xml).worksheet;
    const rows: Xml[] = worksheet.sheetData?.row ?? [];
    const cells = new Map<string, XlsxCell>();
    for (const row of rows) {
      for (const c of (row.c ?? []) as Xml[]) {
        const type = String(c.t ?? 'n');
        const xf = xfs[Number(c.s ?? 0)] ?? {};
        const numFmtId = String(xf.numFmtId ?? '0');
        let value: string | number | undefined;
        if (type === 's') value = strings[Number(c.v)];
        else if (type === 'inlineStr') value = textOf(c.is);
        else if (c.v !== undefined) value = type === 'n' ? Number(c.v) : String(c.v);
        cells.set(String(c.r), {
          ref: String(c.r),
          type,
          value,
          numFmt: customFormats.get(numFmtId) ?? builtinFormats[numFmtId] ?? numFmtId,
          bold: fonts[Number(xf.fontId ?? 0)]?.b !== undefined,
          fillRgb: fills[Number(xf.fillId ?? 0)]?.patternFill?.fgColor?.rgb,
          wrap: xf.alignment?.wrapText === '1' || xf.alignment?.wrapText === 'true',
          hasFormula: c.f !== undefined,
        });
      }
    }
    return { name: String(sheet.name), raw, worksheet, cells, rows };
  });
  return { sheets, workbook, core: part('docProps/core.xml'), partNames };
}

/** A spreadsheet serial date (days since 1899-12-30) as YYYY-MM-DD. */
export function serialToDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/** A spreadsheet serial date-time as YYYY-MM-DD hh:mm (wall clock, as written). */
export function serialToDateTime(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 16).replace('T', ' ');
}
