import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/api/calls/jobs';
import { listTasks } from '../../electron/db/repos/tasks';
import { ledgerHeaders, summaryHeaders } from '../../electron/services/ledger/ledger-xlsx';
import { scopeFor } from '../../electron/services/workspace/scope';
import { expectApiError, useBackends, type TestBackend } from '../support/backend';
import { ledgerDepartment, ledgerUnitName, sampleTasks, seedManyTasks, seedSampleLedger } from '../support/ledger-fixtures';
import { useTempDirs } from '../support/temp';
import { readXlsx, serialToDate, serialToDateTime, type XlsxSheet } from '../support/xlsx-xml';

const open = useBackends();
const tempDir = useTempDirs();
// 09:30 in Shanghai on 2017-01-15; the file name and "overdue" go by the machine's local day.
const now = new Date('2017-01-15T01:30:00Z');

async function settle(backend: TestBackend, jobId: string): Promise<Job> {
  return backend.ctx.jobs.settled(jobId);
}

/** Exports as the browser does (a download) and returns the file and the job's result. */
async function exportLedger(backend: TestBackend): Promise<{ path: string; name: string; job: Job }> {
  const { jobId } = await backend.call('ledger.export', { targetId: null });
  const job = await settle(backend, jobId);
  if (job.state !== 'done' || job.result?.kind !== 'ledger.export' || !job.result.download) throw new Error(JSON.stringify(job));
  const file = backend.ctx.files.takeDownload(job.result.download.downloadId);
  if (!file) throw new Error('no download');
  return { ...file, job };
}

const text = (sheet: XlsxSheet, ref: string) => sheet.cells.get(ref)?.value;
const rowValues = (sheet: XlsxSheet, row: number, columns = 'ABCDEFGHIJK') =>
  [...columns].map((column) => sheet.cells.get(`${column}${String(row)}`)?.value ?? null);
/** A serial date-time as the wall clock the machine showed for `iso`. */
const wallClock = (iso: string) => {
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16).replace('T', ' ');
};

