import { describe, expect, it } from 'vitest';
import { publicKeyFileName, reportFileName } from '../../../shared/report/file-names';
import { parsePeriod, periodLabel } from '../../../shared/report/period';
import { createTranslator } from '../../../electron/lib/i18n';

describe('reporting periods', () => {
  it('reads the five forms the CLI accepts', () => {
    expect(parsePeriod('2016')).toEqual({ kind: 'year', key: '2016', from: '2016-01-01', to: '2016-12-31', label: '2016年' });
    expect(parsePeriod('2016-H2')).toEqual({ kind: 'half', key: '2016-H2', from: '2016-07-01', to: '2016-12-31', label: '2016年下半年' });
    expect(parsePeriod('2016-h1')).toMatchObject({ key: '2016-H1', from: '2016-01-01', to: '2016-06-30', label: '2016年上半年' });
    expect(parsePeriod('2016-Q3')).toEqual({
      kind: 'quarter',
      key: '2016-Q3',
      from: '2016-07-01',
      to: '2016-09-30',
      label: '2016年第三季度',
    });
    expect(parsePeriod('2016-Q1')).toMatchObject({ from: '2016-01-01', to: '2016-03-31' });
    expect(parsePeriod('2016-07')).toEqual({ kind: 'month', key: '2016-07', from: '2016-07-01', to: '2016-07-31', label: '2016年7月' });
    expect(parsePeriod('2016-07-01..2017-01-31')).toEqual({
      kind: 'custom',
      key: '2016-07-01..2017-01-31',
      from: '2016-07-01',
      to: '2017-01-31',
      label: '2016年7月1日至2017年1月31日',
    });
  });

  it('knows month lengths and leap years', () => {
    expect(parsePeriod('2016-02')?.to).toBe('2016-02-29');
    expect(parsePeriod('2017-02')?.to).toBe('2017-02-28');
    expect(parsePeriod('2016-Q4')?.to).toBe('2016-12-31');
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      '16',
      '2016-H3',
      '2016-Q5',
      '2016-13',
      '2016-00',
      '2016-02-30..2016-03-01',
      '2017-01-01..2016-01-01',
      '2016/07',
      'next year',
    ]) {
      expect(parsePeriod(text), text).toBeNull();
    }
  });

  it('names the report file after the department and period', () => {
    expect(reportFileName('经济和信息化', parsePeriod('2016-H2')!)).toBe('经济和信息化-2016年下半年.plreport');
    expect(reportFileName('a/b', parsePeriod('2016')!)).toBe('a_b-2016年.plreport');
    expect(publicKeyFileName('质监')).toBe('质监-签名公钥.pem');
  });
});

describe('periodLabel', () => {
  it('names a period in the reader’s language, while files keep the Chinese label', () => {
    const zh = createTranslator('zh-CN');
    const en = createTranslator('en');
    const label = (key: string, t: typeof zh) => periodLabel(parsePeriod(key)!, t);
    for (const key of ['2016', '2016-H2', '2016-Q3', '2016-07', '2016-07-01..2017-01-31'])
      expect(label(key, zh)).toBe(parsePeriod(key)!.label);
    expect(['2016', '2016-H1', '2016-Q3', '2016-07', '2016-07-01..2017-01-31'].map((key) => label(key, en))).toEqual([
      '2016',
      'First half of 2016',
      'Q3 2016',
      '2016/7',
      '2016/7/1 to 2017/1/31',
    ]);
  });
});
