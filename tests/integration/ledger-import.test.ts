import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/api/calls/ledger';
import type { Task } from '../../shared/api/calls/workspace';
import { guessMapping } from '../../shared/ledger/columns';
import { applyImportPlan, importSheetOf, planSheetImport } from '../../electron/services/ledger/import';
import type { SheetCell, SheetTable } from '../../electron/services/ledger/sheet/types';
import { startLedgerExport } from '../../electron/services/ledger/export';
import { activeScope, scopeFor } from '../../electron/services/workspace/scope';
import { expectApiError, openAsDepartment, useBackends, type TestBackend } from '../support/backend';
import { seedSampleLedger } from '../support/ledger-fixtures';
import { writeCsvText } from '../support/sheet-fixtures';
import { useTempDirs } from '../support/temp';
import {
  breakdownTasks,
  writeBreakdownXlsx,
  writeEncryptedXlsx,
  writeFormulasOnlyXlsx,
  writeLegacyXls,
  writeManyRowsXlsx,
  writeZipBombXlsx,
} from '../support/sheet-fixtures';
import {
  writeTwoRowHeadingXlsx,
  writeZhijianBreakdownCsv,
  writeZhijianBreakdownXlsx,
  zhijianBreakdown,
  type BreakdownRow,
  manyBreakdownRows,
} from '../support/sheet-fixtures/task-breakdowns';

const open = useBackends();
const tempDir = useTempDirs();

async function asZhijian(): Promise<TestBackend> {
  return openAsDepartment(open, '质监');
}

/** Everything an import could change: every task and every history entry, as stored. */
function snapshot(backend: TestBackend): unknown {
  return {
    tasks: backend.db.prepare('SELECT * FROM task ORDER BY id').all(),
    entries: backend.db.prepare('SELECT * FROM entry ORDER BY id').all(),
  };
}

async function tasksOf(backend: TestBackend, code: string): Promise<Task[]> {
  return (await backend.call('workspace.measure', { code })).tasks;
}

/** Imports a file through the API as the app does: preview with the guessed mapping, then the job. */
async function importFile(backend: TestBackend, path: string): Promise<ImportOutcome> {
  const fileId = backend.ctx.files.registerExisting(path).id;
  const preview = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });
  const { jobId } = await backend.call('ledger.import', { fileId, sheet: null, mapping: preview.mapping });
  const job = await backend.ctx.jobs.settled(jobId);
  if (job.state !== 'done' || job.result?.kind !== 'ledger.import')
    throw Object.assign(new Error('import failed'), { apiError: job.error });
  return job.result.outcome;
}

const text = (value: string): SheetCell => ({ kind: 'text', text: value });

/** A sheet held in memory (as the reader gives it): header row 1, then the rows. */
function table(headers: string[], rows: (string | SheetCell | null)[][]): SheetTable {
  return {
    format: 'csv',
    sheets: ['tasks'],
    sheet: 'tasks',
    rows: [headers, ...rows].map((cells, index) => ({
      row: index + 1,
      cells: cells.map((cell) => (cell === null ? null : typeof cell === 'string' ? (cell === '' ? null : text(cell)) : cell)),
    })),
    notes: [],
  };
}

function importTable(backend: TestBackend, sheet: SheetTable): ImportOutcome {
  const read = importSheetOf(sheet);
  const scope = activeScope(backend.db);
  return applyImportPlan(backend.ctx, scope, planSheetImport(backend.ctx, scope, read, guessMapping(read.headers)));
}

