import { describe, expect, it } from 'vitest';
import {
  assessListing,
  fileVersion,
  isLockedCode,
  isPackageName,
  nextScanDelay,
  pruneReceived,
  type Observation,
  type Sighting,
} from '../../../electron/services/office/watch-scan';

const file = (path: string, size: number, mtimeMs = 1000): Sighting => ({ path, name: path.split('/').pop()!, size, mtimeMs });

/** Runs the readiness check over a series of scans, carrying its memory along; returns the paths ready at each. */
function scans(steps: { now: number; listing: Sighting[] }[], settleMs = 2000, received = new Map<string, string>()): string[][] {
  let seen: ReadonlyMap<string, Observation> = new Map();
  return steps.map(({ now, listing }) => {
    const assessment = assessListing({ listing, seen, received, now, settleMs });
    seen = assessment.seen;
    for (const ready of assessment.ready) received.set(ready.path, fileVersion(ready));
    return assessment.ready.map((ready) => ready.path);
  });
}

describe('which watched files are ready', () => {
  it('waits for a second scan at least settleMs later that sees the file unchanged', () => {
    expect(
      scans([
        { now: 0, listing: [file('/w/a.plreport', 10)] },
        { now: 1000, listing: [file('/w/a.plreport', 10)] },
        { now: 2000, listing: [file('/w/a.plreport', 10)] },
      ]),
    ).toEqual([[], [], ['/w/a.plreport']]);
  });

  it('starts waiting again whenever the size or the time changes (a copy still going on)', () => {
    expect(
      scans([
        { now: 0, listing: [file('/w/a.plreport', 10, 1)] },
        { now: 3000, listing: [file('/w/a.plreport', 20, 1)] },
        { now: 6000, listing: [file('/w/a.plreport', 20, 2)] },
        { now: 7000, listing: [file('/w/a.plreport', 20, 2)] },
        { now: 8000, listing: [file('/w/a.plreport', 20, 2)] },
      ]),
    ).toEqual([[], [], [], [], ['/w/a.plreport']]);
  });

  it('offers a received file once, and again only when it changes', () => {
    const same = file('/w/a.plreport', 10);
    expect(
      scans([
        { now: 0, listing: [same] },
        { now: 5000, listing: [same] },
        { now: 10_000, listing: [same] },
        { now: 15_000, listing: [file('/w/a.plreport', 11, 2)] },
        { now: 20_000, listing: [file('/w/a.plreport', 11, 2)] },
      ]),
    ).toEqual([[], ['/w/a.plreport'], [], [], ['/w/a.plreport']]);
  });

  it('forgets files that left the folder, so one that comes back settles afresh', () => {
    expect(
      scans([
        { now: 0, listing: [file('/w/a.plreport', 10)] },
        { now: 5000, listing: [] },
        { now: 10_000, listing: [file('/w/a.plreport', 10)] },
        { now: 15_000, listing: [file('/w/a.plreport', 10)] },
      ]),
    ).toEqual([[], [], [], ['/w/a.plreport']]);
  });

  it('counts what is still settling', () => {
    const assessment = assessListing({
      listing: [file('/w/a.plreport', 1), file('/w/b.plreport', 2)],
      seen: new Map([['/w/a.plreport', { size: 1, mtimeMs: 1000, since: 0 }]]),
      received: new Map(),
      now: 5000,
      settleMs: 2000,
    });
    expect(assessment.ready.map((ready) => ready.path)).toEqual(['/w/a.plreport']);
    expect(assessment.settling).toBe(1);
  });

  it('prunes the memory of received files to those still in the folder', () => {
    const received = new Map([
      ['/w/a.plreport', '1:1'],
      ['/w/gone.plreport', '1:1'],
    ]);
    expect(pruneReceived(received, [file('/w/a.plreport', 1, 1)])).toBe(true);
    expect([...received.keys()]).toEqual(['/w/a.plreport']);
    expect(pruneReceived(received, [file('/w/a.plreport', 1, 1)])).toBe(false);
  });

  it('takes only package files, never hidden, Office lock or system entries', () => {
    expect(isPackageName('质监-2016年下半年.plreport')).toBe(true);
    expect(isPackageName('A.PLREPORT')).toBe(true);
    expect(isPackageName('.质监.plreport')).toBe(false);
    expect(isPackageName('~$质监.plreport')).toBe(false);
    expect(isPackageName('报告.docx')).toBe(false);
    expect(isPackageName('质监.plreport.part')).toBe(false);
  });

  it('treats a file another program holds as locked', () => {
    expect(['EBUSY', 'EPERM', 'EACCES'].every(isLockedCode)).toBe(true);
    expect(isLockedCode('ENOENT')).toBe(false);
    expect(isLockedCode(undefined)).toBe(false);
  });

  it('retries an unavailable folder less and less often, up to a ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 10, 60].map((failures) => nextScanDelay(failures, 3000, 60_000))).toEqual([
      3000, 6000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000,
    ]);
  });
});
