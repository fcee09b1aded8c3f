import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../shared/plan';
import { dueWording } from '../../../shared/plan/due-wording';
import { fixtureText, seedText } from './helpers';

/** Measures with 完成时限 lines: dates, 每季度末, 长期坚持, …并持续落实; and one with its date in the text. */
const deadlineFragment = fixtureText('deadlines-and-collectives.txt');

describe('the words of a measure’s deadline', () => {
  const { plan } = parsePlanText(deadlineFragment);
  const wording = Object.fromEntries(plan.measures.map((measure) => [measure.code, dueWording(measure)]));

  it('is the 完成时限 field as written, for dates, recurring and open-ended deadlines', () => {
    expect(wording).toMatchObject({
      '1.1': '2017年6月底前',
      '1.2': '每季度末',
      '1.3': '长期坚持',
      '1.4': '2018年底前完成并持续落实',
    });
  });

  it('is the “…前” phrase the due date was read from when the text has no field', () => {
    expect(wording['1.5']).toBe('2017年9月底前');
  });

  it('stops at the end of an inline field’s clause', () => {
    const measure = { text: '建立协调机制。(牵头单位:省发展改革委;完成时限:2017年6月底前)', due: '2017-06-30' };
    expect(dueWording(measure)).toBe('2017年6月底前');
  });

  it('is null when the measure sets no deadline', () => {
    const seed = parsePlanText(seedText()).plan;
    expect(seed.measures.map(dueWording)).toEqual(seed.measures.map(() => null));
  });
});
