import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { messageLeaves } from '../../support/messages';
import {
  FURNITURE_KINDS,
  LAYOUTS,
  PLAN_WARNING_CODES,
  PlanParseError,
  planWarningMessageKey,
  recurrenceSchema,
} from '../../../shared/plan';
import { resources } from '../../../shared/i18n/resources';
import en from '../../../shared/i18n/en/planParser';
import zh from '../../../shared/i18n/zh-CN/planParser';

// Key parity, empty Chinese texts, placeholders and the plan error codes (app errors like any
// other) are checked for all resources, planParser included, in tests/unit/i18n/resources.test.ts.
const zhLeaves = messageLeaves(zh);

describe('planParser messages', () => {
  // English may leave a text empty elsewhere (a date suffix), never a parser message.
  it('has English text for every message', () => {
    for (const [key, text] of messageLeaves(en)) expect(text.trim(), key).not.toBe('');
  });

  it('has a message for every warning code', () => {
    for (const code of PLAN_WARNING_CODES) expect(zhLeaves.has(planWarningMessageKey(code)), code).toBe(true);
    expect(planWarningMessageKey('plan.orphan_clause')).toBe('warnings.plan_orphan_clause');
  });

  it('names every kind of page furniture, layout and recurrence the parser reports', () => {
    for (const kind of FURNITURE_KINDS) expect(zhLeaves.has(`furniture.${kind}`), kind).toBe(true);
    for (const layout of LAYOUTS) expect(zhLeaves.has(`layout.${layout}`), layout).toBe(true);
    for (const recurrence of recurrenceSchema.options) expect(zhLeaves.has(`recurrence.${recurrence}`), recurrence).toBe(true);
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
