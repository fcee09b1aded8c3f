import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../../electron/services/handler';
import { createRouter } from '../../../electron/api/router';
import type { Logger } from '../../../electron/lib/log';
import { AppError } from '../../../shared/api/errors';

type LogFn = Logger['error'];

function makeLogger() {
  return { info: vi.fn<LogFn>(), warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() };
}

const settings = { language: 'zh-CN' as const, department: null, recentDepartments: [], operator: '', office: false, unitNames: {} };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': () => ({
      productName: 'PlanLedger',
      version: '0.0.0',
      runtime: 'cli',
      electronVersion: null,
      nodeVersion: '20',
      sqliteVersion: '3',
      schemaVersion: 1,
      platform: 'linux',
      dataDir: '/tmp',
    }),
    'settings.get': () => settings,
    'settings.update': () => settings,
    'plans.active': () => null,
    ...overrides,
  } as Handlers;
}

describe('router', () => {
  it('validates the request before the handler sees it', async () => {
    const update = vi.fn(() => settings);
    const router = createRouter(handlers({ 'settings.update': update }), makeLogger());
    expect(await router.dispatch('settings.update', { language: 'xx' })).toEqual({
      ok: false,
      error: { code: 'request.invalid', messageKey: 'errors.request.invalid', params: { detail: 'language: invalid_value' } },
    });
    expect(await router.dispatch('settings.update', 'nonsense')).toMatchObject({ ok: false, error: { code: 'request.invalid' } });
    expect(update).not.toHaveBeenCalled();
    expect(await router.dispatch('settings.update', { language: 'en' })).toEqual({ ok: true, value: settings });
    expect(update).toHaveBeenCalledWith({ language: 'en' });
  });

  it('refuses calls that are not in the contract', async () => {
    const router = createRouter(handlers(), makeLogger());
    for (const name of ['nope', '__proto__', 'constructor', 42, undefined]) {
      expect(await router.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
    }
  });

  it('passes typed errors through and hides unexpected ones', async () => {
    const log = makeLogger();
    const router = createRouter(
      handlers({
        'settings.get': () => {
          throw new AppError('department.unknown', { name: 'X' });
        },
        'plans.active': () => {
          throw new Error('disk on fire at /secret/path');
        },
      }),
      log,
    );
    expect(await router.dispatch('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'department.unknown', messageKey: 'errors.department.unknown', params: { name: 'X' } },
    });
    const hidden = await router.dispatch('plans.active', {});
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal', params: {} } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
    expect(log.error).toHaveBeenCalledWith('call failed', expect.objectContaining({ call: 'plans.active' }));
  });

  it('refuses to return an answer that breaks the contract', async () => {
    const log = makeLogger();
    const router = createRouter(handlers({ 'settings.get': () => ({ language: 'klingon' }) as never }), log);
    expect(await router.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.error).toHaveBeenCalledWith('response does not match the contract', expect.anything());
  });
});
