import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { displayWidth } from '../../../shared/display-width';
import { cleanText, roleWord, statusWord } from '../../../shared/report/text';
import { columnLetters } from '../../../shared/ledger/cell-refs';
import type { LedgerMeasureRow, LedgerTaskRow } from '../../db/repos/ledger-export';

/**
 * The department's ledger (工作台账) as .xlsx, streamed row by row with exceljs's
 * WorkbookWriter so 50,000 tasks stay fast and memory stays small. Always in Chinese, like
 * the report files: it goes to people in the same offices. Sheet 1 is one row per task
 * under a bold heading row per measure (grouped, summary above); sheet 2 sums up each
 * measure. The first sheet's header is what the importer recognises, so an exported ledger
 * imports back unchanged: heading rows carry a measure and no task, and are skipped there.
 */

export const ledgerSheetName = '任务台账';
export const summarySheetName = '措施汇总';

export const ledgerHeaders = [
  '措施编号',
  '措施名称',
  '任务',
  '责任人',
  '完成时限',
  '状态',
  '进度',
  '备注',
  '证明材料',
  '最后修改',
] as const;
export const summaryHeaders = [
  '措施编号',
  '措施名称',
  '承担方式',
  '完成时限',
  '任务数',
  '已完成',
  '进行中',
  '受阻',
  '逾期',
  '完成率',
  '证明材料',
] as const;

export interface LedgerSource {
  /** The unit's full official name (单位全称), for the printed page header. */
  unitName: string;
  generatedAt: Date;
  measures: readonly LedgerMeasureRow[];
  /** The widest task text, owner and notes, in display columns: the columns are sized before the first row is written. */
  textWidths: { text: number; owner: number; notes: number };
  /** One measure's live tasks in order, page by page. */
  taskPages(measureId: number): Iterable<readonly LedgerTaskRow[]>;
}

export interface LedgerWriteOptions {
  signal?: AbortSignal;
  /** Tasks written so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Column widths (in characters): at least the header, at most the cap; long text wraps instead. */
const ledgerWidthCaps = [12, 36, 50, 16, 12, 8, 8, 40, 10, 18];
const summaryWidthCaps = [12, 50, 10, 12, 8, 8, 8, 8, 8, 8, 10];

const dateFormat = 'yyyy-mm-dd';
const dateTimeFormat = 'yyyy-mm-dd hh:mm';
/** 40 shows as 40%: the stored value stays the whole number the app and the importer use. */
const progressFormat = '0"%"';
const rateFormat = '0%';
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const measureFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const bold: Partial<ExcelJS.Font> = { bold: true };
const topAligned: Partial<ExcelJS.Alignment> = { vertical: 'top' };
const wrappedTopAligned: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

/**
 * Cell styles, one object each: exceljs looks a style up by object identity before it
 * serialises it, so sharing the objects (and never changing them) is what keeps 500,000
 * styled cells fast.
 */
const styles = {
  header: {
    font: bold,
    fill: headerFill,
    border: { bottom: { style: 'thin' } },
    alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  },
  text: { alignment: topAligned },
  wrapped: { alignment: wrappedTopAligned },
  date: { numFmt: dateFormat, alignment: topAligned },
  dateTime: { numFmt: dateTimeFormat, alignment: topAligned },
  progress: { numFmt: progressFormat, alignment: topAligned },
  rate: { numFmt: rateFormat, alignment: topAligned },
  measure: { font: bold, fill: measureFill, alignment: topAligned },
  measureWrapped: { font: bold, fill: measureFill, alignment: wrappedTopAligned },
  total: { font: bold, border: { top: { style: 'thin' } }, alignment: topAligned },
  totalRate: { font: bold, border: { top: { style: 'thin' } }, numFmt: rateFormat, alignment: topAligned },
} satisfies Record<string, Partial<ExcelJS.Style>>;

/** The style of each column of a task row, a measure heading row, and a summary row. */
const taskStyles = [
  styles.text,
  styles.wrapped,
  styles.wrapped,
  styles.text,
  styles.date,
  styles.text,
  styles.progress,
  styles.wrapped,
  styles.text,
  styles.dateTime,
];
const headingStyles = [
  styles.measure,
  styles.measureWrapped,
  styles.measure,
  styles.measure,
  styles.measure,
  styles.measure,
  styles.measure,
  styles.measure,
  styles.measure,
  styles.measure,
];
const summaryStyles = [
  styles.text,
  styles.wrapped,
  styles.text,
  styles.date,
  styles.text,
  styles.text,
  styles.text,
  styles.text,
  styles.text,
  styles.rate,
  styles.text,
];
const totalStyles = summaryStyles.map((_, index) => (index === 9 ? styles.totalRate : styles.total));

/** Gives every cell of the row its column's style, empty cells included (so fills and borders run the full width). */
function styleRow(row: ExcelJS.Row, columnStyles: readonly Partial<ExcelJS.Style>[]): void {
  columnStyles.forEach((style, index) => {
    row.getCell(index + 1).style = style;
  });
}

/** Points per line of 11 pt text, what spreadsheets use for a default row. */
const lineHeight = 15;

/** How many lines `text` takes in a wrapped column `width` characters wide (each line break starts one). */
export function linesIn(text: string, width = 10): number {
  if (text.length * 2 < width) return text.includes('\n') ? text.split('\n').length : 1;
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1)));
  return lines;
}