describe('ledger.export', () => {
  it('writes a ledger another reader sees cell by cell, with real dates, whole-number progress and text that stays text', async () => {
    const backend = await open({ now: () => now });
    const seeded = await seedSampleLedger(backend);
    const { path, name, job } = await exportLedger(backend);
    expect(name).toBe(`工作台账-${ledgerUnitName}-2017-01-15.xlsx`);
    const result = job.result?.kind === 'ledger.export' ? job.result : null;
    expect(result).toMatchObject({ fileName: name, tasks: 5, measures: seeded.measures.length, size: readFileSync(path).length });

    const file = readXlsx(path);
    expect(file.sheets.map((sheet) => sheet.name)).toEqual(['任务台账', '措施汇总']);
    const [ledger, summary] = file.sheets as [XlsxSheet, XlsxSheet];
    expect(rowValues(ledger, 1, 'ABCDEFGHIJ')).toEqual([...ledgerHeaders]);
    expect(ledger.cells.get('A1')?.bold).toBe(true);

    // Row 2: the first measure's heading, bold on a light fill, no task field filled (the importer passes over it); rows 3-6 its tasks.
    const [first, second] = seeded.measures;
    expect(rowValues(ledger, 2, 'ABCDEFGHJ')).toEqual([first!.label, first!.title, null, null, null, null, null, null, null]);
    expect(ledger.cells.get('A2')).toMatchObject({ bold: true, fillRgb: 'FFF2F2F2' });
    expect(text(ledger, 'I2')).toBe(1); // the measure's own evidence file
    const db = backend.ctx.db;
    const scope = scopeFor(db, ledgerDepartment);
    const stored = listTasks(db, scope.departmentId, first!.id);
    for (const [index, task] of stored.entries()) {
      const row = 3 + index;
      const cell = (column: string) => ledger.cells.get(`${column}${String(row)}`);
      expect(rowValues(ledger, row, 'ABCDFH')).toEqual([
        first!.label,
        first!.title,
        sampleTasks[index]!.text,
        task.owner === '' ? null : task.owner,
        { not_started: '未开始', in_progress: '进行中', done: '已完成', blocked: '受阻' }[task.status],
        task.notes === '' ? null : task.notes,
      ]);
      // Text is text, whatever it starts with.
      for (const column of ['A', 'B', 'C', 'F']) expect(cell(column)?.type).toBe('s');
      if (task.due === null) expect(cell('E')).toMatchObject({ value: undefined });
      else {
        expect(cell('E')).toMatchObject({ type: 'n', numFmt: 'yyyy-mm-dd' });
        expect(serialToDate(Number(cell('E')?.value))).toBe(task.due);
      }
      expect(cell('G')).toMatchObject({ type: 'n', value: task.progress, numFmt: '0"%"' });
      expect(cell('I')).toMatchObject({ type: 'n', value: index === 0 ? 1 : 0 });
      expect(cell('J')).toMatchObject({ type: 'n', numFmt: 'yyyy-mm-dd hh:mm' });
      expect(serialToDateTime(Number(cell('J')?.value))).toBe(wallClock(task.updatedAt));
      expect(cell('C')?.wrap).toBe(true);
      expect(cell('H')?.wrap).toBe(true);
    }
    expect(serialToDate(Number(text(ledger, 'E3')))).toBe('2016-09-30');
    expect(text(ledger, 'E3')).toBe(42643);
    expect(text(ledger, 'H3')).toBe('已印发\n鲁质监发〔2016〕12号');
    expect(text(ledger, 'C4')).toBe('=SUM(A1:A9) 不是公式');
    expect(text(ledger, 'D4')).toBe('+86 0531');
    expect(text(ledger, 'H4')).toBe('-减号开头');
    expect(text(ledger, 'C5')).toBe('@提及 也不是公式');
    // A literal _x0041_ is not read as an escaped "A".
    expect(text(ledger, 'H6')).toBe('附件 plan_x0041_.pdf 名称照录');
    // The second measure: heading, then its one live task (the deleted one is not in the ledger).
    expect(rowValues(ledger, 7, 'ABCH')).toEqual([second!.label, second!.title, null, null]);
    expect(rowValues(ledger, 8, 'ABCFG')).toEqual([second!.label, second!.title, '建立质量档案', '进行中', 60]);
    expect(text(ledger, 'C9')).toBeUndefined();
    // Every other measure still has its heading row.
    const headingRows = ledger.rows.filter(
      (row) => text(ledger, `A${String(row.r)}`) !== '措施编号' && text(ledger, `C${String(row.r)}`) === undefined,
    );
    expect(headingRows.map((row) => text(ledger, `A${String(row.r)}`))).toEqual(seeded.measures.map((measure) => measure.label));
    const lastRow = 1 + seeded.measures.length + 5;
    expect(ledger.rows.at(-1)?.r).toBe(String(lastRow));

    // No formulas anywhere, in either sheet.
    for (const sheet of file.sheets) {
      expect(sheet.raw).not.toMatch(/<f[ >]/u);
      expect([...sheet.cells.values()].filter((cell) => cell.hasFormula)).toEqual([]);
    }

    // Task rows are grouped under their heading, summary rows above.
    const outline = (row: number) => ledger.rows.find((candidate) => candidate.r === String(row))?.outlineLevel;
    expect([outline(2), outline(3), outline(6), outline(7), outline(8)]).toEqual([undefined, '1', '1', undefined, '1']);
    expect(ledger.worksheet.sheetPr.outlinePr).toMatchObject({ summaryBelow: '0' });
    expect(ledger.raw).not.toContain('collapsed=');
    // Rows with wrapped lines are as tall as their lines (spreadsheets do not grow them on opening).
    const height = (row: number) => ledger.rows.find((candidate) => candidate.r === String(row))?.ht;
    expect([height(3), height(4), height(5)]).toEqual(['30', undefined, '45']);
    expect(ledger.worksheet.sheetFormatPr.outlineLevelRow).toBe('1');

    // Frozen header, filter over everything, widths fitted and capped.
    for (const sheet of file.sheets) expect(sheet.worksheet.sheetViews.sheetView.pane).toMatchObject({ ySplit: '1', state: 'frozen' });
    expect(ledger.worksheet.autoFilter.ref).toBe(`A1:J${String(lastRow)}`);
    // A <col> element covers columns min…max.
    const widths = (ledger.worksheet.cols.col as { min: string; max: string; width: string }[]).flatMap((col) =>
      Array.from({ length: Number(col.max) - Number(col.min) + 1 }, () => Number(col.width)),
    );
    expect(widths).toHaveLength(10);
    expect(widths[2]).toBeGreaterThan(widths[5]!); // 任务 is wider than 状态
    expect(widths[1]).toBeLessThanOrEqual(36);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(8);

    // Print setup: A4 landscape, one page wide, header row on every page, title and page numbers.
    for (const sheet of file.sheets) {
      expect(sheet.worksheet.pageSetup).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' });
      expect(sheet.worksheet.sheetPr.pageSetUpPr).toMatchObject({ fitToPage: '1' });
      expect(sheet.worksheet.headerFooter.oddHeader).toContain(`${ledgerUnitName} 工作台账`);
      expect(sheet.worksheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    }
    const definedNames = file.workbook.definedNames.definedName as { name: string; localSheetId: string; '#text': string }[];
    expect(definedNames.map((defined) => [defined.name, defined.localSheetId, defined['#text']])).toEqual([
      ['_xlnm.Print_Titles', '0', "'任务台账'!$1:$1"],
      ['_xlnm.Print_Titles', '1', "'措施汇总'!$1:$1"],
    ]);
    expect(file.core).toContain('<dc:creator>PlanLedger</dc:creator>');
    expect(file.core).toContain('2017-01-15T01:30:00Z');

    // Sheet 2: a row per measure with the tallies, then the totals.
    expect(rowValues(summary, 1)).toEqual([...summaryHeaders]);
    expect(rowValues(summary, 2, 'AB')).toEqual([first!.label, first!.title]);
    expect(['牵头', '配合', '负责']).toContain(text(summary, 'C2'));
    expect(summary.cells.get('J2')).toMatchObject({ type: 'n', numFmt: '0%' });
    // Due 2016-12-31 (and 2016-10-31 in the second measure) is past on 2017-01-15 and the task is not done: overdue.
    expect(rowValues(summary, 2, 'EFGHIJK')).toEqual([4, 1, 1, 1, 1, 0.25, 2]);
    expect(rowValues(summary, 3, 'EFGHIJK')).toEqual([1, 0, 1, 0, 1, 0, 0]);
    expect(rowValues(summary, 4, 'EFGHIJK')).toEqual([0, 0, 0, 0, 0, null, 0]);
    const totalRow = seeded.measures.length + 2;
    expect(rowValues(summary, totalRow)).toEqual(['合计', `${String(seeded.measures.length)} 项措施`, null, null, 5, 1, 2, 1, 2, 0.2, 2]);
    expect(summary.cells.get(`A${String(totalRow)}`)?.bold).toBe(true);
    expect(summary.worksheet.autoFilter.ref).toBe(`A1:K${String(totalRow - 1)}`);
  });

  it('is opened by LibreOffice, which shows the dates as dates and the progress as percentages', { timeout: 120_000 }, async () => {
    const backend = await open({ now: () => now });
    await seedSampleLedger(backend);
    const { path } = await exportLedger(backend);
    const outDir = tempDir();
    const profile = join(tempDir(), `lo-${randomBytes(4).toString('hex')}`);
    const source = join(outDir, 'ledger.xlsx');
    execFileSync('cp', [path, source]);
    // 44,34,76: comma, double quote, UTF-8; 1: from row 1; true at 9: cells as shown (formatted); -1: every sheet to its own file.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        outDir,
        source,
      ],
      { timeout: 110_000, stdio: 'pipe' },
    );
    const files = readdirSync(outDir).filter((name) => name.endsWith('.csv'));
    expect(files.sort()).toEqual(['ledger-任务台账.csv', 'ledger-措施汇总.csv']);
    const ledgerCsv = readFileSync(join(outDir, 'ledger-任务台账.csv'), 'utf8');
    expect(ledgerCsv.split('\n')[0]).toBe(ledgerHeaders.join(','));
    expect(ledgerCsv).toContain('制定质量提升实施方案,王五,2016-09-30,已完成,100%,"已印发\n鲁质监发〔2016〕12号",1,');
    expect(ledgerCsv).toContain('=SUM(A1:A9) 不是公式,+86 0531,2016-12-31,进行中,40%,-减号开头,0,');
    expect(ledgerCsv).toContain(',附件 plan_x0041_.pdf 名称照录,');
    const summaryCsv = readFileSync(join(outDir, 'ledger-措施汇总.csv'), 'utf8');
    expect(summaryCsv).toMatch(/合计,\d+ 项措施,,,5,1,2,1,2,20%,2/u);
  });

  it('names the file after the unit for the save dialog, and writes to the chosen file', async () => {
    const backend = await open({ now: () => now });
    await seedSampleLedger(backend);
    expect(await backend.call('ledger.exportName', {})).toEqual({ fileName: `工作台账-${ledgerUnitName}-2017-01-15.xlsx` });
    // A slash in the unit's name is text, not a folder.
    await backend.call('settings.update', { unitName: { department: ledgerDepartment, fullName: '质监/标准化' } });
    expect(await backend.call('ledger.exportName', {})).toEqual({ fileName: '工作台账-质监_标准化-2017-01-15.xlsx' });
    await backend.call('settings.update', { unitName: { department: ledgerDepartment, fullName: '' } });
    expect(await backend.call('ledger.exportName', {})).toEqual({ fileName: '工作台账-质监-2017-01-15.xlsx' });

    const dir = tempDir();
    const target = join(dir, '台账.xlsx');
    const { id } = backend.ctx.files.registerSaveTarget(target);
    const job = await settle(backend, (await backend.call('ledger.export', { targetId: id })).jobId);
    expect(job).toMatchObject({
      state: 'done',
      result: { kind: 'ledger.export', fileName: '工作台账-质监-2017-01-15.xlsx', download: null },
    });
    expect(readdirSync(dir)).toEqual(['台账.xlsx']);
    expect(readXlsx(target).sheets[0]?.worksheet.headerFooter.oddHeader).toContain('质监 工作台账');
  });

  it('leaves nothing behind when cancelled part way, and says why when the folder cannot be written', async () => {
    const backend = await open({ now: () => now });
    await backend.call('settings.update', { department: ledgerDepartment });
    seedManyTasks(backend.ctx.db, ledgerDepartment, 6000);
    const dir = tempDir();
    const { id } = backend.ctx.files.registerSaveTarget(join(dir, '台账.xlsx'));
    const { jobId } = await backend.call('ledger.export', { targetId: id });
    // Wait for the first progress report, then cancel mid-write.
    while (backend.ctx.jobs.get(jobId).done === 0 && backend.ctx.jobs.get(jobId).state === 'running')
      await new Promise((r) => setTimeout(r, 5));
    expect(backend.ctx.jobs.get(jobId).total).toBe(6000);
    backend.ctx.jobs.cancel(jobId);
    expect((await settle(backend, jobId)).state).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);

    const missing = join(dir, 'no-such-folder', '台账.xlsx');
    const target = backend.ctx.files.registerSaveTarget(missing);
    const failed = await settle(backend, (await backend.call('ledger.export', { targetId: target.id })).jobId);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'file.write_failed', params: { name: '台账.xlsx' } } });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for a department first', async () => {
    const backend = await open({ now: () => now });
    await expectApiError(backend.call('ledger.export', { targetId: null }), 'department.not_chosen');
    await expectApiError(backend.call('ledger.exportName', {}), 'department.not_chosen');
  });
});
