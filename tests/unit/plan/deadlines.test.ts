import { describe, expect, it } from 'vitest';
import { parsePlanText, planSchema } from '../../../shared/plan';
import { dueFromText, findDatePhrases, findReportDeadlines, isoDate, parseDateLine, resolveDueValue } from '../../../shared/plan/deadlines';
import { doc, fixtureText, parseClean, roles } from './helpers';

describe('dates', () => {
  it.each([
    ['2016年7月7日', '2016-07-07'],
    ['二〇一六年七月七日', '2016-07-07'],
    ['二〇一六年十二月三十一日', '2016-12-31'],
    ['二○一八年五月二十日', '2018-05-20'],
    ['２０１６年１０月１日', '2016-10-01'],
    ['2016 年 7 月 7 日', '2016-07-07'],
  ])('reads the date line %s', (text, expected) => {
    expect(parseDateLine(text)).toBe(expected);
  });

  it.each(['2016年2月30日', '2016年13月1日', '2016年7月', '发文日期2016年7月7日'])('refuses %s as a date line', (text) => {
    expect(parseDateLine(text)).toBeNull();
  });

  it('knows leap years', () => {
    expect(isoDate(2016, 2, 29)).toBe('2016-02-29');
    expect(isoDate(2100, 2, 29)).toBeNull();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
  });

  it.each([
    ['2018年底', '2018-12-31'],
    ['2018年年底', '2018-12-31'],
    ['2017年6月底前', '2017-06-30'],
    ['2017年3月', '2017-03-31'],
    ['2017年2月', '2017-02-28'],
    ['2017年3月15日前', '2017-03-15'],
    ['2017年', '2017-12-31'],
    ['2017年上半年', '2017-06-30'],
    ['2017年年中', '2017-06-30'],
    ['2017年下半年', '2017-12-31'],
    ['2017年第三季度', '2017-09-30'],
    ['2017年一季度末', '2017-03-31'],
    ['2016年7月至12月', '2016-12-31'],
    ['12月底前', '2016-12-31'],
    ['年底前', '2016-12-31'],
    ['今年底', '2016-12-31'],
    ['明年6月', '2017-06-30'],
  ])('resolves the due value %s (issued 2016)', (value, expected) => {
    expect(resolveDueValue(value, 2016)).toEqual({ date: expected, unresolved: false });
  });

  it('cannot resolve a date without a year when the issue year is unknown', () => {
    expect(resolveDueValue('12月底前', null)).toEqual({ date: null, unresolved: true });
    expect(resolveDueValue('待定', 2016)).toEqual({ date: null, unresolved: true });
  });

  it('names the recurrence of a due value that comes back every year, quarter, month', () => {
    expect(resolveDueValue('每年12月底前', 2016)).toEqual({ date: null, unresolved: false, recurrence: 'yearly' });
    expect(resolveDueValue('每季度末', 2016)).toEqual({ date: null, unresolved: false, recurrence: 'quarterly' });
    expect(resolveDueValue('2018年底前完成并持续落实', 2016)).toEqual({ date: '2018-12-31', unresolved: false, recurrence: 'ongoing' });
  });

  it('does not ask for a date of ongoing work', () => {
    for (const value of ['长期坚持', '持续推进', '常态化开展'])
      expect(resolveDueValue(value, 2016)).toEqual({ date: null, unresolved: false, recurrence: 'ongoing' });
  });

  it('takes a year-less date’s year from earlier in the sentence', () => {
    const phrases = findDatePhrases('于2017年6月底前和12月底前分别报送', 2016);
    expect(phrases.map((p) => [p.date, p.before])).toEqual([
      ['2017-06-30', true],
      ['2017-12-31', true],
    ]);
  });

  it('does not read digits in longer numbers or counts of months as dates', () => {
    expect(findDatePhrases('编号12017年的项目,历时6个月', 2016)).toEqual([]);
    expect(findDatePhrases('3个月内完成', 2016)).toEqual([]);
  });

  it('takes a measure’s due date from the latest …前 deadline in its text', () => {
    expect(dueFromText('2017年3月底前出台方案,2017年底前全面完成。', 2016)).toEqual({ date: '2017-12-31', unresolved: false });
    expect(dueFromText('组织2016年全省职业院校技能大赛。到2020年,建成体系。', 2016)).toEqual({ date: null, unresolved: false });
    expect(dueFromText('6月底前完成。', null)).toEqual({ date: null, unresolved: true });
  });
});

