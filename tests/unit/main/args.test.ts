import { describe, expect, it } from 'vitest';
import { parseMainArgs } from '../../../electron/main/args';
import { nativeBindingPath } from '../../../electron/main/native-binding';

describe('Electron command line', () => {
  it('reads --data-dir in both spellings, relative to the working folder', () => {
    expect(parseMainArgs(['electron', '.', '--data-dir', 'data'], '/home/u').dataDir).toBe('/home/u/data');
    expect(parseMainArgs(['electron', '.', '--data-dir=/tmp/x'], '/home/u').dataDir).toBe('/tmp/x');
    expect(parseMainArgs(['PlanLedger.exe'], '/home/u')).toEqual({ dataDir: null, openFile: null });
  });

  it('picks up a report file passed by the file association, ignoring Chromium flags', () => {
    expect(parseMainArgs(['PlanLedger.exe', '--no-sandbox', 'D:\\报告\\经信-2016.plreport'], '/c').openFile).toMatch(
      /经信-2016\.plreport$/u,
    );
    expect(parseMainArgs(['PlanLedger.exe', '--flag=x.plreport'], '/c').openFile).toBeNull();
  });

  it('loads the Electron build of better-sqlite3 beside the Node one', () => {
    expect(nativeBindingPath({ packaged: true, resourcesPath: '/opt/PlanLedger/resources', projectRoot: '/x' })).toBe(
      '/opt/PlanLedger/resources/native/better_sqlite3.node',
    );
    expect(nativeBindingPath({ packaged: false, resourcesPath: '', projectRoot: '/src/planledger' })).toBe(
      `/src/planledger/out/native/${process.platform}-${process.arch}/better_sqlite3.node`,
    );
  });
});
