import { describe, expect, it } from 'vitest';
import { isPageNumber, parsePlanText, reflow, type Plan } from '../../../shared/plan';
import { fixtureText, rewrap, runTogether, seedText, wrapParagraph, type RewrapOptions } from './helpers';

const seed = parsePlanText(seedText()).plan;
const HEAD = '山东省贯彻实施质量发展纲要2016年行动计划';

/** What a coordinator works from: measures with their departments and due dates, and the frame. */
function essentials(plan: Plan) {
  return {
    measures: plan.measures,
    departments: plan.departments,
    deadlines: plan.deadlines,
    groups: plan.groups,
    requirements: plan.requirements,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    title: plan.title,
  };
}

describe('text copied out of a PDF (hard-wrapped, page furniture between the lines)', () => {
  const cases: [number, RewrapOptions][] = [
    [22, { pageNumbers: 'dash', runningHead: HEAD }],
    [25, { pageNumbers: 'hyphen', runningHead: '山东省人民政府办公厅', indent: true, blankAroundPageNumber: true }],
    [28, { pageNumbers: 'page' }],
    [40, { pageNumbers: 'of', runningHead: '鲁政办字〔2016〕103号', pageLines: 30 }],
  ];

  it.each(cases)('parses the seed wrapped at %i characters to exactly the seed’s plan', (width, options) => {
    const text = rewrap(seedText(), width, options);
    expect(text.split('\n').length).toBeGreaterThan(120);
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([]);
    expect(result.layout).toBe('wrapped');
    expect(result.plan).toEqual(seed);
    expect(result.plan.measures).toHaveLength(17);
    expect(result.plan.departments).toHaveLength(27);
  });

  it('parses the seed wrapped at every width from 18 to 48 characters to the seed’s plan', () => {
    for (let width = 18; width <= 48; width++) {
      const result = parsePlanText(rewrap(seedText(), width, { pageNumbers: width % 2 === 0 ? 'dash' : 'page', runningHead: HEAD }));
      expect({ width, plan: essentials(result.plan) }).toEqual({ width, plan: essentials(seed) });
    }
  });

  it.each(['groups-fullwidth.txt', 'labelled-clauses.txt'])(
    'reads the fixture %s wrapped at 16 to 30 characters with the same measures, departments and deadlines',
    (name) => {
      const measures = (plan: Plan) => plan.measures.map((m) => [m.code, m.title, m.departments, m.due]);
      const base = parsePlanText(fixtureText(name)).plan;
      for (let width = 16; width <= 30; width += 2) {
        const result = parsePlanText(rewrap(fixtureText(name), width, { pageLines: 8 }));
        expect({ width, layout: result.layout }).toEqual({ width, layout: 'wrapped' });
        expect({ width, measures: measures(result.plan) }).toEqual({ width, measures: measures(base) });
        expect(result.plan.departments).toEqual(base.departments);
        expect(result.plan.deadlines).toEqual(base.deadlines);
        expect(result.plan.title).toBe(base.title);
      }
    },
  );

  it('reports the page numbers and running heads it dropped, with their lines', () => {
    const text = rewrap(seedText(), 22, { pageNumbers: 'dash', runningHead: HEAD });
    const lines = text.split('\n');
    const { furniture } = parsePlanText(text);
    const pageNumbers = furniture.filter((f) => f.kind === 'page_number');
    const heads = furniture.filter((f) => f.kind === 'running_head');
    expect(pageNumbers.map((f) => f.text).slice(0, 3)).toEqual(['— 1 —', '— 2 —', '— 3 —']);
    expect(heads.length).toBe(pageNumbers.length - 1);
    for (const f of furniture) expect(lines[f.line - 1]).toBe(f.text);
    expect(furniture.every((f) => f.text === HEAD || isPageNumber(f.text))).toBe(true);
  });

  it('joins a measure and its department list broken over lines and pages, without spaces', () => {
    const text = [
      '某市优化营商环境行动计划',
      '一、主要任务',
      '1.加强事中事后监管。开展跨部门联合',
      '检查,建立健全信用监管机制,推进“双随',
      '机、一公开”监管全覆盖。(市市场监管局',
      '— 1 —',
      '某市优化营商环境行动计划',
      '牵头,市发展改革委、市商务局、市政务',
      '服务办按职责分工负责)',
      '2.优化政务服务。推行“一网通办”,2017',
      '年6月底前实现全部事项网上办理。',
      '牵头单位:市政务服务办',
      '责任单位:各区政府、市政府各部门',
      '— 2 —',
      '某市优化营商环境行动计划',
      '3.强化宣传引导。开展系列宣传活动,营造',
      '良好氛围。(市委宣传部、各县（市、区）政',
      '府负责)',
      '— 3 —',
    ].join('\n');
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([]);
    expect(result.layout).toBe('wrapped');
    const { measures } = result.plan;
    expect(measures.map((m) => m.text)).toEqual([
      '加强事中事后监管。开展跨部门联合检查,建立健全信用监管机制,推进“双随机、一公开”监管全覆盖。(市市场监管局牵头,市发展改革委、市商务局、市政务服务办按职责分工负责)',
      '优化政务服务。推行“一网通办”,2017年6月底前实现全部事项网上办理。\n牵头单位:市政务服务办\n责任单位:各区政府、市政府各部门',
      '强化宣传引导。开展系列宣传活动,营造良好氛围。(市委宣传部、各县（市、区）政府负责)',
    ]);
    expect(measures.map((m) => m.departments.map((d) => `${d.name}:${d.role}`))).toEqual([
      ['市市场监管局:lead', '市发展改革委:support', '市商务局:support', '市政务服务办:support'],
      ['市政务服务办:lead', '各区政府:responsible', '市政府各部门:responsible'],
      ['市委宣传部:responsible', '各县（市、区）政府:responsible'],
    ]);
    expect(measures[1]?.due).toBe('2017-06-30');
    expect(result.furniture.map((f) => [f.line, f.kind])).toEqual([
      [6, 'page_number'],
      [7, 'running_head'],
      [14, 'page_number'],
      [15, 'running_head'],
      [19, 'page_number'],
    ]);
  });

  it('keeps a one-paragraph-a-line text as it is, even with recurring short lines', () => {
    const text = ['某某方案', '一、任务', '1.甲。(省财政厅负责)', '2.乙。(省财政厅负责)', '3.丙。(省财政厅负责)', '— 1 —'].join('\n');
    const result = parsePlanText(text);
    expect(result.layout).toBe('lines');
    expect(result.plan.measures.map((m) => m.text)).toEqual(['甲。(省财政厅负责)', '乙。(省财政厅负责)', '丙。(省财政厅负责)']);
    expect(result.furniture).toEqual([{ line: 6, text: '— 1 —', kind: 'page_number' }]);
  });

  it('does not take paragraphs of equal length, each ending its sentence, for wrapped lines', () => {
    const points = [
      '坚持问题导向，聚焦企业群众反映的突出问题。',
      '坚持改革创新，破除制约发展的体制机制障碍。',
      '坚持协同推进，形成上下联动的工作合力格局。',
    ];
    const text = ['某某方案', '一、总体要求', ...points, ...points, '二、主要任务', '1.甲。(省财政厅负责)'].join('\n');
    const result = parsePlanText(text);
    expect(result.layout).toBe('lines');
    expect(result.plan.chapters[0]?.text).toBe([...points, ...points].join('\n'));
  });

  it('drops running heads that alternate between odd and even pages', () => {
    const lines = Array.from({ length: 13 }, (_, page) => [
      `${page % 2 === 0 ? '某省人民政府办公厅' : '某省实施方案'}`,
      `— ${String(page + 1)} —`,
    ]);
    const text = ['某省实施方案', '一、任务', '1.甲。(省财政厅负责)', ...lines.flat()].join('\n');
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([]);
    expect(result.furniture.filter((f) => f.kind === 'running_head')).toHaveLength(13);
    expect(result.plan.title).toBe('某省实施方案');
  });

  it('recognises page numbers in their usual shapes, and not numbers of the text', () => {
    for (const text of ['— 3 —', '- 3 -', '－3－', '第 3 页', '第3页 共15页', '3/15', '３／１５', '12', 'Page 3 of 15']) {
      expect(isPageNumber(text)).toBe(true);
    }
    for (const text of ['15/3', '2016', '1.', '一、', '第3条', '3、4季度', '2016.7']) expect(isPageNumber(text)).toBe(false);
  });

  it('wraps test paragraphs on the page width, Latin words whole', () => {
    expect(wrapParagraph('开展QC小组活动2016年', 8)).toEqual(['开展QC小组活动', '2016年']);
  });
});

