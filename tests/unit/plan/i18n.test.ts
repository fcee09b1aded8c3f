import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messageLeaves, placeholders, type MessageTree } from '../../support/messages';
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES, PlanParseError, planWarningMessageKey } from '../../../shared/plan';
import { resources } from '../../../shared/i18n/resources';
import en from '../../../shared/i18n/en/planParser';
import zh from '../../../shared/i18n/zh-CN/planParser';


const zhLeaves = messageLeaves(zh);
const enLeaves = messageLeaves(en);

describe('planParser messages', () => {
  it('has the same keys and placeholders in zh-CN and en, none empty', () => {
    // English alone may add a singular beside a key ("1 more note"); the resources test checks those.
    expect([...enLeaves.keys()].filter((key) => !(key.endsWith('_one') && zhLeaves.has(key.slice(0, -'_one'.length)))).sort()).toEqual([...zhLeaves.keys()].sort());
    for (const [key, text] of zhLeaves) {
      expect(text.trim(), key).not.toBe('');
      expect(enLeaves.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('has a message for every warning code, and every error code among the app errors', () => {
    for (const code of PLAN_WARNING_CODES) expect(zhLeaves.has(planWarningMessageKey(code)), code).toBe(true);
    expect(planWarningMessageKey('plan.orphan_clause')).toBe('warnings.plan_orphan_clause');
    const appZh = messageLeaves(resources['zh-CN'].translation as unknown as MessageTree);
    const appEn = messageLeaves(resources.en.translation as unknown as MessageTree);
    for (const code of PLAN_ERROR_CODES) {
      const key = new PlanParseError(code).messageKey;
      expect(key).toBe(`errors.${code}`);
      expect(appZh.has(key), code).toBe(true);
      expect(appEn.has(key), code).toBe(true);
    }
  });

  it('has no warning message without a code', () => {
    const codes = new Set(PLAN_WARNING_CODES.map(planWarningMessageKey));
    for (const key of zhLeaves.keys()) {
      if (key.startsWith('warnings.')) expect(codes.has(key), key).toBe(true);
    }
  });

  it('interpolates the line and error parameters through i18next', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
    expect(instance.t(`planParser.${planWarningMessageKey('plan.unplaced_paragraph')}`, { line: 12 })).toContain('第 12 行');
    const tooLarge = new PlanParseError('plan.too_large', { sizeMb: 25.5, limitMb: 20 });
    expect(instance.t(tooLarge.messageKey, tooLarge.params)).toContain('25.5 MB');
    await instance.changeLanguage('en');
    expect(instance.t(tooLarge.messageKey, tooLarge.params)).toBe('The file is too large (25.5 MB); the limit is 20 MB.');
  });
});
