import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { receivePackages } from '../../electron/services/office/receive';
import { useBackends } from '../support/backend';
import { exportDepartmentPackages, type ExportedPackage } from '../support/office-packages';

const open = useBackends();
let fixtures: string;
let exported: ExportedPackage[];

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'planledger-matrix-received-'));
  exported = await exportDepartmentPackages(fixtures, [
    { department: '经济和信息化', period: '2016-H2', name: '经信-下半年.plreport', at: new Date('2017-01-10T09:00:00+08:00') },
    { department: '发展改革', period: '2016-H2', name: '发改-下半年.plreport', at: new Date('2017-02-03T09:00:00+08:00') },
    { department: '经济和信息化', period: '2016-H2', name: '经信-下半年-更正.plreport', at: new Date('2017-02-06T09:00:00+08:00') },
  ]);
}, 60_000);

afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

describe('the matrix, roll-up and diff over packages received for real', () => {
  it('shows what the departments exported, once the office received the packages', async () => {
    const backend = await open({ now: () => new Date('2017-02-15T04:00:00Z') });
    const summary = await receivePackages(
      backend.ctx,
      exported.map(({ file }) => ({ path: file, name: basename(file) })),
    );
    expect(summary).toMatchObject({ accepted: 3, refused: 0 });
    const [first, , correction] = summary.items;
    const economy = exported[0];
    if (!first?.submissionId || !correction?.submissionId || !economy) throw new Error('not received');

    let halves = await backend.call('office.matrix', { granularity: 'half' });
    const row = (department: string) => halves.rows.find((candidate) => candidate.department === department)?.cells[0];
    expect(halves.periods[0]).toMatchObject({ key: '2016-H2', deadline: '2017-01-31' });
    expect(row('经济和信息化')).toMatchObject({ status: 'untrusted', versions: 2, submissionId: correction.submissionId });

    setTrustedSigner(backend.ctx.db, economy.fingerprint, '经济和信息化', '2017-02-15T04:00:00Z');
    setTrustedSigner(backend.ctx.db, exported[1]?.fingerprint ?? '', '发展改革', '2017-02-15T04:00:00Z');
    halves = await backend.call('office.matrix', { granularity: 'half' });
    // The first version was signed before the deadline: the correction a week after it does not make the report late.
    expect(row('经济和信息化')).toMatchObject({ status: 'received', daysLate: null, versions: 2 });
    expect(row('发展改革')).toMatchObject({ status: 'received_late', daysLate: 3, versions: 1 });
    expect(row('住房城乡建设')).toMatchObject({ status: 'missing_overdue', daysLate: 15 });

    const diff = await backend.call('office.diff', { older: first.submissionId, newer: correction.submissionId });
    expect(diff.older.supersededBy).toBe(correction.submissionId);
    // Nothing changed in the department's data between the two exports.
    expect(diff.entries).toEqual([]);
    // The cell's tasks are the current version's manifest counters.
    expect(row('经济和信息化')?.tasks).toEqual({ total: diff.newer.summary.tasks, done: diff.newer.summary.tasksDone });

    const rollup = await backend.call('office.rollup', { code: '2.1.1' });
    expect(rollup.rows.find((candidate) => candidate.department === '经济和信息化')).toMatchObject({
      submissionId: correction.submissionId,
      trust: 'trusted',
      period: { from: '2016-07-01', to: '2016-12-31' },
      measure: { code: '2.1.1', role: 'responsible' },
    });
    expect(rollup.rows.find((candidate) => candidate.department === '住房城乡建设')?.measure).toBeNull();
  });
});
