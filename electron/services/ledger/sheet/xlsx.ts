/**
 * One worksheet of a .xlsx (as Excel, WPS 表格, exceljs and others write it): the workbook's
 * sheet list and date system, the shared strings, which styles show numbers as dates or
 * percentages, then the worksheet XML streamed row by row, merged ranges filled from their
 * top-left cell at the end.
 */
import { posix } from 'node:path';
import { maxImportRows, type SheetNote } from '../../../../shared/api/calls/ledger';
import { AppError } from '../../../../shared/api/errors';
import { parseCellRef, parseRange, maxSheetColumns, type CellRange } from '../../../../shared/ledger/cell-refs';
import {
  maxCellChars,
  maxMergedRanges,
  maxSharedStringChars,
  maxSharedStrings,
  maxSheetColumnsInUse,
  maxSheetRows,
  maxSmallPartBytes,
} from './limits';
import { formatKind, plainNumberText, serialToDate, type NumberFormatKind } from './number-formats';
import type { SheetCell, SheetRow, SheetTable } from './types';
import { attribute, decodeOoxmlEscapes, scanXml, xmlStream } from './xml';
import { defaultZipPartLimits, type ZipParts } from './zip-parts';

const corrupt = (detail: string) => new AppError('ledger.corrupt', { detail });
// Worded like the package limit: to the user every one of these means a workbook far bigger than a task sheet.
const tooLarge = () => new AppError('ledger.too_large', { limitMb: Math.round(defaultZipPartLimits.maxUnpackedBytes / (1024 * 1024)) });
const isTrue = (value: string | undefined) => value === '1' || value === 'true';

interface Relationship {
  type: string;
  /** The part it points to, resolved to a name in the package. */
  part: string;
}

interface WorkbookSheet {
  name: string;
  part: string;
}

