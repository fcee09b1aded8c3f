import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../electron/lib/i18n';
import { errorText } from '../../shared/api/error-text';
import type { ApiError } from '../../shared/api/errors';
import { useBackends, type TestBackend } from '../support/backend';
import { useTempDirs } from '../support/temp';
import { unwritablePlace } from '../support/unwritable';

const openTestBackend = useBackends();
const tempDir = useTempDirs();
const worded = {
  EACCES: { 'zh-CN': '没有访问权限', en: 'permission denied' },
  ENOTDIR: { 'zh-CN': '路径中有一项不是文件夹', en: 'part of the path is not a folder' },
};

/** The error a call fails with, and its message in both languages. */
async function failureOf(call: Promise<unknown>): Promise<{ apiError: ApiError; zh: string; en: string }> {
  const error: unknown = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  const { apiError } = error as { apiError: ApiError };
  const text = (language: 'zh-CN' | 'en') => errorText(createTranslator(language), apiError.messageKey, apiError.params);
  return { apiError, zh: text('zh-CN'), en: text('en') };
}

function targetIn(backend: TestBackend, name: string) {
  const place = unwritablePlace(tempDir(), name);
  return { targetId: backend.ctx.files.registerSaveTarget(place.path).id, code: place.code };
}

describe('files that cannot be written', () => {
  it('say why in words when a plan is exported', async () => {
    const backend = await openTestBackend();
    const active = await backend.call('plans.active', {});
    const { targetId, code } = targetIn(backend, '导出.plan.json');
    const failure = await failureOf(backend.call('plans.export', { planId: active?.id as number, targetId }));
    expect(failure.apiError).toMatchObject({ code: 'file.write_failed', params: { name: '导出.plan.json', reason: code } });
    expect(failure.zh).toBe(`无法写出文件“导出.plan.json”：${worded[code]['zh-CN']}。`);
    expect(failure.en).toContain(worded[code].en);
  });

  it('say why in words when a public key is exported', async () => {
    const backend = await openTestBackend();
    await backend.call('settings.update', { department: '经济和信息化', operator: '张三' });
    await backend.call('reports.createKey', { passphrase: '省质监局报送口令2016' });
    const { targetId, code } = targetIn(backend, '公钥.pem');
    const failure = await failureOf(backend.call('reports.exportPublicKey', { targetId }));
    expect(failure.apiError).toMatchObject({ code: 'file.write_failed', params: { name: '公钥.pem', reason: code } });
    expect(failure.zh).toBe(`无法写出文件“公钥.pem”：${worded[code]['zh-CN']}。`);
  });

  it('keep a code that has no wording as the system gave it', () => {
    const zh = createTranslator('zh-CN');
    expect(errorText(zh, 'errors.report.save_failed', { file: 'a.csv', reason: 'EMFILE' })).toBe('无法保存 a.csv：EMFILE');
    expect(errorText(zh, 'errors.report.save_failed', { file: 'a.csv', reason: 'EACCES' })).toBe('无法保存 a.csv：没有访问权限');
    expect(errorText(zh, 'errors.report.save_failed', { file: 'a.csv', reason: 'odd: text. with dots' })).toBe(
      '无法保存 a.csv：odd: text. with dots',
    );
  });
});
