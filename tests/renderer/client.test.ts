import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../renderer/api/client';
import { ApiCallError } from '../../shared/api/errors';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The transport is the network boundary: these stand in for the dev host's answers. */
function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('API client over the dev host', () => {
  it('returns the value of a successful call', async () => {
    answer(200, { ok: true, value: { language: 'en', department: null, recentDepartments: [], operator: '', office: false } });
    await expect(call('settings.get', {})).resolves.toMatchObject({ language: 'en' });
  });

  it('throws the typed error a call answered with', async () => {
    answer(200, { ok: false, error: { code: 'department.unknown', messageKey: 'errors.department.unknown', params: { name: 'x' } } });
    await expect(call('settings.get', {})).rejects.toMatchObject({ error: { code: 'department.unknown' } });
  });

  it('tells a refused token from a failing host', async () => {
    answer(403, 'Forbidden');
    await expect(call('settings.get', {})).rejects.toMatchObject({ error: { code: 'request.forbidden' } });
    answer(500, 'Internal error');
    const failure = call('settings.get', {});
    await expect(failure).rejects.toBeInstanceOf(ApiCallError);
    await expect(failure).rejects.toMatchObject({ error: { code: 'internal' } });
  });
});
