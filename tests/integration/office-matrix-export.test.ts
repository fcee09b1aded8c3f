import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { insertSubmission } from '../../electron/db/repos/submissions';
import { statusFills } from '../../electron/services/office/matrix-export';
import { useBackends, type TestBackend } from '../support/backend';
import { signerOf, submissionRow } from '../support/submissions';

const open = useBackends();
const now = new Date('2017-03-15T04:00:00Z');

/** 质监 on time, 财政 late (re-sent), 商务 untrusted, a department the plan does not name with a formula for a name. */
async function office(): Promise<TestBackend> {
  const backend = await open({ now: () => now });
  const db = backend.ctx.db;
  insertSubmission(db, submissionRow('质监', '2017-01', '2017-01-31T17:00:00+08:00'));
  insertSubmission(db, submissionRow('财政', '2017-01', '2017-02-03T09:00:00+08:00'));
  insertSubmission(db, submissionRow('财政', '2017-01', '2017-02-10T09:00:00+08:00'));
  insertSubmission(db, submissionRow('商务', '2017-01', '2017-01-20T09:00:00+08:00'));
  insertSubmission(db, submissionRow('=HYPERLINK("http://x")', '2017-01', '2017-01-20T09:00:00+08:00'));
  for (const department of ['质监', '财政']) setTrustedSigner(db, signerOf(department), department, now.toISOString());
  return backend;
}

async function exported(
  backend: TestBackend,
  format: 'csv' | 'xlsx',
  granularity: 'month' | 'quarter' = 'month',
): Promise<{ name: string; path: string }> {
  const { download } = await backend.call('office.exportMatrix', { granularity, format, targetId: null });
  const file = download ? backend.ctx.files.takeDownload(download.downloadId) : undefined;
  if (!download || !file) throw new Error('no download');
  expect(download.name).toBe(file.name);
  return file;
}

describe('office.exportMatrix', () => {
  it('writes csv as UTF-8 with a BOM, CRLF and quoted, formula-safe cells', async () => {
    const backend = await office();
    const file = await exported(backend, 'csv', 'quarter');
    expect(file.name).toBe('报送情况-鲁政办字〔2016〕103号-按季度.csv');
    const bytes = readFileSync(file.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('部门,2016年第三季度,2016年第四季度,2017年第一季度');
    expect(lines[1]).toBe('报送截止,2017-01-31,2017-01-31,');
    expect(lines[2]).toBe('发展改革,逾期未报（43天）,逾期未报（43天）,未报送');
    // 财政's January report fills Q1, which has no deadline: on time there, two versions.
    expect(lines.find((line) => line.startsWith('财政,'))).toBe('财政,逾期未报（43天）,逾期未报（43天）,已报送（2版）');
    expect(lines.find((line) => line.startsWith('商务,'))).toBe('商务,逾期未报（43天）,逾期未报（43天）,签名人未登记');
    expect(lines).toHaveLength(2 + 27 + 3);
    expect(lines.at(-2)).toBe(`计划未列出的报送部门,"'=HYPERLINK(""http://x"")"`);
    expect(lines.at(-1)).toBe('');
  });

  it('writes xlsx that another reader sees cell by cell: words, fills, real dates, frozen header, filter, legend', async () => {
    const backend = await office();
    const file = await exported(backend, 'xlsx');
    expect(file.name).toBe('报送情况-鲁政办字〔2016〕103号-按月.xlsx');
    // Read with unzip and an XML parser, never with the library that wrote it.
    const part = (name: string) => execFileSync('unzip', ['-p', file.path, name], { encoding: 'utf8' });
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['row', 'c', 'si', 'xf', 'fill', 'numFmt', 'col', 'sheet'].includes(name),
    });
    type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const workbook = parser.parse(part('xl/workbook.xml')) as Xml;
    expect(workbook.workbook.sheets.sheet.map((sheet: Xml) => sheet.name)).toEqual(['报送情况', '图例']);
    const strings = (parser.parse(part('xl/sharedStrings.xml')) as Xml).sst.si.map((si: Xml) => String(si.t?.['#text'] ?? si.t));
    const styles = (parser.parse(part('xl/styles.xml')) as Xml).styleSheet;
    const sheet = (parser.parse(part('xl/worksheets/sheet1.xml')) as Xml).worksheet;

    const cells = new Map<string, Xml>();
    for (const row of sheet.sheetData.row) for (const c of row.c) cells.set(c.r, c);
    const text = (ref: string) => {
      const c = cells.get(ref);
      return c?.t === 's' ? strings[Number(c.v)] : c?.v;
    };
    const fillOf = (ref: string) => {
      const xf = styles.cellXfs.xf[Number(cells.get(ref)?.s ?? 0)];
      return styles.fills.fill[Number(xf.fillId)]?.patternFill?.fgColor?.rgb;
    };
    const formatOf = (ref: string) => {
      const xf = styles.cellXfs.xf[Number(cells.get(ref)?.s ?? 0)];
      return styles.numFmts.numFmt.find((format: Xml) => format.numFmtId === xf.numFmtId)?.formatCode;
    };

    // Months 2016-07 … 2017-03: columns B…J. Rows: header, deadlines, 27 departments.
    expect([text('A1'), text('B1'), text('H1'), text('J1')]).toEqual(['部门', '2016年7月', '2017年1月', '2017年3月']);
    expect(text('A2')).toBe('报送截止');
    // 2017-01-31 as a spreadsheet serial date (days since 1899-12-30), shown as a date.
    expect(Number(cells.get('B2')?.v)).toBe(42766);
    expect(formatOf('B2')).toBe('yyyy-mm-dd');
    expect(cells.get('I2')?.v).toBeUndefined();

    const rowOf = (department: string) => sheet.sheetData.row.find((row: Xml) => text(`A${String(row.r)}`) === department)?.r;
    const quality = String(rowOf('质监'));
    const finance = String(rowOf('财政'));
    const commerce = String(rowOf('商务'));
    expect([text(`H${quality}`), fillOf(`H${quality}`)]).toEqual(['已报送', statusFills.received]);
    expect([text(`H${finance}`), fillOf(`H${finance}`)]).toEqual(['逾期报送（3天，2版）', statusFills.received_late]);
    expect([text(`H${commerce}`), fillOf(`H${commerce}`)]).toEqual(['签名人未登记', statusFills.untrusted]);
    expect([text(`G${commerce}`), fillOf(`G${commerce}`)]).toEqual(['逾期未报（43天）', statusFills.missing_overdue]);
    expect([text(`I${commerce}`), fillOf(`I${commerce}`)]).toEqual(['未报送', statusFills.missing]);

    expect(sheet.sheetViews.sheetView.pane).toMatchObject({ xSplit: '1', ySplit: '2', state: 'frozen' });
    expect(sheet.autoFilter.ref).toBe('A1:J29');
    const widths = sheet.cols.col.map((col: Xml) => Number(col.width));
    expect(widths[0]).toBeGreaterThanOrEqual(16); // 人力资源社会保障: eight wide characters
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);

    const legend = (parser.parse(part('xl/worksheets/sheet2.xml')) as Xml).worksheet.sheetData.row;
    const legendText = legend.flatMap((row: Xml) => row.c.map((c: Xml) => (c.t === 's' ? strings[Number(c.v)] : c.v)));
    for (const word of [
      '已报送',
      '逾期报送',
      '签名人未登记',
      '未报送',
      '逾期未报',
      '山东省贯彻实施质量发展纲要2016年行动计划',
      '=HYPERLINK("http://x")',
    ])
      expect(legendText).toContain(word);
  });
});