describe('text with no line breaks at all', () => {
  it('parses the seed run together in one line to the seed’s measures, departments, deadline and frame', () => {
    const text = runTogether(seedText());
    expect(text).not.toContain('\n');
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([]);
    expect(result.layout).toBe('run_together');
    expect(result.plan).toEqual(seed);
    expect(result.plan.measures).toHaveLength(17);
    expect(result.plan.departments).toHaveLength(27);
    expect(result.plan.deadlines).toEqual([expect.objectContaining({ date: '2017-01-31', recipient: '省质监局' })]);
    expect(result.plan).toMatchObject({ docNumber: '鲁政办字〔2016〕103号', issuer: '山东省人民政府办公厅', issuedOn: '2016-07-07' });
  });

  it.each(['groups-fullwidth.txt', 'labelled-clauses.txt'])(
    'reads the fixture %s run together with the same measures and departments',
    (name) => {
      const measures = (plan: Plan) => plan.measures.map((m) => [m.code, m.title, m.departments, m.due]);
      const parsed = parsePlanText(fixtureText(name));
      const base = parsed.plan;
      const result = parsePlanText(runTogether(fixtureText(name)));
      expect(result.warnings.map((w) => [w.code, w.text])).toEqual(parsed.warnings.map((w) => [w.code, w.text]));
      expect(measures(result.plan)).toEqual(measures(base));
      expect(result.plan.departments).toEqual(base.departments);
      expect(result.plan.deadlines).toEqual(base.deadlines);
      expect(result.plan.title).toBe(base.title);
    },
  );

  it('also when the run-together text is wrapped again (a PDF of a page without paragraphs)', () => {
    const result = parsePlanText(rewrap(runTogether(seedText()), 30, { runningHead: HEAD }));
    expect(essentials(result.plan)).toEqual(essentials(seed));
  });

  it('finds the outline in a short run-together plan, and not in amounts, dates and article numbers', () => {
    const text =
      '某市优化营商环境行动计划一、主要任务1.加强监管。安排资金1.5亿元,自2016.7起按第1.2条开展检查(见2017.1.31通报),2017年1月31日前完成。' +
      '(市发展改革委牵头,市财政局等按职责分工负责)2.优化服务。推行网上办理。牵头单位:市政务服务办完成时限:2017年6月底前' +
      '3.强化宣传。(市委宣传部负责)二、工作要求(一)加强领导。各单位要加强领导。(二)落实责任。各单位要落实责任。';
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([]);
    const plan = result.plan;
    expect(plan.title).toBe('某市优化营商环境行动计划');
    expect(plan.measures.map((m) => [m.code, m.title, m.departments.map((d) => `${d.name}:${d.role}`), m.due])).toEqual([
      ['1.1', '加强监管', ['市发展改革委:lead', '市财政局:support'], '2017-01-31'],
      ['1.2', '优化服务', ['市政务服务办:lead'], '2017-06-30'],
      ['1.3', '强化宣传', ['市委宣传部:responsible'], null],
    ]);
    expect(plan.measures[0]?.text).toContain('安排资金1.5亿元,自2016.7起按第1.2条开展检查(见2017.1.31通报),2017年1月31日前完成。');
    expect(plan.requirements.map((r) => r.code)).toEqual(['2.1', '2.2']);
  });
});

