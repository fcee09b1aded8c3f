/**
 * The sheet reader on real files: workbooks written by exceljs and hand-built packages with the
 * quirks of WPS and other writers, CSV in each encoding Excel saves, and every file that must be
 * refused, each refused with its own code, quickly and without the file's size in memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxImportRows } from '../../shared/api/calls/ledger';
import { AppError, type ErrorCode } from '../../shared/api/errors';
import { readSheetFile } from '../../electron/services/ledger/sheet/read';
import type { SheetCell, SheetTable } from '../../electron/services/ledger/sheet/types';
import {
  breakdownHeaders,
  csvTable,
  writeBreakdownAsXls,
  writeBreakdownSavedByLibreOffice,
  writeBreakdownXlsx,
  writeCsvText,
  writeCutXmlXlsx,
  writeDocxAsXlsx,
  writeEncryptedXlsx,
  writeFormulasOnlyXlsx,
  writeGbkCsv,
  writeHugeCellXlsx,
  writeHugeSharedStringsXlsx,
  writeLegacyXls,
  writeManyRowsXlsx,
  writeMergedCellsXlsx,
  writeMissingSharedStringXlsx,
  writePrefixedXlsx,
  writeQuirksXlsx,
  writeRichStringsXlsx,
  writeTruncatedXlsx,
  writeUtf16TabCsv,
  writeUtf8BomCsv,
  writeWideXlsx,
  writeWordDocAsXls,
  writeZipBombXlsx,
} from '../support/sheet-fixtures';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();

const text = (value: string): SheetCell => ({ kind: 'text', text: value });
const number = (value: number, percent = false, shown = String(value)): SheetCell => ({ kind: 'number', value, text: shown, percent });
const date = (day: string): SheetCell => ({ kind: 'date', date: day });

/** Row number → cells, for comparing whole sheets at a glance. */
const byRow = (table: SheetTable) => Object.fromEntries(table.rows.map((row) => [row.row, row.cells]));

interface Measured<T> {
  result: T | undefined;
  error: unknown;
  ms: number;
  /** Growth of the resident set at its highest while the read ran, over where it started. */
  peakRssGrowthMb: number;
}

