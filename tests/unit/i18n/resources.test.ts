import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messageLeaves, placeholders, type MessageTree } from '../../support/messages';
import { errorCodes, messageKeyFor } from '../../../shared/api/errors';
import { resources } from '../../../shared/i18n/resources';



describe('UI text resources', () => {
  const zh = messageLeaves(resources['zh-CN'].translation as unknown as MessageTree);
  const en = messageLeaves(resources.en.translation as unknown as MessageTree);

  it('has the same keys in zh-CN and en', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(50);
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('writes the Chinese text in Chinese', () => {
    const chinese = [...zh.values()].filter((text) => /\p{Script=Han}/u.test(text));
    expect(chinese.length / zh.size).toBeGreaterThan(0.8);
  });

  it('has a message for every error code in both languages', () => {
    for (const code of errorCodes) {
      expect(zh.has(messageKeyFor(code)), code).toBe(true);
      expect(en.has(messageKeyFor(code)), code).toBe(true);
    }
  });

  it('interpolates through i18next', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    expect(instance.t('errors.db.newer_version', { found: 3, supported: 2 })).toContain('schema version 3');
    await instance.changeLanguage('zh-CN');
    expect(instance.t('errors.db.newer_version', { found: 3, supported: 2 })).toContain('结构版本 3');
  });
});
