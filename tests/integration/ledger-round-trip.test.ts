import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../shared/api/calls/ledger';
import { listTasks } from '../../electron/db/repos/tasks';
import { scopeFor } from '../../electron/services/workspace/scope';
import { openAsDepartment, useBackends, type TestBackend } from '../support/backend';
import { ledgerDepartment, seedSampleLedger } from '../support/ledger-fixtures';

const open = useBackends();
const now = new Date('2017-01-15T01:30:00Z');

async function exportLedger(backend: TestBackend): Promise<string> {
  const job = await backend.ctx.jobs.settled((await backend.call('ledger.export', { targetId: null })).jobId);
  const download = job.result?.kind === 'ledger.export' ? job.result.download : null;
  const file = download ? backend.ctx.files.takeDownload(download.downloadId) : undefined;
  if (!file) throw new Error(`export failed: ${JSON.stringify(job)}`);
  return file.path;
}

/** Imports as the app does: the preview's guessed mapping, then the job. */
async function importLedger(backend: TestBackend, path: string): Promise<{ outcome: ImportOutcome; mapping: unknown }> {
  const fileId = backend.ctx.files.registerExisting(path).id;
  const preview = await backend.call('ledger.previewImport', { fileId, sheet: null, mapping: null });
  const job = await backend.ctx.jobs.settled(
    (await backend.call('ledger.import', { fileId, sheet: null, mapping: preview.mapping })).jobId,
  );
  if (job.state !== 'done' || job.result?.kind !== 'ledger.import') throw new Error(`import failed: ${JSON.stringify(job)}`);
  return { outcome: job.result.outcome, mapping: preview.mapping };
}

/** Every live task of the department, measure by measure in order, with what a coordinator typed. */
function ledgerOf(backend: TestBackend): unknown[] {
  const db = backend.ctx.db;
  const scope = scopeFor(db, ledgerDepartment);
  const measures = db.prepare('SELECT id, code FROM measure WHERE plan_id = ? ORDER BY ordinal').all(scope.planId) as {
    id: number;
    code: string;
  }[];
  return measures.flatMap((measure) =>
    listTasks(db, scope.departmentId, measure.id).map(({ measureCode, text, status, progress, owner, due, notes }) => ({
      measureCode,
      text,
      status,
      progress,
      owner,
      due,
      notes,
    })),
  );
}

describe('the ledger round trip', () => {
  it('imports an exported ledger into a fresh data folder with every task identical, and again as all unchanged', async () => {
    const source = await open({ now: () => now });
    await seedSampleLedger(source);
    // More measures, so order across measures counts too.
    const scope = scopeFor(source.ctx.db, ledgerDepartment);
    const third = source.ctx.db
      .prepare(
        `SELECT m.code FROM measure m JOIN measure_department md ON md.measure_id = m.id AND md.department_id = ?
        WHERE m.plan_id = ? ORDER BY m.ordinal LIMIT 1 OFFSET 4`,
      )
      .get(scope.departmentId, scope.planId) as { code: string };
    const [late] = await source.call('tasks.create', { measureCode: third.code, texts: ['(二)3 品牌培育 "引号" & <尖括号>', '第二项'] });
    await source.call('tasks.update', {
      id: late!.id,
      patch: { status: 'done', progress: 100, due: '2016-08-01', notes: '+备注=公式样\n\n空行之后' },
    });
    const expected = ledgerOf(source);
    expect(expected).toHaveLength(7);
    const file = await exportLedger(source);

    const fresh = await openAsDepartment(open, ledgerDepartment, { now: () => now });
    const first = await importLedger(fresh, file);
    expect(first.mapping).toEqual({ measure: 0, task: 2, owner: 3, due: 4, status: 5, progress: 6, notes: 7 });
    expect(first.outcome).toEqual({ added: 7, updated: 0, unchanged: 0, problems: [] });
    expect(ledgerOf(fresh)).toEqual(expected);

    expect((await importLedger(fresh, file)).outcome).toEqual({ added: 0, updated: 0, unchanged: 7, problems: [] });
    expect(ledgerOf(fresh)).toEqual(expected);
    // And into the folder it came from: nothing to do.
    expect((await importLedger(source, file)).outcome).toEqual({ added: 0, updated: 0, unchanged: 7, problems: [] });
  });
});
