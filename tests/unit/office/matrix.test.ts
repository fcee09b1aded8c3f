import { describe, expect, it } from 'vitest';
import { userMessage } from '../../../shared/api/error-text';
import { createTranslator } from '../../../electron/lib/i18n';
import { deadlineFor, matrixPeriods, matrixRange } from '../../../electron/services/office/matrix';

describe('matrix periods and range', () => {
  it('covers the months with whole periods spelled as parsePeriod reads them, across year ends', () => {
    expect(matrixPeriods('quarter', '2016-11', '2017-04', []).map((period) => [period.key, period.from, period.to])).toEqual([
      ['2016-Q4', '2016-10-01', '2016-12-31'],
      ['2017-Q1', '2017-01-01', '2017-03-31'],
      ['2017-Q2', '2017-04-01', '2017-06-30'],
    ]);
    expect(matrixPeriods('half', '2016-06', '2016-07', []).map((period) => period.label)).toEqual(['2016年上半年', '2016年下半年']);
    expect(matrixPeriods('month', '2016-02', '2016-02', [])[0]).toMatchObject({ key: '2016-02', to: '2016-02-29' });
  });

  it('gives each period the first plan deadline on or after its end', () => {
    const deadlines = ['2016-12-31', '2017-01-31', '2017-07-15'];
    expect(deadlineFor(deadlines, '2016-12-31')).toBe('2016-12-31');
    expect(deadlineFor(deadlines, '2017-01-01')).toBe('2017-01-31');
    expect(deadlineFor(deadlines, '2017-07-16')).toBeNull();
    expect(matrixPeriods('quarter', '2017-01', '2017-09', deadlines).map((period) => period.deadline)).toEqual([
      '2017-07-15',
      '2017-07-15',
      null,
    ]);
  });

  it('defaults to the plan’s issue up to its last deadline or today, whichever is later', () => {
    const plan = { issuedOn: '2016-07-07', deadlines: ['2017-01-31'] };
    expect(matrixRange(plan, '2016-09-01', {})).toEqual({ from: '2016-07', to: '2017-01' });
    expect(matrixRange(plan, '2017-05-20', {})).toEqual({ from: '2016-07', to: '2017-05' });
    // A plan without an issue date starts at today's month; a later `from` alone keeps at least one month.
    expect(matrixRange({ issuedOn: null, deadlines: [] }, '2018-03-04', {})).toEqual({ from: '2018-03', to: '2018-03' });
    expect(matrixRange(plan, '2016-09-01', { from: '2017-06' })).toEqual({ from: '2017-06', to: '2017-06' });
    // Only `to`, before the plan's issue: starts there.
    expect(matrixRange(plan, '2016-09-01', { to: '2016-03' })).toEqual({ from: '2016-03', to: '2016-03' });
  });

  it('refuses a backwards range and one wider than 120 months', () => {
    const plan = { issuedOn: '2016-07-07', deadlines: [] };
    expect(matrixRange(plan, '2016-09-01', { from: '2010-01', to: '2019-12' })).toEqual({ from: '2010-01', to: '2019-12' });
    expect(() => matrixRange(plan, '2016-09-01', { from: '2010-01', to: '2020-01' })).toThrow(
      expect.objectContaining({ code: 'office.range_invalid' }),
    );
    expect(() => matrixRange(plan, '2016-09-01', { from: '2017-02', to: '2017-01' })).toThrow(
      expect.objectContaining({ code: 'office.range_invalid' }),
    );
    let refusal: unknown;
    try {
      matrixRange(plan, '2016-09-01', { from: '2010-01', to: '2020-01' });
    } catch (error) {
      refusal = error;
    }
    expect(userMessage(refusal, createTranslator('zh-CN'))).toBe(
      '无法显示 2010-01 至 2020-01 的报送情况：起始月份不能晚于结束月份，且一次最多显示 120 个月。请缩小范围。',
    );
    expect(userMessage(refusal, createTranslator('en'))).toContain('at most 120 months');
  });
});