describe('per-measure due dates in a plan', () => {
  it('reads 完成时限 in clauses and lines, …前 in the text, and a year-less date in the issue year', () => {
    const { plan } = parsePlanText(fixtureText('labelled-clauses.txt'));
    expect(plan.measures.map((m) => [m.code, m.due])).toEqual([
      ['1.1', '2017-06-30'],
      ['1.2', '2018-12-31'],
      ['1.3', null],
      ['1.4', '2017-03-31'],
      ['2.1', null],
      ['2.2', '2017-03-31'],
      ['2.3', null],
    ]);
    expect(parseClean(fixtureText('standalone-plan.txt')).measures[0]?.due).toBe('2018-12-31');
  });

  it('warns when a 完成时限 cannot be resolved, but not for 长期坚持', () => {
    const result = parsePlanText(
      doc('某某方案', '一、任务', '1.甲。内容。(省财政厅负责)', '完成时限:6月底前', '2.乙。内容。(省财政厅负责)', '完成时限:长期坚持'),
    );
    expect(result.plan.measures.map((m) => m.due)).toEqual([null, null]);
    expect(result.warnings).toEqual([{ code: 'plan.due_unresolved', line: 3, text: '1.甲。内容。(省财政厅负责)' }]);
  });
});

describe('reporting deadlines', () => {
  it('reads the seed’s sentence, preferring the short name in the final parentheses', () => {
    expect(
      findReportDeadlines('各市、各部门于2017年1月底前将工作开展情况报省质量强省及名牌战略推进工作领导小组办公室(省质监局)。', 2016),
    ).toEqual({
      deadlines: [
        {
          date: '2017-01-31',
          text: '各市、各部门于2017年1月底前将工作开展情况报省质量强省及名牌战略推进工作领导小组办公室(省质监局)',
          recipient: '省质监局',
        },
      ],
      unresolved: [],
    });
  });

  it('gives one deadline per date in a sentence', () => {
    const found = findReportDeadlines('请于2017年6月底前和12月底前分别将工作进展情况报送省政府办公厅。', 2016);
    expect(found.deadlines.map((d) => [d.date, d.recipient])).toEqual([
      ['2017-06-30', '省政府办公厅'],
      ['2017-12-31', '省政府办公厅'],
    ]);
  });

  it.each([
    ['各市于2017年1月31日前将情况报省政府。', '2017-01-31', '省政府'],
    ['各市于2017年底前将总结报送省发展改革委备案。', '2017-12-31', '省发展改革委'],
    ['各市于12月底前将情况报送省政府,同时抄送省财政厅。', '2016-12-31', '省政府'],
    ['各市要于2017年3月15日向省政府报告落实情况。', '2017-03-15', '省政府'],
    ['各市于2017年上半年将情况上报省政府。', '2017-06-30', '省政府'],
    ['各市于年中前将情况报送至省商务厅。', '2016-06-30', '省商务厅'],
    ['2017年6月底前形成评估报告。', '2017-06-30', null],
  ])('reads %s', (sentence, date, recipient) => {
    expect(findReportDeadlines(sentence, 2016).deadlines.map((d) => [d.date, d.recipient])).toEqual([[date, recipient]]);
  });

  it('ignores sentences with a date but no report, or a report but no deadline', () => {
    expect(findReportDeadlines('2017年底前完成全部任务。', 2016)).toEqual({ deadlines: [], unresolved: [] });
    expect(findReportDeadlines('建立质量信息通报制度,2016年启动。', 2016)).toEqual({ deadlines: [], unresolved: [] });
  });

  it('reports deadlines it cannot date: no year known, or recurring', () => {
    expect(findReportDeadlines('各市于12月底前将情况报省政府。', null).unresolved).toEqual(['各市于12月底前将情况报省政府']);
    expect(findReportDeadlines('各市于每年12月底前将情况报省政府。', 2016).unresolved).toEqual(['各市于每年12月底前将情况报省政府']);
    expect(findReportDeadlines('各牵头单位每季度末将进展情况报送省发展改革委。', 2016).unresolved).toEqual([
      '各牵头单位每季度末将进展情况报送省发展改革委',
    ]);
  });

  it('warns about an unresolved deadline with its line, and keeps measure deadlines with the measure code', () => {
    const result = parsePlanText(fixtureText('labelled-clauses.txt'));
    expect(result.warnings).toEqual([
      { code: 'plan.deadline_unresolved', line: 20, text: '各市、各有关部门于每年12月底前将工作进展情况报省发展改革委' },
    ]);
    const plan = parseClean(
      doc(
        '某某方案',
        '山东省人民政府',
        '2016年7月7日',
        '一、任务',
        '1.甲。于9月底前将方案报省政府。(省财政厅负责)',
        '二、工作要求',
        '各市于12月底前将情况报省政府。',
      ),
    );
    expect(plan.deadlines.map((d) => [d.date, d.recipient, d.measure])).toEqual([
      ['2016-09-30', '省政府', '1.1'],
      ['2016-12-31', '省政府', null],
    ]);
    expect(plan.measures[0]?.due).toBe('2016-09-30');
  });

  it('reads several deadlines in one sentence of a requirement', () => {
    const plan = parseClean(fixtureText('groups-fullwidth.txt'));
    expect(plan.deadlines).toEqual([
      {
        date: '2013-06-30',
        text: '各地区、各部门要于2013年6月底前和12月底前分别将落实情况报送国务院办公厅',
        recipient: '国务院办公厅',
        measure: null,
      },
      {
        date: '2013-12-31',
        text: '各地区、各部门要于2013年6月底前和12月底前分别将落实情况报送国务院办公厅',
        recipient: '国务院办公厅',
        measure: null,
      },
    ]);
  });
});

