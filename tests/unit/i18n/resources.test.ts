import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorCodes, messageKeyFor } from '../../../shared/api/errors';
import { resources } from '../../../shared/i18n/resources';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1]).sort();

describe('UI text resources', () => {
  const zh = leaves(resources['zh-CN'].translation as unknown as Tree);
  const en = leaves(resources.en.translation as unknown as Tree);

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