/** Rows between yields to the event loop: the job's cancel and progress get a turn, the zip drains. */
const rowsPerTurn = 500;

/** A calendar day as a spreadsheet date: midnight UTC, which is what a serial date means. */
export function spreadsheetDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** An instant as a spreadsheet date-time: spreadsheets have no zone, so the local wall-clock time is written as if it were UTC. */
export function spreadsheetDateTime(instant: Date): Date {
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
}

/** Page header and footer codes treat & as a command; a literal one is doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/gu, '&&');
}

function printSetup(unitName: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as it takes
      printTitlesRow: '1:1',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&C&"宋体,Bold"&14${headerFooterText(`${unitName} 工作台账`)}`,
      oddFooter: '&C第 &P 页 共 &N 页',
    },
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
  };
}

/**
 * Text as a cell may hold it: no control characters XML cannot carry, line ends as LF, and a
 * literal `_x0041_` kept literal (spreadsheets read _xHHHH_ as an escaped character, so its
 * underscore is escaped as _x005F_; exceljs does not). Nothing is an empty cell.
 */
function cellText(text: string): string | null {
  return text === '' ? null : cleanText(text).replace(/_(?=x[0-9A-Fa-f]{4}_)/gu, '_x005F_');
}

class WidthFitter {
  private readonly widths: number[];
  constructor(
    headers: readonly string[],
    private readonly caps: readonly number[],
  ) {
    this.widths = headers.map((header) => displayWidth(header) + 4); // room for the filter button
  }
  fit(column: number, text: string): void {
    const width = this.widths[column] ?? 0;
    const cap = this.caps[column] ?? Infinity;
    // Nothing to learn once a column is at its cap, or from a text too short to widen it (a character is at most two wide).
    if (width >= cap || text.length * 2 + 2 <= width) return;
    // A wrapped cell's width is its longest line.
    for (const line of text.split('\n')) this.widths[column] = Math.max(this.widths[column] ?? 0, displayWidth(line) + 2);
  }
  /** Makes room for content `width` columns wide. */
  fitWidth(column: number, width: number): void {
    this.widths[column] = Math.max(this.widths[column] ?? 0, width + 2);
  }
  columns(): Partial<ExcelJS.Column>[] {
    return this.widths.map((width, index) => ({ width: Math.min(width, this.caps[index] ?? width) }));
  }
}

function fitLedgerWidths(source: LedgerSource): WidthFitter {
  const fitter = new WidthFitter(ledgerHeaders, ledgerWidthCaps);
  for (const measure of source.measures) {
    fitter.fit(0, measure.label);
    fitter.fit(1, measure.title);
  }
  fitter.fitWidth(2, source.textWidths.text);
  fitter.fitWidth(3, source.textWidths.owner);
  fitter.fitWidth(4, displayWidth('2016-09-30'));
  fitter.fitWidth(7, source.textWidths.notes);
  fitter.fitWidth(9, displayWidth('2016-09-30 12:00'));
  return fitter;
}

/**
 * Writes the ledger to `out` (a file stream the caller owns) and resolves once every byte
 * has been handed to it. On abort it rejects with the signal's reason and leaves the
 * stream destroyed; the caller removes the partial file.
 */
