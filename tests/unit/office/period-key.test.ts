import { describe, expect, it } from 'vitest';
import { periodKeyOf } from '../../../shared/office/period-key';

describe('periodKeyOf', () => {
  it('writes a period as the CLI takes it', () => {
    expect(periodKeyOf('2016-01-01', '2016-12-31')).toBe('2016');
    expect(periodKeyOf('2016-07-01', '2016-12-31')).toBe('2016-H2');
    expect(periodKeyOf('2016-10-01', '2016-12-31')).toBe('2016-Q4');
    expect(periodKeyOf('2016-02-01', '2016-02-29')).toBe('2016-02');
  });

  it('writes other dates as a range', () => {
    expect(periodKeyOf('2016-02-01', '2016-02-28')).toBe('2016-02-01..2016-02-28');
    expect(periodKeyOf('2016-07-01', '2017-01-31')).toBe('2016-07-01..2017-01-31');
  });
});
