import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messageLeaves, placeholders, type MessageTree } from '../../support/messages';
import { errorCodes, messageKeyFor } from '../../../shared/api/errors';
import { i18nDefaults, resources } from '../../../shared/i18n/resources';

describe('UI text resources', () => {
  const zh = messageLeaves(resources['zh-CN'].translation as unknown as MessageTree);
  const en = messageLeaves(resources.en.translation as unknown as MessageTree);

  /** English singular forms ("1 task"), which Chinese does not have: each stands beside its key. */
  const enSingulars = [...en.keys()].filter((key) => key.endsWith('_one'));

  it('has the same keys in zh-CN and en', () => {
    expect([...en.keys()].filter((key) => !enSingulars.includes(key)).sort()).toEqual([...zh.keys()].sort());
    expect(zh.size).toBeGreaterThan(50);
  });

  it('has an English singular only beside a key of both languages, with the same placeholders', () => {
    expect(enSingulars.length).toBeGreaterThan(0);
    for (const key of enSingulars) {
      const base = key.slice(0, -'_one'.length);
      expect(zh.has(base), key).toBe(true);
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(zh.get(base) ?? ''));
    }
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

  it('punctuates the Chinese text with full-width marks (，：；（）？！), as GB/T 15834 asks', () => {
    // Left as written: quoted examples (“(一)1”), placeholders, and the CLI's JSON example.
    const verbatim = /“[^”]*”|\{\{[^}]*\}\}|\{added[^']*\}/gu;
    const halfWidth = [...zh]
      .map(([key, text]) => [key, text, text.replace(verbatim, '')] as const)
      // Chinese text, or marks joining placeholders only (“{{outcome}}（{{count}}）”), not Latin text like “Word 97-2003”.
      .filter(([, text, own]) => /\p{Script=Han}/u.test(text) || !/[A-Za-z]/u.test(own))
      .filter(([, , own]) => /[,:;()?!]/u.test(own))
      .map(([key, text]) => `${key}: ${text}`);
    expect(halfWidth).toEqual([]);
  });

  it('has a message for every error code in both languages', () => {
    for (const code of errorCodes) {
      expect(zh.has(messageKeyFor(code)), code).toBe(true);
      expect(en.has(messageKeyFor(code)), code).toBe(true);
    }
  });

  it('says one thing in the singular in English, and several in the plural', async () => {
    const instance = i18next.createInstance();
    await instance.init({ ...i18nDefaults, resources, lng: 'en' });
    expect(instance.t('workspace.measure.taskCount', { count: 1 })).toBe('1 task');
    expect(instance.t('workspace.measure.taskCount', { count: 2 })).toBe('2 tasks');
    expect(instance.t('workspace.dashboard.daysLeft', { count: 1 })).toBe('1 day left');
    expect(instance.t('workspace.dashboard.attachmentsCount', { count: 1 })).toBe('1 file');
    expect(instance.t('plans.measures', { count: 1 })).toBe('1 measure');
    expect(instance.t('plans.departments', { count: 1 })).toBe('1 department');
    expect(instance.t('plans.picker.measures', { count: 1 })).toBe('1 measure');
    expect(instance.t('plans.picker.measures', { count: 3 })).toBe('3 measures');
  });

  it('interpolates through i18next', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    expect(instance.t('errors.db.newer_version', { found: 3, supported: 2 })).toContain('schema version 3');
    await instance.changeLanguage('zh-CN');
    expect(instance.t('errors.db.newer_version', { found: 3, supported: 2 })).toContain('结构版本 3');
  });
});