describe('importing a task breakdown', () => {
  it('adds the tasks of an .xlsx with every field read, under the measures its rows name', async () => {
    const backend = await asZhijian();
    const path = join(tempDir(), '任务分解表.xlsx');
    await writeZhijianBreakdownXlsx(path);

    expect(await importFile(backend, path)).toEqual({ added: 5, updated: 0, unchanged: 0, problems: [] });
    const first = await tasksOf(backend, '2.1.1');
    expect(first.map(({ text, owner, due, status, progress, notes }) => ({ text, owner, due, status, progress, notes }))).toEqual([
      { text: '完善计量标准体系', owner: '计量处', due: '2016-09-30', status: 'in_progress', progress: 40, notes: '' },
      { text: '建立省级质量基础数据库', owner: '标准化处', due: '2016-12-31', status: 'not_started', progress: 0, notes: '与信息中心共建' },
    ]);
    expect((await tasksOf(backend, '2.1.2')).map((task) => [task.text, task.status, task.progress])).toEqual([
      ['推行首席质量官制度', 'done', 100],
    ]);
    expect((await tasksOf(backend, '2.4.1')).map((task) => [task.text, task.status, task.progress, task.due])).toEqual([
      ['开展重点产品质量安全专项整治', 'blocked', 20, '2016-10-31'],
      ['建立缺陷产品召回制度', 'in_progress', 55, null],
    ]);
  });

  it('reads a .csv in UTF-8 and in GBK the same way', async () => {
    for (const encoding of ['utf8', 'gbk'] as const) {
      const backend = await asZhijian();
      const path = join(tempDir(), `任务分解表-${encoding}.csv`);
      writeZhijianBreakdownCsv(path, { encoding });
      expect(await importFile(backend, path), encoding).toEqual({ added: 5, updated: 0, unchanged: 0, problems: [] });
      expect(
        (await tasksOf(backend, '2.4.1')).map((task) => [task.text, task.progress]),
        encoding,
      ).toEqual([
        ['开展重点产品质量安全专项整治', 20],
        ['建立缺陷产品召回制度', 55],
      ]);
    }
  });

  it('updates on a second import and never duplicates; unchanged rows stay as they are', async () => {
    const backend = await asZhijian();
    const dir = tempDir();
    await writeZhijianBreakdownXlsx(join(dir, 'first.xlsx'));
    await importFile(backend, join(dir, 'first.xlsx'));
    const changed: BreakdownRow[] = zhijianBreakdown.map((row) => [...row]);
    (changed[0] as BreakdownRow)[4] = '已完成';
    (changed[0] as BreakdownRow)[5] = '';
    (changed[1] as BreakdownRow)[2] = '标准化处 王五';
    await writeZhijianBreakdownXlsx(join(dir, 'second.xlsx'), changed);

    expect(await importFile(backend, join(dir, 'second.xlsx'))).toEqual({ added: 0, updated: 2, unchanged: 3, problems: [] });
    const tasks = await tasksOf(backend, '2.1.1');
    expect(tasks).toHaveLength(2);
    expect(tasks.map((task) => [task.status, task.progress, task.owner])).toEqual([
      ['done', 100, '计量处'],
      ['not_started', 0, '标准化处 王五'],
    ]);
    expect(await importFile(backend, join(dir, 'second.xlsx'))).toEqual({ added: 0, updated: 0, unchanged: 5, problems: [] });
  });

  it('records every imported change in the history as if it was typed', async () => {
    const backend = await asZhijian();
    importTable(backend, table(['措施', '任务', '责任人', '状态'], [['(一)1', '任务甲', '张三', '进行中']]));
    importTable(backend, table(['措施', '任务', '状态', '进度'], [['(一)1', '任务甲', '已完成', '']]));
    const detail = await backend.call('workspace.measure', { code: '2.1.1' });
    const history = detail.history
      .map(({ action, field, oldValue, newValue, actor }) => ({ action, field, oldValue, newValue, actor }))
      .reverse();
    expect(history).toEqual([
      { action: 'task.create', field: null, oldValue: null, newValue: '任务甲', actor: '张三' },
      { action: 'task.update', field: 'status', oldValue: 'not_started', newValue: 'in_progress', actor: '张三' },
      { action: 'task.update', field: 'owner', oldValue: '', newValue: '张三', actor: '张三' },
      { action: 'task.update', field: 'status', oldValue: 'in_progress', newValue: 'done', actor: '张三' },
      { action: 'task.update', field: 'progress', oldValue: '0', newValue: '100', actor: '张三' },
    ]);
  });

  it('appends new tasks after the measure’s own, in sheet order', async () => {
    const backend = await asZhijian();
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['已有任务'] });
    importTable(
      backend,
      table(
        ['措施', '任务'],
        [
          ['(一)1', '新任务一'],
          ['(一)2', '别的措施'],
          ['(一)1', '新任务二'],
          ['(一)1', '已有任务'],
        ],
      ),
    );
    expect((await tasksOf(backend, '2.1.1')).map((task) => [task.position, task.text])).toEqual([
      [0, '已有任务'],
      [1, '新任务一'],
      [2, '新任务二'],
    ]);
  });

  it('imports the good rows and names each bad one by its row number as Excel shows it', async () => {
    const backend = await asZhijian();
    const outcome = importTable(
      backend,
      table(
        ['措施', '任务', '进度'],
        [
          ['(一)1', '好任务', '40%'],
          ['(九)9', '未知措施的任务', ''],
          ['(二)1', '别的部门的措施', ''],
          ['(一)1', '坏进度', '大半'],
          ['(一)1', '好任务', ''],
        ],
      ),
    );
    expect(outcome).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      problems: [
        { row: 3, code: 'measure_unknown', params: { value: '(九)9' } },
        { row: 4, code: 'measure_not_assigned', params: { label: '(二)1' } },
        { row: 5, code: 'progress_invalid', params: { value: '大半' } },
        { row: 6, code: 'duplicate_row', params: { first: 2 } },
      ],
    });
    expect((await tasksOf(backend, '2.1.1')).map((task) => task.text)).toEqual(['好任务']);
  });

  it('refuses a sheet in which no row can be imported, changing nothing', async () => {
    const backend = await asZhijian();
    const before = snapshot(backend);
    expect(() =>
      importTable(
        backend,
        table(
          ['措施', '任务'],
          [
            ['(九)9', '甲'],
            ['', '乙'],
          ],
        ),
      ),
    ).toThrow(expect.objectContaining({ code: 'ledger.nothing_to_import', params: { problems: 2 } }));
    expect(snapshot(backend)).toEqual(before);
  });

  it('says there is nothing to import when the sheet holds measure headings and no task', async () => {
    const backend = await asZhijian();
    const before = snapshot(backend);
    expect(() =>
      importTable(
        backend,
        table(
          ['措施编号', '措施名称', '任务'],
          [
            ['(一)1', '大力加强质量技术基础建设', ''],
            ['', '', ''],
          ],
        ),
      ),
    ).toThrow(expect.objectContaining({ code: 'ledger.empty' }));
    expect(snapshot(backend)).toEqual(before);
  });

  it('writes all or nothing: a failure halfway through leaves the ledger as it was', async () => {
    const backend = await asZhijian();
    await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['已有任务'] });
    const before = snapshot(backend);
    // A real SQLite failure on the third new task, after two new tasks and their history were written.
    backend.db.exec(`CREATE TRIGGER fail_third_insert BEFORE INSERT ON task WHEN (SELECT count(*) FROM task) >= 3
                       BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const rows = [
      ['(一)1', '已有任务', '已完成'],
      ['(一)1', '任务一', '进行中'],
      ['(一)2', '任务二', ''],
      ['(一)3', '任务三', ''],
    ];
    expect(() => importTable(backend, table(['措施', '任务', '状态'], rows))).toThrow(/disk trouble/u);
    backend.db.exec('DROP TRIGGER fail_third_insert');
    expect(snapshot(backend)).toEqual(before);
  });
});

describe('the import job', () => {
  it('stops when cancelled while it reads, changing nothing', async () => {
    const backend = await asZhijian();
    const path = join(tempDir(), 'big.xlsx');
    await writeZhijianBreakdownXlsx(path, manyBreakdownRows(10_000));
    const before = snapshot(backend);
    const fileId = backend.ctx.files.registerExisting(path).id;
    const mapping = { measure: 0, task: 1, owner: 2, due: 3, status: 4, progress: 5, notes: 6 };
    const { jobId } = await backend.call('ledger.import', { fileId, sheet: null, mapping });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await backend.call('jobs.cancel', { id: jobId });
    expect(await backend.ctx.jobs.settled(jobId)).toMatchObject({ state: 'cancelled', result: null });
    expect(snapshot(backend)).toEqual(before);
  }, 60_000);
});

describe('the preview', () => {
  it('finds the header below a title row, guesses the mapping, says what would happen, and changes nothing', async () => {
    const backend = await asZhijian();
    const path = join(tempDir(), '任务分解表.xlsx');
    await writeZhijianBreakdownXlsx(path);
    const before = snapshot(backend);
    const fileId = backend.ctx.files.registerExisting(path).id;
    const preview = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });

    expect(preview).toMatchObject({
      fileName: '任务分解表.xlsx',
      format: 'xlsx',
      sheet: '任务分解表',
      headerRow: 2,
      mapping: { measure: 0, task: 1, owner: 2, due: 3, status: 4, progress: 5, notes: 6 },
      rowCount: 5,
      outcome: { added: 5, updated: 0, unchanged: 0, problems: [] },
    });
    expect(preview.notes).toContainEqual({ code: 'header_not_first_row', params: { row: 2 } });
    expect(preview.sample[0]).toEqual({
      row: 3,
      values: {
        measure: '(一)1',
        task: '完善计量标准体系',
        owner: '计量处',
        due: '2016-09-30',
        status: '进行中',
        progress: '40%',
        notes: '',
      },
      action: 'add',
      measureLabel: '(一)1',
    });
    expect(snapshot(backend)).toEqual(before);
  });

  it('shows a sheet with headings it does not know as it is, every column with data included, for the columns to be chosen by hand', async () => {
    const backend = await asZhijian();
    const path = writeCsvText(tempDir(), 'own-headings.csv', '\uFEFF第一列,第二列\r\n(一)1,自定列名的任务,张三\r\n');
    const fileId = backend.ctx.files.registerExisting(path).id;
    const preview = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });
    expect(preview).toMatchObject({
      headerRow: 1,
      columns: [
        { index: 0, header: '第一列' },
        { index: 1, header: '第二列' },
        { index: 2, header: '' },
      ],
      mapping: { measure: null, task: null, owner: null, due: null, status: null, progress: null, notes: null },
      outcome: { added: 0, updated: 0, unchanged: 0, problems: [] },
    });
    expect(preview.sample.map((row) => row.action)).toEqual(['skip']);

    const mapping = { measure: 0, task: 1, owner: 2, due: null, status: null, progress: null, notes: null };
    const mapped = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping });
    expect(mapped.sample[0]).toMatchObject({ action: 'add', measureLabel: '(一)1', values: { task: '自定列名的任务', owner: '张三' } });
    const job = await backend.ctx.jobs.settled((await backend.call('ledger.import', { fileId, sheet: null, mapping })).jobId);
    expect(job.result).toEqual({ kind: 'ledger.import', outcome: { added: 1, updated: 0, unchanged: 0, problems: [] } });
  });

  it('previews a new mapping from the sheet already read, and reads the file again once it changes on disk', async () => {
    const backend = await asZhijian();
    const path = writeCsvText(tempDir(), 'sheet.csv', '\uFEFF措施,任务,责任人\r\n(一)1,原来的任务,张三\r\n');
    // Whole seconds: a time every file system and Node's float seconds keep exactly.
    const wholeSecond = 1_700_000_000;
    utimesSync(path, wholeSecond, wholeSecond);
    const fileId = backend.ctx.files.registerExisting(path).id;
    const first = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });
    expect(first.sample[0]?.values.task).toBe('原来的任务');

    // Same size and time, other bytes: only a preview that reads the file again would notice.
    writeFileSync(path, readFileSync(path).fill(0x20, 3));
    utimesSync(path, wholeSecond, wholeSecond);
    const remapped = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: { ...first.mapping, owner: null } });
    expect(remapped.sample[0]?.values).toMatchObject({ task: '原来的任务', owner: '' });

    // Changed on disk (the user saved it in Excel meanwhile): read anew.
    writeFileSync(path, '\uFEFF措施,任务,责任人\r\n(一)1,改过的任务,李四\r\n');
    const reread = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });
    expect(reread.sample[0]?.values).toMatchObject({ task: '改过的任务', owner: '李四' });
  });

  it('refuses a mapping without a measure or task column, or with a column chosen twice, in words', async () => {
    const backend = await asZhijian();
    const path = join(tempDir(), 'sheet.csv');
    writeZhijianBreakdownCsv(path, { encoding: 'utf8' });
    const fileId = backend.ctx.files.registerExisting(path).id;
    const base = { measure: 0, task: 1, owner: null, due: null, status: null, progress: null, notes: null };
    await expect(backend.call('ledger.previewImport', { fileId, sheet: null, mapping: { ...base, task: null } })).rejects.toMatchObject({
      apiError: { code: 'ledger.mapping_incomplete', params: { fields: '任务内容' } },
    });
    await expect(
      backend.call('ledger.previewImport', { fileId, sheet: null, mapping: { ...base, measure: null, task: null } }),
    ).rejects.toMatchObject({ apiError: { code: 'ledger.mapping_incomplete', params: { fields: '所属措施、任务内容' } } });
    await expect(backend.call('ledger.previewImport', { fileId, sheet: null, mapping: { ...base, owner: 1 } })).rejects.toMatchObject({
      apiError: { code: 'ledger.mapping_duplicate', params: { header: '具体任务' } },
    });
    await expectApiError(
      backend.call('ledger.import', { fileId, sheet: null, mapping: { ...base, measure: null } }).then(async ({ jobId }) => {
        const job = await backend.ctx.jobs.settled(jobId);
        throw Object.assign(new Error('failed'), { apiError: job.error });
      }),
      'ledger.mapping_incomplete',
    );
  });
});

describe('sheets as coordinators keep them', () => {
  it('imports a breakdown whose measure cell is merged down over its tasks, with a calculated progress', async () => {
    const backend = await asZhijian();
    const path = await writeBreakdownXlsx(tempDir());
    expect(await importFile(backend, path)).toEqual({ added: breakdownTasks.length, updated: 0, unchanged: 0, problems: [] });
    expect((await tasksOf(backend, '2.1.1')).map((task) => task.text)).toEqual(
      breakdownTasks.filter((task) => task.measure === '(一)1').map((task) => task.task),
    );
    expect((await tasksOf(backend, '2.1.2')).map((task) => [task.text, task.progress, task.due])).toEqual([
      ['引导中小企业建立质量管理体系', 60, '2016-11-15'],
    ]);
  });

  it('reads a heading of two rows, 完成情况 over 状态 and 进度, matching each column by its sub-heading', async () => {
    const backend = await asZhijian();
    const path = join(tempDir(), '两行表头.xlsx');
    await writeTwoRowHeadingXlsx(path);
    const fileId = backend.ctx.files.registerExisting(path).id;
    const preview = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((column) => column.header)).toEqual([
      '序号',
      '具体任务',
      '牵头处室',
      '配合处室',
      '完成时限',
      '状态',
      '进度',
      '备注',
    ]);
    expect(preview.mapping).toEqual({ measure: 0, task: 1, owner: 2, due: 4, status: 5, progress: 6, notes: 7 });
    expect(preview.notes).toContainEqual({ code: 'header_two_rows', params: { row: 2, subRow: 3 } });
    expect(preview.rowCount).toBe(zhijianBreakdown.length);
    expect(preview.sample[0]?.row).toBe(4);

    expect(await importFile(backend, path)).toEqual({ added: zhijianBreakdown.length, updated: 0, unchanged: 0, problems: [] });
    expect(
      (await tasksOf(backend, '2.1.1')).map(({ text, owner, status, progress, due }) => ({ text, owner, status, progress, due })),
    ).toEqual([
      { text: '完善计量标准体系', owner: '计量处', status: 'in_progress', progress: 40, due: '2016-09-30' },
      { text: '建立省级质量基础数据库', owner: '标准化处', status: 'not_started', progress: 0, due: '2016-12-31' },
    ]);
  });
});

describe('hostile files', () => {
  const cases: [string, (dir: string) => string | Promise<string>, string][] = [
    ['a zip bomb', (dir) => writeZipBombXlsx(dir), 'ledger.too_large'],
    ['1,000,000 rows', (dir) => writeManyRowsXlsx(dir), 'ledger.too_many_rows'],
    ['a formula-only sheet', (dir) => writeFormulasOnlyXlsx(dir), 'ledger.formulas_only'],
    ['a password-protected workbook', (dir) => writeEncryptedXlsx(dir), 'ledger.encrypted'],
    ['an old .xls', (dir) => writeLegacyXls(dir), 'ledger.xls_legacy'],
  ];
  it.each(cases)(
    'refuses %s in one sentence, within seconds, in the preview and the import, changing nothing',
    async (_name, make, code) => {
      const backend = await asZhijian();
      await backend.call('tasks.create', { measureCode: '2.1.1', texts: ['已有任务'] });
      const before = snapshot(backend);
      const fileId = backend.ctx.files.registerExisting(await make(tempDir())).id;
      const started = performance.now();
      await expectApiError(backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null }), code);
      const mapping = { measure: 0, task: 1, owner: null, due: null, status: null, progress: 2, notes: null };
      const job = await backend.ctx.jobs.settled((await backend.call('ledger.import', { fileId, sheet: null, mapping })).jobId);
      expect(job).toMatchObject({ state: 'failed', error: { code } });
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(snapshot(backend)).toEqual(before);
    },
    60_000,
  );
});

describe('the round trip', () => {
  /** Every live task of 质监 as the ledger shows it, measure by measure in order. */
  async function ledgerOf(backend: TestBackend): Promise<Record<string, unknown[]>> {
    const dashboard = await backend.call('workspace.dashboard', {});
    const ledger: Record<string, unknown[]> = {};
    for (const { code } of dashboard.measures) {
      ledger[code] = (await tasksOf(backend, code)).map(({ text, status, progress, owner, due, notes }) => ({
        text,
        status,
        progress,
        owner,
        due,
        notes,
      }));
    }
    return ledger;
  }

  it('imports an exported ledger into a fresh data folder with identical tasks, and back into its own unchanged', async () => {
    const source = await open();
    await seedSampleLedger(source);
    const exported = join(tempDir(), '工作台账.xlsx');
    const exportJob = await source.ctx.jobs.settled(startLedgerExport(source.ctx, scopeFor(source.db, '质监'), exported));
    expect(exportJob.state).toBe('done');

    const fresh = await asZhijian();
    const outcome = await importFile(fresh, exported);
    expect(outcome).toEqual({ added: 5, updated: 0, unchanged: 0, problems: [] });
    expect(await ledgerOf(fresh)).toEqual(await ledgerOf(source));

    const before = snapshot(source);
    expect(await importFile(source, exported)).toEqual({ added: 0, updated: 0, unchanged: 5, problems: [] });
    expect(snapshot(source)).toEqual(before);
  });
});