/** Runs `read`, sampling the process's resident memory every few milliseconds while it runs. */
async function measure<T>(read: () => Promise<T>): Promise<Measured<T>> {
  global.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  let result: T | undefined;
  let error: unknown;
  try {
    result = await read();
  } catch (caught) {
    error = caught;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const measured = { result, error, ms, peakRssGrowthMb: (peakRss - startRss) / (1024 * 1024) };
  return measured;
}

interface RefusalExpectations {
  params?: Record<string, unknown>;
  sheet?: string | null;
  /** How long the refusal may take (a million-row sheet is refused after reading past the row limit). */
  withinMs?: number;
}

/** Reading `path` is refused with `code` (and `params`), within seconds and without holding the file's content. */
async function expectRefused(path: string, code: ErrorCode, expected: RefusalExpectations = {}): Promise<Measured<SheetTable>> {
  const measured = await measure(() => readSheetFile(path, { sheet: expected.sheet ?? null }));
  expect(measured.error).toBeInstanceOf(AppError);
  const error = measured.error as AppError;
  expect(error.code).toBe(code);
  if (expected.params) expect(error.params).toEqual(expected.params);
  expect(measured.ms).toBeLessThan(expected.withinMs ?? 5_000);
  expect(measured.peakRssGrowthMb).toBeLessThan(200);
  return measured;
}

describe('reading .xlsx', () => {
  it('reads a breakdown written by exceljs cell by cell: merged title and measure cells filled, date cells as dates, percentages marked, cached formula results', async () => {
    const table = await readSheetFile(await writeBreakdownXlsx(tempDir()), { sheet: null });
    expect(table.format).toBe('xlsx');
    expect(table.sheets).toEqual(['任务分解表', '说明']);
    expect(table.sheet).toBe('任务分解表');
    const title = text('质监 2016 年质量工作任务分解表');
    expect(byRow(table)).toEqual({
      1: [title, title, title, title, title, title, title],
      2: breakdownHeaders.map(text),
      3: [
        text('(一)1'),
        text('完成年度标准化工作改革任务'),
        text('标准化处 张三'),
        date('2016-09-30'),
        text('进行中'),
        number(0.4, true),
        text('已报送方案'),
      ],
      4: [text('(一)1'), text('建设国家节能家电产业计量测试中心'), text('计量处'), text('2016年9月底前'), text('未开始'), number(40)],
      5: [text('(一)1'), text('推广节能低碳认证'), text('认证处'), text('2016-12-31'), text('已完成'), number(1, true)],
      6: [
        text('(一)2'),
        text('引导中小企业建立质量管理体系'),
        text('质量处 李四'),
        date('2016-11-15'),
        text('进行中'),
        number(0.6, true),
        text('季度调度'),
      ],
      7: [
        text('(二)2'),
        text('建立标准“领跑者”制度'),
        text('标准化处'),
        text('2016年底前'),
        text('受阻'),
        number(0, true),
        text('待财政经费'),
      ],
    });
    expect(table.notes).toEqual([{ code: 'merged_cells_filled', params: { count: 8 } }]);
  });

  it(
    'reads the same breakdown saved again by LibreOffice Calc, another writer with its own strings, styles and formats',
    { timeout: 120_000 },
    async () => {
      const table = await readSheetFile(await writeBreakdownSavedByLibreOffice(tempDir()), { sheet: null });
      expect(table.sheets).toEqual(['任务分解表', '说明']);
      expect(byRow(table)).toEqual(byRow(await readSheetFile(await writeBreakdownXlsx(tempDir()), { sheet: null })));
      expect(table.notes).toEqual([{ code: 'merged_cells_filled', params: { count: 8 } }]);
    },
  );

  it('reads the sheet asked for by name, and refuses a name the workbook does not have', async () => {
    const path = await writeBreakdownXlsx(tempDir());
    const table = await readSheetFile(path, { sheet: '说明' });
    expect(table.sheet).toBe('说明');
    expect(byRow(table)).toEqual({ 1: [text('本表由各处室填报')] });
    await expectRefused(path, 'ledger.sheet_not_found', { params: { sheet: '第三页' }, sheet: '第三页' });
  });

  it('reads what WPS and other writers do differently: inline strings, absolute targets, rows and cells without r, cached results of every type, date and percent formats', async () => {
    const table = await readSheetFile(await writeQuirksXlsx(tempDir()), { sheet: null });
    expect(table.sheets).toEqual(['WPS表格', '第二页']);
    expect(byRow(table)).toEqual({
      1: [text('措施'), text('任务'), text('完成时限')],
      // built-in 14, CJK built-in 58, custom yyyy"年"m"月"d"日" (the time of day dropped); a time of day stays a number
      2: [date('2016-09-30'), date('2016-09-30'), date('2016-09-30'), number(0.5)],
      // built-in 10 and custom 0.0% are percentages; 0.00 is not; float noise rounded to 15 digits as Excel shows it
      3: [number(0.4, true), number(0.125, true), number(40), number(0.30000000000000004, false, '0.3')],
      6: [text('(一)1'), { kind: 'boolean', value: true }, text('#DIV/0!'), date('2016-09-30'), number(40)],
    });
    expect(table.notes).toEqual([]);
    const second = await readSheetFile(await writeQuirksXlsx(tempDir()), { sheet: '第二页' });
    expect(byRow(second)).toEqual({ 2: [null, text('第二页的内容')] });
  });

  it('reads prefixed SpreadsheetML (x:c, rel:id) and passes over chart sheets', async () => {
    const table = await readSheetFile(await writePrefixedXlsx(tempDir()), { sheet: null });
    expect(table.sheets).toEqual(['数据']);
    expect(table.sheet).toBe('数据');
    expect(byRow(table)).toEqual({ 1: [text('措施'), text('任务')], 2: [text('(一)1'), number(7)] });
    await expectRefused(await writePrefixedXlsx(tempDir()), 'ledger.sheet_not_found', { params: { sheet: '图表' }, sheet: '图表' });
  });

  it('counts dates from 1904 in a workbook that uses the 1904 date system', async () => {
    const table = await readSheetFile(await writeQuirksXlsx(tempDir(), { date1904: true }), { sheet: null });
    expect(table.rows[1]?.cells.slice(0, 3)).toEqual([date('2020-10-01'), date('2020-10-01'), date('2020-10-01')]);
    // A t="d" cell is a date whatever the date system.
    expect(table.rows[3]?.cells[3]).toEqual(date('2016-09-30'));
  });

  it('joins rich-text runs, leaves out phonetic guides, decodes escapes and trims surrounding whitespace', async () => {
    const table = await readSheetFile(await writeRichStringsXlsx(tempDir()), { sheet: null });
    expect(byRow(table)).toEqual({
      1: [text('措施'), text('任务')],
      2: [text('质量提升 行动'), text('第一行\r\n第二行')],
      3: [text('A & B <C>'), null, text('两端有空格')],
    });
  });

  it('repeats each merged range’s top-left value into the cells it covers, within the rows that hold values', async () => {
    const table = await readSheetFile(await writeMergedCellsXlsx(tempDir()), { sheet: null });
    expect(byRow(table)).toEqual({
      1: [text('标题'), text('标题'), text('标题')],
      2: [text('措施'), text('任务'), text('进度')],
      3: [text('(一)1'), text('任务甲')],
      4: [text('(一)1'), text('任务乙')],
      5: [text('(一)1'), text('任务丙')],
      6: [text('(一)2'), text('合并块'), text('合并块')],
      7: [text('(一)2'), text('合并块'), text('合并块')],
      8: [text('(二)3'), text('任务丁')],
      // A8:A1048576 reaches a million rows down; only the rows that exist are filled
      9: [text('(二)3'), text('任务戊')],
    });
    expect(table.notes).toEqual([{ code: 'merged_cells_filled', params: { count: 8 } }]);
  });

  it('tells the kind of file by its content, not its name: a .csv named .xlsx is read as CSV', async () => {
    const dir = tempDir();
    const table = await readSheetFile(writeCsvText(dir, 'really-a-csv.xlsx', '措施,任务\n(一)1,任务甲\n'), { sheet: null });
    expect(table.format).toBe('csv');
  });
});

describe('reading .csv', () => {
  const expectedRows = (table: SheetTable) =>
    expect(table.rows.map((row) => row.cells.map((cell) => (cell?.kind === 'text' ? cell.text : null)))).toEqual(
      csvTable.map((row) => {
        const cells = row.map((value) => (value === '' ? null : value));
        while (cells.at(-1) === null) cells.pop();
        return cells;
      }),
    );

  it('reads GBK without a BOM (what Excel saves as "CSV (逗号分隔)" on a Chinese Windows) and says so', async () => {
    const table = await readSheetFile(writeGbkCsv(tempDir()), { sheet: null });
    expect(table.format).toBe('csv');
    expect(table.sheets).toEqual(['任务分解表-gbk']);
    expect(table.sheet).toBe('任务分解表-gbk');
    expectedRows(table);
    expect(table.rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
    expect(table.notes).toEqual([{ code: 'encoding_gbk', params: {} }]);
  });

  it('reads UTF-8 with a BOM, quoted fields with commas and doubled quotes', async () => {
    const table = await readSheetFile(writeUtf8BomCsv(tempDir()), { sheet: null });
    expectedRows(table);
    expect(table.notes).toEqual([]);
  });

  it('reads "Unicode 文本" (UTF-16 LE with a BOM, tab-separated)', async () => {
    const table = await readSheetFile(writeUtf16TabCsv(tempDir()), { sheet: null });
    expectedRows(table);
    expect(table.notes).toEqual([{ code: 'encoding_utf16', params: {} }]);
  });

  it('numbers rows as Excel shows them: a quoted line break stays in its row, empty records are skipped but counted', async () => {
    const path = writeCsvText(tempDir(), 'lines.csv', '措施,任务\r\n\r\n(一)1,"第一行\n第二行"\n,\n(一)2,任务乙');
    const table = await readSheetFile(path, { sheet: null });
    expect(byRow(table)).toEqual({
      1: [text('措施'), text('任务')],
      3: [text('(一)1'), text('第一行\n第二行')],
      5: [text('(一)2'), text('任务乙')],
    });
  });
});

describe('refusing what is not a plain sheet', () => {
  it('refuses a zip bomb (1 GiB of worksheet from 1 MB) before inflating it, by its declared size', async () => {
    await expectRefused(writeZipBombXlsx(tempDir()), 'ledger.too_large', { params: { limitMb: 200 } });
  });

  it('refuses a zip bomb that declares a small size, while inflating, as soon as it passes what it declared', async () => {
    await expectRefused(writeZipBombXlsx(tempDir(), { forgedSizes: true }), 'ledger.too_large');
  });

  it('refuses a worksheet that packs tighter than any real sheet (150 MB from 150 KB) though under the size limit', async () => {
    await expectRefused(writeZipBombXlsx(tempDir(), { unpackedMb: 150 }), 'ledger.too_large', { params: { limitMb: 200 } });
  });

  it('refuses a million rows as soon as the row limit is passed, without reading the rest', { timeout: 120_000 }, async () => {
    const path = await writeManyRowsXlsx(tempDir());
    await expectRefused(path, 'ledger.too_many_rows', { params: { max: maxImportRows }, withinMs: 15_000 });
  });

  it('reads a sheet of exactly the row limit', { timeout: 120_000 }, async () => {
    const table = await readSheetFile(await writeManyRowsXlsx(tempDir(), maxImportRows), { sheet: null });
    expect(table.rows).toHaveLength(maxImportRows + 1);
    expect(table.rows.at(-1)).toEqual({ row: maxImportRows + 1, cells: [text('(一)1'), text('任务'), number((maxImportRows - 1) % 100)] });
  });

  it('refuses a shared-strings table by the count it declares, before reading the strings', async () => {
    // Ten strings follow, but the table says a million and one: the count alone refuses it.
    await expectRefused(await writeHugeSharedStringsXlsx(tempDir(), 10, { declaredCount: 1_000_001 }), 'ledger.too_large', {
      params: { limitMb: 200 },
    });
  });

  it(
    'refuses a shared-strings table that does not declare its size once it passes the limit, and reads one at the limit',
    { timeout: 120_000 },
    async () => {
      // Counting a million strings on a loaded two-core machine takes seconds, as the million-row sheet does.
      await expectRefused(await writeHugeSharedStringsXlsx(tempDir()), 'ledger.too_large', { params: { limitMb: 200 }, withinMs: 15_000 });
      const atLimit = await readSheetFile(await writeHugeSharedStringsXlsx(tempDir(), 1_000_000, { declaredCount: 1_000_000 }), {
        sheet: null,
      });
      expect(byRow(atLimit)).toEqual({ 1: [text('0')] });
    },
  );

  it('refuses a cell of text far past what Excel lets a cell hold, and reads one at Excel’s limit', async () => {
    await expectRefused(await writeHugeCellXlsx(tempDir()), 'ledger.too_large', { params: { limitMb: 200 } });
    const table = await readSheetFile(await writeHugeCellXlsx(tempDir(), 32_767), { sheet: null });
    expect(table.rows[1]?.cells[0]).toEqual(text('任'.repeat(32_767)));
  });

  it('refuses a sheet of formulas without saved results', async () => {
    await expectRefused(await writeFormulasOnlyXlsx(tempDir()), 'ledger.formulas_only');
  });

  it('refuses a value beyond the 200th column', async () => {
    await expectRefused(await writeWideXlsx(tempDir()), 'ledger.too_many_columns', { params: { max: 200 } });
  });

  it('refuses a password-protected workbook', async () => {
    await expectRefused(writeEncryptedXlsx(tempDir()), 'ledger.encrypted');
  });

  it('refuses a legacy .xls (and a WPS .et, which has a Book stream) as legacy', async () => {
    await expectRefused(writeLegacyXls(tempDir()), 'ledger.xls_legacy');
    await expectRefused(writeLegacyXls(tempDir(), '任务.et', 'Book'), 'ledger.xls_legacy');
  });

  it('refuses a real .xls saved by LibreOffice Calc as legacy', { timeout: 120_000 }, async () => {
    await expectRefused(await writeBreakdownAsXls(tempDir()), 'ledger.xls_legacy');
  });

  it('refuses a compound file that is no workbook, a Word document renamed .xlsx, a PDF, a web page and binary junk as not a sheet', async () => {
    const dir = tempDir();
    await expectRefused(writeWordDocAsXls(dir), 'ledger.format_unknown');
    await expectRefused(await writeDocxAsXlsx(dir), 'ledger.format_unknown');
    await expectRefused(writeCsvText(dir, 'a.xlsx', '%PDF-1.7\n1 0 obj\n'), 'ledger.format_unknown');
    await expectRefused(
      writeCsvText(dir, 'b.xls', '<html><body><table><tr><td>措施</td></tr></table></body></html>'),
      'ledger.format_unknown',
    );
    await expectRefused(writeCsvText(dir, 'c.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01])), 'ledger.format_unknown');
  });

  it('refuses a damaged workbook: cut off halfway, or its worksheet XML cut mid-row', async () => {
    const dir = tempDir();
    await expectRefused(await writeTruncatedXlsx(dir, await writeBreakdownXlsx(dir)), 'ledger.corrupt');
    await expectRefused(await writeCutXmlXlsx(dir), 'ledger.corrupt');
  });

  it('refuses a cell pointing past the shared-strings table as damaged', async () => {
    await expectRefused(await writeMissingSharedStringXlsx(tempDir()), 'ledger.corrupt', { params: { detail: 'shared string 5 missing' } });
  });

  it('refuses an empty file as empty and a CSV over 50 MB as too large', async () => {
    const dir = tempDir();
    await expectRefused(writeCsvText(dir, 'empty.csv', ''), 'ledger.empty');
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x41));
    await expectRefused(big, 'ledger.too_large', { params: { limitMb: 50 } });
  });

  it('stops when cancelled', async () => {
    const path = await writeManyRowsXlsx(tempDir(), 50_000);
    const controller = new AbortController();
    controller.abort();
    await expect(readSheetFile(path, { sheet: null, signal: controller.signal })).rejects.toMatchObject({ code: 'ledger.cancelled' });
    const midway = new AbortController();
    const reading = readSheetFile(path, { sheet: null, signal: midway.signal });
    setTimeout(() => midway.abort(), 1);
    await expect(reading).rejects.toMatchObject({ code: 'ledger.cancelled' });
  });
});