interface Workbook {
  sheets: WorkbookSheet[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

/** The package part a relationship target names: relative to the source part's folder, or absolute ('/xl/…', as WPS writes). */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/') ? target : posix.join(posix.dirname(sourcePart), target);
  return posix.normalize(path).replace(/^\/+/u, '');
}

/** The relationships of `part` (from its _rels/<name>.rels), by id. */
async function readRelationships(zip: ZipParts, part: string): Promise<Map<string, Relationship>> {
  const relsPart = zip.find(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`));
  const relationships = new Map<string, Relationship>();
  if (relsPart === null) return relationships;
  scanXml(await zip.readText(relsPart, maxSmallPartBytes), {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const { Id: id, Type: type = '', Target: target } = attributes;
      if (id && target) relationships.set(id, { type, part: resolveTarget(part, target) });
    },
  });
  return relationships;
}

const relationshipKind = (type: string) => type.slice(type.lastIndexOf('/') + 1);

/** The workbook part, its worksheets in order and the parts they need; null when the package holds no workbook. */
async function readWorkbook(zip: ZipParts): Promise<Workbook | null> {
  const packageRels = await readRelationships(zip, '');
  const officeDocument = [...packageRels.values()].find((rel) => relationshipKind(rel.type) === 'officeDocument');
  const workbookPart = zip.find(officeDocument?.part ?? 'xl/workbook.xml') ?? zip.find('xl/workbook.xml');
  if (workbookPart === null || !/\.xml$/iu.test(workbookPart)) return null;
  const rels = await readRelationships(zip, workbookPart);
  const declared: { name: string; relId: string }[] = [];
  let date1904 = false;
  let sawWorkbook = false;
  scanXml(await zip.readText(workbookPart, maxSmallPartBytes), {
    open(name, attributes) {
      if (name === 'workbook') sawWorkbook = true;
      else if (name === 'workbookPr') date1904 = isTrue(attributes.date1904);
      else if (name === 'sheet') declared.push({ name: attributes.name ?? '', relId: attribute(attributes, 'id', true) ?? '' });
    },
  });
  if (!sawWorkbook) return null;
  const sheets: WorkbookSheet[] = [];
  for (const { name, relId } of declared) {
    const rel = rels.get(relId);
    // Chart sheets and dialog sheets have no cells to import.
    if (rel && relationshipKind(rel.type) === 'worksheet') sheets.push({ name, part: rel.part });
  }
  const partOfKind = (kind: string) => [...rels.values()].find((rel) => relationshipKind(rel.type) === kind)?.part ?? null;
  return {
    sheets,
    date1904,
    sharedStrings: zip.find(partOfKind('sharedStrings') ?? 'xl/sharedStrings.xml'),
    styles: zip.find(partOfKind('styles') ?? 'xl/styles.xml'),
  };
}

/** For each cell style (the `s` of a cell), whether it shows numbers as dates, percentages or plain numbers. */
async function readStyleKinds(zip: ZipParts, part: string | null): Promise<NumberFormatKind[]> {
  if (part === null) return [];
  const customCodes = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  scanXml(await zip.readText(part, maxSmallPartBytes), {
    open(name, attributes) {
      if (name === 'numFmt') customCodes.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => formatKind(id, customCodes));
}

/** The shared strings in order, rich-text runs joined, phonetic guides (<rPh>) left out. */
async function readSharedStrings(zip: ZipParts, part: string | null, signal?: AbortSignal): Promise<string[]> {
  if (part === null) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  let chars = 0;
  const xml = xmlStream({
    open(name, attributes) {
      // Excel and WPS declare how many strings follow; an honest table past the limit is refused
      // before any is read. A missing or understated count is caught by counting below.
      if (name === 'sst' && Number(attributes.uniqueCount) > maxSharedStrings) throw tooLarge();
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = true;
    },
    text(text) {
      if (current && inText && !inPhonetic) {
        chars += text.length;
        if (chars > maxSharedStringChars) throw tooLarge();
        current.push(text);
      }
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && current) {
        strings.push(decodeOoxmlEscapes(current.join('')));
        current = null;
        if (strings.length > maxSharedStrings) throw tooLarge();
      }
    },
  });
  await zip.stream(part, (text) => xml.write(text), signal);
  if (xml.end() > 0) throw corrupt(`${part} ends early`);
  return strings;
}

interface SheetContext {
  sharedStrings: readonly string[];
  styleKinds: readonly NumberFormatKind[];
  date1904: boolean;
  signal?: AbortSignal;
}

interface CellInProgress {
  column: number;
  type: string;
  style: number;
  value: string | null;
  hasFormula: boolean;
  inlineText: string[];
}

function textCell(text: string): SheetCell | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : { kind: 'text', text: trimmed };
}

/** What a finished <c> holds. */
function cellValue(cell: CellInProgress, context: SheetContext): SheetCell | null {
  const { value, type } = cell;
  // Inline text in <is>; a few writers put it in <v> instead.
  if (type === 'inlineStr' && (cell.inlineText.length > 0 || value !== null))
    return textCell(decodeOoxmlEscapes(cell.inlineText.join('') || (value ?? '')));
  if (value === null) return cell.hasFormula ? { kind: 'formula_without_value' } : null;
  switch (type) {
    case 's': {
      if (value.trim() === '') return null; // Number('') would be string 0
      const text = context.sharedStrings[Number(value)];
      if (text === undefined) throw corrupt(`shared string ${value} missing`);
      return textCell(text);
    }
    case 'str':
    case 'e':
      return textCell(decodeOoxmlEscapes(value));
    case 'b':
      return { kind: 'boolean', value: isTrue(value.trim()) };
    case 'd': {
      // ISO 8601 date cells (strict OOXML and some converters).
      const day = /^\d{4}-\d{2}-\d{2}/u.exec(value.trim())?.[0];
      return day ? { kind: 'date', date: day } : textCell(value);
    }
    default: {
      const number = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(number)) return textCell(value);
      const kind = context.styleKinds[cell.style] ?? 'number';
      if (kind === 'date') {
        const date = serialToDate(number, context.date1904);
        if (date) return { kind: 'date', date };
      }
      return { kind: 'number', value: number, text: plainNumberText(number), percent: kind === 'percent' };
    }
  }
}

interface StreamedSheet {
  rows: SheetRow[];
  merges: CellRange[];
  hasValue: boolean;
}

/** Streams the worksheet part: rows with at least one value, and the merged ranges declared after them. */
async function streamWorksheet(zip: ZipParts, part: string, context: SheetContext): Promise<StreamedSheet> {
  const rows: SheetRow[] = [];
  const merges: CellRange[] = [];
  let hasValue = false;
  let sawSheetData = false;
  let rowNumber = 0;
  let cells: (SheetCell | null)[] = [];
  let nonEmpty = false;
  let nextColumn = 0;
  let cell: CellInProgress | null = null;
  let textTarget: 'v' | 't' | null = null;
  let inPhonetic = false;
  let valuePieces: string[] = [];
  let cellChars = 0;

  const finishCell = (finished: CellInProgress) => {
    const value = cellValue(finished, context);
    if (value === null) return;
    if (finished.column >= maxSheetColumnsInUse) throw new AppError('ledger.too_many_columns', { max: maxSheetColumnsInUse });
    if (value.kind !== 'formula_without_value') hasValue = true;
    while (cells.length < finished.column) cells.push(null);
    cells[finished.column] = value;
    nonEmpty = true;
  };

  const xml = xmlStream({
    open(name, attributes) {
      switch (name) {
        case 'sheetData':
          sawSheetData = true;
          break;
        case 'row': {
          const declared = attributes.r === undefined ? NaN : Number(attributes.r);
          rowNumber = Number.isInteger(declared) && declared > 0 ? declared : rowNumber + 1;
          cells = [];
          nonEmpty = false;
          nextColumn = 0;
          break;
        }
        case 'c': {
          const address = attributes.r === undefined ? null : parseCellRef(attributes.r);
          if (attributes.r !== undefined && address === null) throw corrupt(`cell reference ${attributes.r}`);
          const column = address?.column ?? nextColumn;
          if (column >= maxSheetColumns) throw corrupt(`cell beyond column XFD in row ${String(rowNumber)}`);
          nextColumn = column + 1;
          cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: null, hasFormula: false, inlineText: [] };
          cellChars = 0;
          break;
        }
        case 'v':
          if (cell) {
            textTarget = 'v';
            valuePieces = [];
          }
          break;
        case 'f':
          if (cell) cell.hasFormula = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (cell && !inPhonetic) textTarget = 't';
          break;
        case 'mergeCell': {
          const range = parseRange(attributes.ref ?? '');
          if (range) merges.push(range);
          if (merges.length > maxMergedRanges) throw corrupt(`more than ${String(maxMergedRanges)} merged ranges`);
          break;
        }
      }
    },
    text(text) {
      if (textTarget === null) return;
      cellChars += text.length;
      if (cellChars > maxCellChars) throw tooLarge();
      if (textTarget === 'v') valuePieces.push(text);
      else if (cell) cell.inlineText.push(text);
    },
    close(name) {
      switch (name) {
        case 'v':
          if (cell && textTarget === 'v') cell.value = valuePieces.join('');
          textTarget = null;
          break;
        case 't':
          if (textTarget === 't') textTarget = null;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (cell) finishCell(cell);
          cell = null;
          textTarget = null;
          break;
        case 'row':
          if (nonEmpty) {
            while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
            rows.push({ row: rowNumber, cells });
            // Stop streaming as soon as the sheet is too long: the rest is never inflated.
            if (rows.length > maxSheetRows) throw new AppError('ledger.too_many_rows', { max: maxImportRows });
            if (rows.length % 1024 === 0 && context.signal?.aborted) throw new AppError('ledger.cancelled');
          }
          cells = [];
          nonEmpty = false;
          break;
      }
    },
  });
  await zip.stream(part, (text) => xml.write(text), context.signal);
  const unclosed = xml.end();
  if (unclosed > 0 || !sawSheetData) throw corrupt(`${part} ends early`);
  return { rows, merges, hasValue };
}

/**
 * Repeats each merged range's top-left value into every cell it covers (within the rows that
 * hold values and the columns in use), as a reader of the printed sheet would; the number of
 * cells filled.
 */
function fillMergedRanges(rows: SheetRow[], merges: readonly CellRange[]): number {
  if (merges.length === 0 || rows.length === 0) return 0;
  const byNumber = new Map(rows.map((row) => [row.row, row]));
  const firstAtOrAfter = (rowNumber: number) => {
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((rows[middle] as SheetRow).row < rowNumber) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  // Ranges that do not overlap visit each cell once; overlapping ones (a damaged file) could multiply the work.
  let budget = (rows.length + merges.length) * maxSheetColumnsInUse;
  let filled = 0;
  for (const { from, to } of merges) {
    const value = byNumber.get(from.row)?.cells[from.column] ?? null;
    if (value === null) continue;
    const lastColumn = Math.min(to.column, maxSheetColumnsInUse - 1);
    for (let index = firstAtOrAfter(from.row); index < rows.length; index++) {
      const row = rows[index] as SheetRow;
      if (row.row > to.row) break;
      for (let column = from.column; column <= lastColumn; column++) {
        if (--budget < 0) throw corrupt('overlapping merged ranges');
        if (row.row === from.row && column === from.column) continue;
        while (row.cells.length <= column) row.cells.push(null);
        if (row.cells[column] !== value) {
          row.cells[column] = value;
          filled++;
        }
      }
    }
  }
  return filled;
}

/** Reads one worksheet of the workbook in `zip` (null: the first); ledger.format_unknown when the ZIP holds no workbook. */
export async function readXlsx(zip: ZipParts, sheetName: string | null, signal?: AbortSignal): Promise<SheetTable> {
  const workbook = await readWorkbook(zip);
  if (workbook === null) throw new AppError('ledger.format_unknown');
  if (workbook.sheets.length === 0) throw corrupt('the workbook has no worksheet');
  const chosen = sheetName === null ? workbook.sheets[0] : workbook.sheets.find((sheet) => sheet.name === sheetName);
  if (!chosen) throw new AppError('ledger.sheet_not_found', { sheet: sheetName ?? '' });
  const sheetPart = zip.find(chosen.part);
  if (sheetPart === null) throw corrupt(`missing part ${chosen.part}`);

  const styleKinds = await readStyleKinds(zip, workbook.styles);
  const sharedStrings = await readSharedStrings(zip, workbook.sharedStrings, signal);
  const sheet = await streamWorksheet(zip, sheetPart, { sharedStrings, styleKinds, date1904: workbook.date1904, signal });
  if (!sheet.hasValue && sheet.rows.length > 0) throw new AppError('ledger.formulas_only');

  // Rows are written in order; a writer that does not is put right.
  const rows = sheet.rows;
  if (rows.some((row, i) => i > 0 && row.row <= (rows[i - 1] as SheetRow).row)) rows.sort((a, b) => a.row - b.row);
  const notes: SheetNote[] = [];
  const filled = fillMergedRanges(rows, sheet.merges);
  if (filled > 0) notes.push({ code: 'merged_cells_filled', params: { count: filled } });
  return { format: 'xlsx', sheets: workbook.sheets.map((s) => s.name), sheet: chosen.name, rows, notes };
}