export async function writeLedgerXlsx(
  out: Writable,
  source: LedgerSource,
  options: LedgerWriteOptions = {},
): Promise<{ tasks: number; measures: number }> {
  const { signal, onProgress } = options;
  const totalTasks = source.measures.reduce((sum, measure) => sum + measure.tasks, 0);
  // A write error (disk full, folder gone) is seen once, on the stream: keep it to fail the next turn.
  let failure: unknown = null;
  const failed = new Promise<never>((_, reject) => {
    out.once('error', (error) => {
      failure = error;
      reject(error);
    });
  });
  failed.catch(() => undefined);
  const checkpoint = () => {
    if (failure !== null) throw failure;
    signal?.throwIfAborted();
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'PlanLedger';
  workbook.created = source.generatedAt;
  workbook.modified = source.generatedAt;

  try {
    const fitter = fitLedgerWidths(source);
    checkpoint();
    const ledger = workbook.addWorksheet(ledgerSheetName, {
      ...printSetup(source.unitName),
      properties: { outlineLevelRow: 1, outlineProperties: { summaryBelow: false, summaryRight: false } },
    });
    // exceljs marks a row "collapsed" once its level reaches the sheet's outlineLevelRow. That level
    // is already written (1, above); raising it now keeps the expanded task rows from being so marked.
    ledger.properties.outlineLevelRow = Number.POSITIVE_INFINITY;
    const columns = fitter.columns();
    ledger.columns = columns;
    const widths = columns.map((column) => column.width ?? 10);
    const header = ledger.addRow([...ledgerHeaders]);
    styleRow(
      header,
      ledgerHeaders.map(() => styles.header),
    );
    header.commit();

    let rowNumber = 1;
    let written = 0;
    for (const measure of source.measures) {
      // The heading names the measure and leaves every task field empty: that is how the importer
      // knows it for a heading and passes over it. Its tallies are on the summary sheet.
      const heading = ledger.addRow([
        measure.label,
        cellText(measure.title),
        null,
        null,
        null,
        null,
        null,
        null,
        measure.measureEvidence,
        null,
      ]);
      styleRow(heading, headingStyles);
      const headingLines = linesIn(measure.title, widths[1]);
      if (headingLines > 1) heading.height = headingLines * lineHeight;
      heading.commit();
      rowNumber += 1;

      for (const page of source.taskPages(measure.id)) {
        for (const task of page) {
          const row = ledger.addRow([
            measure.label,
            cellText(measure.title),
            cellText(task.text),
            cellText(task.owner),
            task.due === null ? null : spreadsheetDate(task.due),
            statusWord(task.status),
            task.progress,
            cellText(task.notes),
            task.evidence,
            spreadsheetDateTime(new Date(task.updatedAt)),
          ]);
          row.outlineLevel = 1;
          styleRow(row, taskStyles);
          const lines = Math.max(linesIn(task.text, widths[2]), linesIn(task.notes, widths[7]), linesIn(measure.title, widths[1]));
          // Spreadsheets do not grow a row for wrapped text when they open a file; give it the lines it needs.
          if (lines > 1) row.height = lines * lineHeight;
          row.commit();
          rowNumber += 1;
          written += 1;
          if (written % rowsPerTurn === 0) {
            onProgress?.(written, totalTasks);
            await new Promise((resolve) => setImmediate(resolve));
            checkpoint();
          }
        }
      }
    }
    ledger.autoFilter = `A1:${columnLetters(ledgerHeaders.length - 1)}${String(rowNumber)}`;
    ledger.commit();
    onProgress?.(written, totalTasks);

    writeSummary(workbook, source);
    checkpoint();
    await Promise.race([workbook.commit(), failed]);
    return { tasks: written, measures: source.measures.length };
  } catch (error) {
    // Stop the zip and the file: the caller removes what was written.
    (workbook as unknown as { zip: { abort(): void } }).zip.abort();
    out.destroy();
    throw error;
  }
}

function writeSummary(workbook: ExcelJS.stream.xlsx.WorkbookWriter, source: LedgerSource): void {
  const fitter = new WidthFitter(summaryHeaders, summaryWidthCaps);
  for (const measure of source.measures) {
    fitter.fit(0, measure.label);
    fitter.fit(1, measure.title);
    fitter.fit(2, roleWord(measure.role));
  }
  fitter.fit(3, '2016-09-30');
  const sheet = workbook.addWorksheet(summarySheetName, printSetup(source.unitName));
  sheet.columns = fitter.columns();
  const header = sheet.addRow([...summaryHeaders]);
  styleRow(
    header,
    summaryHeaders.map(() => styles.header),
  );
  header.commit();

  const rate = (done: number, tasks: number) => (tasks === 0 ? null : done / tasks);
  const total = { tasks: 0, done: 0, inProgress: 0, blocked: 0, overdue: 0, evidence: 0 };
  for (const measure of source.measures) {
    const row = sheet.addRow([
      measure.label,
      cellText(measure.title),
      roleWord(measure.role),
      measure.due === null || !/^\d{4}-\d{2}-\d{2}$/u.test(measure.due) ? null : spreadsheetDate(measure.due),
      measure.tasks,
      measure.done,
      measure.inProgress,
      measure.blocked,
      measure.overdue,
      rate(measure.done, measure.tasks),
      measure.evidence,
    ]);
    styleRow(row, summaryStyles);
    row.commit();
    total.tasks += measure.tasks;
    total.done += measure.done;
    total.inProgress += measure.inProgress;
    total.blocked += measure.blocked;
    total.overdue += measure.overdue;
    total.evidence += measure.evidence;
  }
  const totals = sheet.addRow([
    '合计',
    `${String(source.measures.length)} 项措施`,
    null,
    null,
    total.tasks,
    total.done,
    total.inProgress,
    total.blocked,
    total.overdue,
    rate(total.done, total.tasks),
    total.evidence,
  ]);
  styleRow(totals, totalStyles);
  totals.commit();
  // The filter covers the measures, not the total row below them.
  sheet.autoFilter = `A1:${columnLetters(summaryHeaders.length - 1)}${String(source.measures.length + 1)}`;
  sheet.commit();
}
