import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { callOrThrow, quietLog } from '../support/call';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();
let backend: Backend | null = null;
afterEach(async () => {
  await backend?.close();
  backend = null;
});

async function open(onSettingsChanged = vi.fn()) {
  backend = await openBackend({ dataDir: tempDir(), runtime: 'cli', logger: quietLog, onSettingsChanged });
  return { backend, router: backend.router, onSettingsChanged };
}

describe('settings', () => {
  it('starts in Chinese with no department', async () => {
    const { router } = await open();
    expect(await router.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { language: 'zh-CN', department: null, recentDepartments: [], operator: '', office: false, unitNames: {} },
    });
  });

  it('remembers the language across restarts and tells listeners', async () => {
    const { router, onSettingsChanged, backend: first } = await open();
    expect(await router.dispatch('settings.update', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(onSettingsChanged).toHaveBeenCalledWith(expect.objectContaining({ language: 'en' }));
    const dataDir = first.layout.dataDir;
    await first.close();

    backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
    expect(await backend.router.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { language: 'en' } });
  });

  it('accepts only departments the plans name, and keeps recent ones for switching', async () => {
    // The embedded plan names both departments.
    const { router } = await open();

    expect(await router.dispatch('settings.update', { department: '不存在的部门' })).toEqual({
      ok: false,
      error: { code: 'department.unknown', messageKey: 'errors.department.unknown', params: { name: '不存在的部门' } },
    });
    expect(await router.dispatch('settings.get', {})).toMatchObject({ value: { department: null } });

    await router.dispatch('settings.update', { department: '经济和信息化' });
    await router.dispatch('settings.update', { department: '质监' });
    expect(await router.dispatch('settings.update', { department: '经济和信息化' })).toEqual({
      ok: true,
      value: {
        language: 'zh-CN',
        department: '经济和信息化',
        recentDepartments: ['经济和信息化', '质监'],
        operator: '',
        office: false,
        unitNames: {},
      },
    });
  });

  it("keeps each department's full official name (单位全称), clears it with an empty name, and refuses unknown departments", async () => {
    const { router, backend: first } = await open();
    expect(
      await router.dispatch('settings.update', { unitName: { department: '质监', fullName: '  山东省质量技术监督局 ' } }),
    ).toMatchObject({
      ok: true,
      value: { unitNames: { 质监: '山东省质量技术监督局' } },
    });
    await router.dispatch('settings.update', { unitName: { department: '经济和信息化', fullName: '山东省经济和信息化委员会' } });
    await router.dispatch('settings.update', { unitName: { department: '经济和信息化', fullName: '' } });
    expect(await router.dispatch('settings.update', { unitName: { department: '不存在的部门', fullName: '某某局' } })).toMatchObject({
      ok: false,
      error: { code: 'department.unknown', params: { name: '不存在的部门' } },
    });
    expect(await router.dispatch('settings.update', { unitName: { department: '质监', fullName: '局'.repeat(101) } })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid' },
    });
    const dataDir = first.layout.dataDir;
    await first.close();
    backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
    const after = await callOrThrow(backend.router, 'settings.get', {});
    expect(after.unitNames).toEqual({ 质监: '山东省质量技术监督局' });
  });

  it('falls back to defaults when a stored value is damaged', async () => {
    const { router, backend: b } = await open();
    b.db.exec(`INSERT INTO setting (key, value) VALUES ('language', '"klingon"'), ('recentDepartments', '42')`);
    expect(await router.dispatch('settings.get', {})).toEqual({
      ok: true,
      value: { language: 'zh-CN', department: null, recentDepartments: [], operator: '', office: false, unitNames: {} },
    });
  });
});
