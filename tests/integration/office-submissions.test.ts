import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/db/database';
import { setTrustedSigner } from '../../electron/db/repos/reports';
import { insertSubmission, listSlotVersions, listSubmissions, type NewSubmission } from '../../electron/db/repos/submissions';
import { requireSubmission, submissions, toSubmission } from '../../electron/services/office/submissions';

const sha = (char: string) => char.repeat(64);
let db: Db | undefined;

afterEach(() => db?.close());

async function freshDb(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'planledger-submissions-'));
  db = (await openDatabase({ file: join(dir, 'planledger.sqlite'), backupDir: join(dir, 'backups') })).db;
  return db;
}

function row(overrides: Partial<NewSubmission>): NewSubmission {
  return {
    packageSha256: sha('a'),
    size: 100,
    fileName: '质监-2016年下半年.plreport',
    planSha256: sha('e'),
    planTitle: '计划',
    planDocNumber: null,
    department: '质监',
    periodFrom: '2016-07-01',
    periodTo: '2016-12-31',
    periodLabel: '2016年下半年',
    generatedAt: '2017-01-10T09:00:00+08:00',
    generatedMs: Date.parse('2017-01-10T09:00:00+08:00'),
    signerFingerprint: sha('f'),
    summary: '{"tasks":3}',
    report: null,
    receivedAt: '2017-01-11T01:00:00.000Z',
    ...overrides,
  };
}

describe('submissions', () => {
  it('makes the latest generated version current, whatever the order it arrived in', async () => {
    const db = await freshDb();
    const later = insertSubmission(
      db,
      row({ packageSha256: sha('b'), generatedAt: '2017-01-20T09:00:00+08:00', generatedMs: Date.parse('2017-01-20T09:00:00+08:00') }),
    );
    // Generated earlier in UTC although its text sorts later (another offset).
    const earlier = insertSubmission(
      db,
      row({
        packageSha256: sha('c'),
        generatedAt: '2017-01-20T00:30:00-00:00',
        generatedMs: Date.parse('2017-01-20T00:30:00-00:00') - 86_400_000,
      }),
    );
    const other = insertSubmission(db, row({ packageSha256: sha('d'), department: '财政' }));
    expect(
      listSubmissions(db)
        .map((s) => s.id)
        .sort(),
    ).toEqual([later, other].sort());
    expect(requireSubmission(db, earlier)).toMatchObject({ supersededBy: later, versions: 2 });
    expect(requireSubmission(db, later)).toMatchObject({ supersededBy: null, versions: 2 });
    expect(listSubmissions(db, { includeSuperseded: true })).toHaveLength(3);
    expect(listSubmissions(db, { department: '财政' }).map((s) => s.id)).toEqual([other]);
    expect(
      listSlotVersions(db, { planSha256: sha('e'), department: '质监', periodFrom: '2016-07-01', periodTo: '2016-12-31' }).map((s) => s.id),
    ).toEqual([later, earlier]);
    expect(() => requireSubmission(db, 999)).toThrow(expect.objectContaining({ code: 'office.submission_not_found' }));
  });

  it('reads the signer as trusted only when registered for the same department', async () => {
    const db = await freshDb();
    const id = insertSubmission(db, row({}));
    expect(toSubmission(requireSubmission(db, id)).signer).toEqual({ fingerprint: sha('f'), trust: 'unknown', registeredAs: null });
    setTrustedSigner(db, sha('f'), '财政', '2017-01-01T00:00:00Z');
    expect(submissions(db, {})[0]?.signer.trust).toBe('mismatch');
    setTrustedSigner(db, sha('f'), '质监', '2017-01-01T00:00:00Z');
    expect(submissions(db, {})[0]).toMatchObject({
      signer: { trust: 'trusted' },
      summary: { tasks: 3 },
      period: { label: '2016年下半年' },
    });
  });
});