describe('完成时限 wordings', () => {
  const measure = (due: string) =>
    parseClean(
      doc('某省方案', '山东省人民政府办公厅', '2016年7月7日', '一、任务', '1.建立机制。成立专班。', '牵头单位:省商务厅', `完成时限:${due}`),
    ).measures[0];

  it.each([
    ['2018年底前完成并持续落实', '2018-12-31', 'ongoing'],
    ['2017年6月底前', '2017-06-30', undefined],
    ['长期坚持', null, 'ongoing'],
    ['每季度末', null, 'quarterly'],
    ['每年12月底前', null, 'yearly'],
    ['每半年', null, 'half_yearly'],
    ['每月10日前', null, 'monthly'],
  ])('reads %s as a date or a named recurrence', (due, date, recurrence) => {
    const m = measure(due);
    expect(m?.due).toBe(date);
    expect(m?.recurrence).toBe(recurrence);
  });

  it('reads a recurrence at the end of a responsibility clause', () => {
    const plan = parseClean(doc('某省方案', '一、任务', '1.建立机制。成立专班。(省商务厅负责,长期坚持)'));
    expect(plan.measures.map((m) => [roles(m), m.due, m.recurrence])).toEqual([[['省商务厅'], null, 'ongoing']]);
  });

  it('reads a plan JSON written before the recurrence field', () => {
    const plan = parseClean(doc('某省方案', '一、任务', '1.建立机制。', '牵头单位:省商务厅', '完成时限:每季度末'));
    expect(planSchema.parse(plan)).toEqual(plan);
    const { recurrence: _, ...older } = plan.measures[0] ?? measure('长期坚持') ?? { code: '' };
    expect(planSchema.safeParse({ ...plan, measures: [older] }).success).toBe(true);
  });
});