describe('inline numbering on a line', () => {
  it('splits a group heading and its measures written on one line', () => {
    const text = [
      '某省实施方案',
      '一、主要任务',
      '(一)加强基础建设。1.完善标准体系。(省发展改革委牵头,省财政厅等按职责分工负责) 2.强化计量支撑。(省质监局负责)',
      '(二)推进改革创新。1.深化改革。(省商务厅负责)',
    ].join('\n');
    const plan = parsePlanText(text).plan;
    expect(plan.groups.map((g) => [g.code, g.title])).toEqual([
      ['1.1', '加强基础建设'],
      ['1.2', '推进改革创新'],
    ]);
    expect(plan.measures.map((m) => [m.code, m.departments.map((d) => d.name)])).toEqual([
      ['1.1.1', ['省发展改革委', '省财政厅']],
      ['1.1.2', ['省质监局']],
      ['1.2.1', ['省商务厅']],
    ]);
  });

  it('reports paragraphs of a reflowed text at the line they start on', () => {
    const { lines } = reflow('某省方案\n一、任务1.甲。(省财政厅负责)2.乙。(省商务厅负责)');
    expect(lines).toEqual([
      { line: 1, text: '某省方案' },
      { line: 2, text: '一、任务' },
      { line: 2, text: '1.甲。(省财政厅负责)' },
      { line: 2, text: '2.乙。(省商务厅负责)' },
    ]);
  });
});
