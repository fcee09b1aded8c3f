/**
 * Issue 10: the shapes of other governments' circulars (not the seed), as a person reads them.
 * The fragments are written in the style of provincial and municipal circulars.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanText, planSchema, type Plan } from '../../../shared/plan';
import { doc, parseClean, rewrap, roles, runTogether, seedText } from './helpers';

/** What a coordinator reads of each measure: number, title, departments with roles, due date, recurrence. */
function measures(plan: Plan) {
  return plan.measures.map((m) => [m.code, m.title, roles(m), m.due, m.recurrence ?? null]);
}

describe('field lines after a measure (牵头单位: / 责任单位: / 配合单位: / 完成时限:)', () => {
  const text = doc(
    '某市推进新型智慧城市建设实施方案',
    '为加快新型智慧城市建设,制定本方案。',
    '一、重点任务',
    '1.加快信息基础设施建设。推进千兆光网和第五代移动通信网络建设,实现主城区连续覆盖。',
    '牵头单位:市发展改革委',
    '责任单位:各区政府、市政府各部门',
    '完成时限:2018年底前完成并持续落实',
    '2.推动政务数据共享。建设市级政务数据共享交换平台,打通部门间数据壁垒。',
    '牵头单位：市大数据局',
    '配合单位：市财政局、市政务服务办，各县（市、区）人民政府',
    '完成时限：2017年6月底前',
    '3.强化网络安全保障。建立网络安全监测预警和应急处置机制。',
    '责任单位: 市委网信办、市公安局',
    '完成时限: 长期坚持',
    '4.完善城市运行管理平台。整合城管、交通、应急等系统。',
    '责任单位：市城市管理局（牵头）、市交通运输局、市应急管理局',
    '完成时限：每季度末',
  );

  it('reads whole names, lead/responsible/support roles, collective names and the deadline', () => {
    const plan = parseClean(text);
    expect(measures(plan)).toEqual([
      ['1.1', '加快信息基础设施建设', ['市发展改革委:lead', '各区政府', '市政府各部门'], '2018-12-31', 'ongoing'],
      [
        '1.2',
        '推动政务数据共享',
        ['市大数据局:lead', '市财政局:support', '市政务服务办:support', '各县（市、区）人民政府:support'],
        '2017-06-30',
        null,
      ],
      ['1.3', '强化网络安全保障', ['市委网信办', '市公安局'], null, 'ongoing'],
      ['1.4', '完善城市运行管理平台', ['市城市管理局:lead', '市交通运输局', '市应急管理局'], null, 'quarterly'],
    ]);
    expect(plan.departments.filter((d) => d.collective).map((d) => d.name)).toEqual(['各区政府', '市政府各部门', '各县（市、区）人民政府']);
    expect(plan.departments.map((d) => d.name)).not.toContain('市政府各');
    expect(plan.measures[0]?.tasks).toEqual(['推进千兆光网和第五代移动通信网络建设,实现主城区连续覆盖']);
    expect(planSchema.parse(plan)).toEqual(plan);
  });

  it('keeps 市直各部门 whole as a collective name, and reads 完成期限 and 协同单位', () => {
    const plan = parseClean(
      doc(
        '某市实施方案',
        '一、重点任务',
        '1.建立工作机制。成立工作专班。',
        '牵头单位：市政府办公室',
        '协同单位：市直各部门、各区县人民政府',
        '完成期限：2017年3月底前',
        '2.完善配套政策。出台实施细则。(市直各单位按职责分工负责)',
      ),
    );
    expect(measures(plan)).toEqual([
      ['1.1', '建立工作机制', ['市政府办公室:lead', '市直各部门:support', '各区县人民政府:support'], '2017-03-31', null],
      ['1.2', '完善配套政策', ['市直各单位'], null, null],
    ]);
    expect(plan.departments.filter((d) => d.collective).map((d) => d.name)).toEqual(['市直各部门', '各区县人民政府', '市直各单位']);
  });

  it('reads the same fields written on one line, and inside the measure’s paragraph', () => {
    const plan = parseClean(
      doc(
        '某市推进新型智慧城市建设实施方案',
        '一、重点任务',
        '1.加快信息基础设施建设。推进千兆光网建设。',
        '牵头单位:市发展改革委;责任单位:各区政府、市政府各部门;完成时限:2018年底前完成并持续落实',
        '2.推动政务数据共享。建设共享交换平台。牵头单位：市大数据局。配合单位：市财政局。完成时限：2017年6月底前。',
      ),
    );
    expect(measures(plan)).toEqual([
      ['1.1', '加快信息基础设施建设', ['市发展改革委:lead', '各区政府', '市政府各部门'], '2018-12-31', 'ongoing'],
      ['1.2', '推动政务数据共享', ['市大数据局:lead', '市财政局:support'], '2017-06-30', null],
    ]);
  });

  it('reads them hard-wrapped and run together alike', () => {
    const base = measures(parseClean(text));
    for (const width of [12, 16, 20, 26]) {
      const result = parsePlanText(rewrap(text, width, { pageLines: 10 }));
      expect({ width, warnings: result.warnings, measures: measures(result.plan) }).toEqual({ width, warnings: [], measures: base });
    }
    const together = parsePlanText(runTogether(text));
    expect(together.warnings).toEqual([]);
    expect(measures(together.plan)).toEqual(base);
  });
});

describe('several measures in one paragraph', () => {
  it('splits 1.…(…牵头,…负责) 2.…(…牵头) 3.… into measures with their own departments', () => {
    const plan = parseClean(
      doc(
        '某省促进科技成果转化实施方案',
        '二、主要任务',
        '1.加快技术转移机构建设。支持高等学校和科研院所设立技术转移机构。(省发展改革委牵头,省财政厅、省科技厅按职责分工负责) 2.推进职务科技成果权属改革。开展赋予科研人员职务科技成果所有权试点。(省工业和信息化厅牵头) 3.加强技术经理人队伍建设。将技术经纪专业纳入职称评审。(省人力资源社会保障厅、省科技厅负责,2017年底前完成)',
      ),
    );
    expect(measures(plan)).toEqual([
      ['2.1', '加快技术转移机构建设', ['省发展改革委:lead', '省财政厅:support', '省科技厅:support'], null, null],
      ['2.2', '推进职务科技成果权属改革', ['省工业和信息化厅:lead'], null, null],
      ['2.3', '加强技术经理人队伍建设', ['省人力资源社会保障厅', '省科技厅'], '2017-12-31', null],
    ]);
  });

  it('splits full-width numbers and （牵头单位：…；责任单位：…） brackets', () => {
    const plan = parseClean(
      doc(
        '某省优化营商环境行动方案',
        '一、重点任务',
        '（一）提升政务服务效能。１．推行“一窗受理”。整合各部门办事窗口。（牵头单位：省政务服务中心；责任单位：各市人民政府，省直有关部门；完成时限：２０１７年６月底前）２．压减审批时限。企业开办时间压缩至５个工作日以内。（牵头单位：省市场监管局；配合单位：省公安厅、省税务局）３、推进“证照分离”改革。（责任单位：省市场监管局、各市人民政府；完成时限：长期坚持）',
      ),
    );
    expect(measures(plan)).toEqual([
      ['1.1.1', '推行“一窗受理”', ['省政务服务中心:lead', '各市人民政府'], '2017-06-30', null],
      ['1.1.2', '压减审批时限', ['省市场监管局:lead', '省公安厅:support', '省税务局:support'], null, null],
      ['1.1.3', '推进“证照分离”改革', ['省市场监管局', '各市人民政府'], null, 'ongoing'],
    ]);
    expect(plan.groups.map((g) => [g.code, g.title])).toEqual([['1.1', '提升政务服务效能']]);
  });
});

describe('deadlines as circulars write them', () => {
  /** The due date and recurrence of a measure with `完成时限:value` (issued 2016). */
  function due(value: string) {
    const plan = parseClean(
      doc(
        '某市实施方案',
        '某市人民政府办公室',
        '2016年7月1日',
        '一、重点任务',
        '1.建立工作机制。成立工作专班。',
        '牵头单位:市商务局',
        `完成时限:${value}`,
      ),
    );
    const measure = plan.measures[0];
    return [measure?.due ?? null, measure?.recurrence ?? null];
  }

  it.each([
    ['2017年6月底前', '2017-06-30', null],
    ['2018年底前完成并持续落实', '2018-12-31', 'ongoing'],
    ['长期坚持', null, 'ongoing'],
    ['每季度末', null, 'quarterly'],
    ['2016年9月30日前', '2016-09-30', null],
    ['2016.9.30', '2016-09-30', null],
    ['2016.9.30前', '2016-09-30', null],
    ['2016．9．30', '2016-09-30', null],
    ['2017.6', '2017-06-30', null],
    ['2017.6底前', '2017-06-30', null],
    ['2016.12', '2016-12-31', null],
    ['2016.7—2017.6', '2017-06-30', null],
  ])('reads 完成时限:%s', (value, date, recurrence) => {
    expect(due(value)).toEqual([date, recurrence]);
  });

  it('reads a dotted …前 deadline in the measure’s text, and never an amount or an article as a date', () => {
    const plan = parseClean(
      doc(
        '某市实施方案',
        '一、重点任务',
        '1.建设创新平台。2016.9.30前完成选址。安排资金1.5亿元,按第1.2条拨付。(市科技局负责)',
        '2.开展评估。安排资金2016.5万元。(市财政局负责)',
      ),
    );
    expect(plan.measures.map((m) => m.due)).toEqual(['2016-09-30', null]);
  });

  it('never reads dates, amounts or article numbers as outline numbers', () => {
    const text = doc(
      '某市实施方案',
      '一、重点任务',
      '1.建设创新平台。自2016.7起,2016.9.30前完成选址,',
      '2017.6底前建成。安排资金1.5亿元,按第1.2条拨付。(市科技局负责)',
      '2.开展评估。(市财政局负责)',
    );
    const check = (result: ReturnType<typeof parsePlanText>) => {
      expect(result.plan.measures.map((m) => [m.code, m.due])).toEqual([
        ['1.1', '2017-06-30'],
        ['1.2', null],
      ]);
    };
    const lines = parsePlanText(text);
    expect(lines.warnings.map((w) => w.code)).toEqual([]);
    check(lines);
    check(parsePlanText(runTogether(text)));
    for (const width of [10, 12, 14, 16]) check(parsePlanText(rewrap(text, width, { pageLines: 6 })));
  });
});

describe('the masthead and the 版记 of an official document', () => {
  const seed = parsePlanText(seedText()).plan;
  const MASTHEAD = '山东省人民政府办公厅文件';

  it.each([
    ['a masthead line', [MASTHEAD]],
    ['a masthead and a blank line', [MASTHEAD, '']],
    ['a masthead and a red rule of —', [MASTHEAD, '————————————————————————']],
    ['a masthead, a blank line and a red rule of ━', [MASTHEAD, '', '━━━━━━━━━━━━━━━━━━━━']],
    ['a spaced-out masthead and a rule', ['山 东 省 人 民 政 府 办 公 厅 文 件', '', '━━━━━━━━━━━━━━━━━━━━']],
  ])('parses the seed after %s to exactly the seed’s plan', (_name, head) => {
    const result = parsePlanText(doc(...head, seedText()));
    expect(result.warnings).toEqual([]);
    expect(result.plan).toEqual(seed);
    const masthead = result.furniture.filter((f) => f.kind === 'masthead');
    expect(masthead.map((f) => f.line)).toEqual(head.flatMap((line, i) => (line === '' ? [] : [i + 1])));
  });

  it('also when the text is hard-wrapped or run together', () => {
    const text = doc(MASTHEAD, '━━━━━━━━━━━━━━━━━━━━', seedText());
    const wrapped = parsePlanText(rewrap(text, 24, { runningHead: '山东省人民政府办公厅' }));
    expect(wrapped.plan).toEqual(seed);
    expect(wrapped.furniture.filter((f) => f.kind === 'masthead').map((f) => f.text)).toEqual([MASTHEAD, '━━━━━━━━━━━━━━━━━━━━']);
    const together = parsePlanText(runTogether(doc(MASTHEAD, seedText())));
    expect(together.warnings).toEqual([]);
    expect(together.plan).toEqual(seed);
    expect(together.furniture).toEqual([{ line: 1, text: MASTHEAD, kind: 'masthead' }]);
  });

  it('drops a masthead wrapped onto two lines, and a rule wrapped onto the next line, at narrow widths', () => {
    const text = doc(MASTHEAD, '━━━━━━━━━━━━━━━━', seedText());
    for (const width of [10, 12, 14]) {
      const result = parsePlanText(rewrap(text, width, { pageLines: 40 }));
      expect({ width, warnings: result.warnings, same: JSON.stringify(result.plan) === JSON.stringify(seed) }).toEqual({
        width,
        warnings: [],
        same: true,
      });
      expect(
        result.furniture
          .filter((f) => f.kind === 'masthead')
          .map((f) => f.text)
          .join(''),
      ).toBe(`${MASTHEAD}━━━━━━━━━━━━━━━━`);
    }
  });

  it('reads the 份号, 密级 and 紧急程度 lines and a joint masthead as masthead, and the number printed before the notice title', () => {
    const [noticeTitle = '', , ...rest] = seedText().split('\n');
    const numberFirst = doc(noticeTitle, ...rest);
    const heads: string[][] = [
      ['000123', '机密★1年', '特急', MASTHEAD, '鲁政办字〔2016〕103号', '━━━━━━━━━━━━━━━━'],
      ['中共山东省委办公厅', '山东省人民政府办公厅', '文件', '鲁政办字〔2016〕103号', '签发人：张某某', '————————————————'],
    ];
    for (const head of heads) {
      const text = doc(...head, numberFirst);
      const result = parsePlanText(text);
      expect(result.warnings).toEqual([]);
      expect(result.plan).toEqual(seed);
      expect(result.furniture.map((f) => f.text)).toEqual(head.filter((line) => !line.startsWith('鲁政办字')));
      const wrapped = parsePlanText(rewrap(text, 20));
      expect(wrapped.plan).toEqual(seed);
    }
    const together = parsePlanText(runTogether(doc(MASTHEAD, '鲁政办字〔2016〕103号', numberFirst)));
    expect(together.warnings).toEqual([]);
    expect(together.plan).toEqual(seed);
  });

  it('keeps 抄送 and the 印发 line out of the last measure when they follow its clause directly, in every layout', () => {
    const lines = seedText().split('\n');
    const requirements = lines.findIndex((line) => line.startsWith('三、工作要求'));
    // The plan ends with its last measure; the 版记 follows.
    const text = doc(
      ...lines.slice(0, requirements),
      '抄送:省委各部门,省人大常委会办公厅,',
      '省政协办公厅,省法院,省检察院。',
      lines.at(-1) ?? '',
    );
    const base = parsePlanText(text);
    expect(base.warnings).toEqual([]);
    const last = base.plan.measures.at(-1)?.text ?? '';
    expect(last.endsWith('(宣传、经济和信息化、商务、新闻出版广电、工商、质监、金融、出入境检验检疫等部门按职责分工负责)')).toBe(true);
    for (const variant of [runTogether(text), rewrap(text, 12), rewrap(text, 30)]) {
      const result = parsePlanText(variant);
      expect(result.warnings).toEqual([]);
      expect(result.plan).toEqual(base.plan);
    }
  });

  it('reads a municipal circular: masthead, number and rule, then the notice; the 版记 stays out of the last measure', () => {
    const text = doc(
      '某某市人民政府文件',
      '某政发〔2018〕5号',
      '━━━━━━━━━━━━━━━━━━━━',
      '某某市人民政府',
      '关于印发某某市降低实体经济企业成本实施方案的通知',
      '各区县人民政府,市政府各部门:',
      '现将《某某市降低实体经济企业成本实施方案》印发给你们,请认真贯彻执行。',
      '某某市人民政府',
      '2018年3月1日',
      '某某市降低实体经济企业成本实施方案',
      '一、重点任务',
      '1.降低企业用能成本。推进电力直接交易。',
      '牵头单位:市发展改革委',
      '责任单位:各区县人民政府',
      '2.降低企业物流成本。清理规范收费项目。',
      '完成时限:2018年底前',
      '————————————————————————',
      '抄送:市委各部门,市人大常委会办公室,市政协办公室,',
      '市法院,市检察院。',
      '————————————————————————',
      '某某市人民政府办公室',
      '2018年3月2日印发',
    );
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([{ code: 'plan.measure_no_department', line: 15, text: '2.降低企业物流成本。清理规范收费项目。' }]);
    const plan = result.plan;
    expect(plan).toMatchObject({
      title: '某某市降低实体经济企业成本实施方案',
      noticeTitle: '某某市人民政府关于印发某某市降低实体经济企业成本实施方案的通知',
      docNumber: '某政发〔2018〕5号',
      issuer: '某某市人民政府',
      issuedOn: '2018-03-01',
    });
    expect(plan.measures.map((m) => m.text)).toEqual([
      '降低企业用能成本。推进电力直接交易。\n牵头单位:市发展改革委\n责任单位:各区县人民政府',
      '降低企业物流成本。清理规范收费项目。\n完成时限:2018年底前',
    ]);
    expect(result.furniture.map((f) => [f.line, f.kind])).toEqual([
      [1, 'masthead'],
      [3, 'masthead'],
      [17, 'rule'],
      [20, 'rule'],
    ]);
  });

  it('keeps a 版记 without 抄送 out of the last measure, and does not take a masthead for the title', () => {
    const result = parsePlanText(
      doc(
        '某某市人民政府办公室文件',
        '某某市推进某某工作实施方案',
        '一、重点任务',
        '1.建立工作机制。成立工作专班。',
        '2.完善配套政策。出台实施细则。',
        '某某市人民政府办公室',
        '2018年3月2日印发',
      ),
    );
    expect(result.plan.title).toBe('某某市推进某某工作实施方案');
    expect(result.plan.measures.map((m) => m.text)).toEqual(['建立工作机制。成立工作专班。', '完善配套政策。出台实施细则。']);
    expect(result.plan.issuedOn).toBe('2018-03-02');
    expect(result.plan.issuer).toBe('某某市人民政府办公室');
  });

  it('does not take a title that merely ends in 文件 for a masthead', () => {
    const plan = parseClean(doc('关于规范行政规范性文件', '一、重点任务', '1.建立审查机制。(市司法局负责)'));
    expect(plan.title).toBe('关于规范行政规范性文件');
  });
});

describe('a municipal circular of 若干措施 read in every layout', () => {
  const text = doc(
    '某某市人民政府办公室文件',
    '某政办发〔2017〕12号',
    '━━━━━━━━━━━━━━━━━━━━━━━━',
    '某某市人民政府办公室',
    '关于印发某某市促进民营经济高质量发展若干措施的通知',
    '各区县人民政府，市政府各部门，各直属机构：',
    '　　《某某市促进民营经济高质量发展若干措施》已经市政府同意，现印发给你们，请认真贯彻落实。',
    '某某市人民政府办公室',
    '2017年5月8日',
    '（此件公开发布）',
    '某某市促进民营经济高质量发展若干措施',
    '　　为深入贯彻落实党中央、国务院和省委、省政府关于支持民营经济发展的决策部署，制定以下措施。',
    '一、降低企业经营成本',
    '　　（一）降低用地成本。工业用地出让底价可按不低于所在地土地等级相对应工业用地出让最低价标准的70%确定。（责任单位：市自然资源局（牵头）、各区县人民政府；完成时限：2017年12月底前）',
    '　　（二）降低用电成本。扩大电力直接交易规模，2017.9.30前完成年度交易。（责任单位：市发展改革委、国网某某供电公司；完成时限：长期坚持）',
    '二、缓解融资难融资贵',
    '　　（三）设立应急转贷资金。市财政安排资金1.5亿元设立应急转贷资金，按第1.2条规定使用。',
    '　　牵头单位：市金融办',
    '　　责任单位：市财政局、人民银行某某中心支行',
    '　　完成时限：每季度末',
    '　　（四）加大信贷投放。1.推动银行机构单列民营企业信贷计划。（人民银行某某中心支行牵头，市金融办配合） 2.开展银企对接活动。（市金融办负责）',
    '三、保障措施',
    '　　各区县、各部门要于2017年12月底前将落实情况报市发展改革委。',
    '————————————————————————',
    '抄送：市委各部门，市人大常委会办公室，市政协办公室，市法院，',
    '　　　市检察院。',
    '————————————————————————',
    '某某市人民政府办公室　　　　　　　　2017年5月9日印发',
  );
  const expected = [
    ['1.1', '降低用地成本', ['市自然资源局:lead', '各区县人民政府'], '2017-12-31', null],
    // The 完成时限 field is the measure's deadline; a date in its text is a step on the way.
    ['1.2', '降低用电成本', ['市发展改革委', '国网某某供电公司'], null, 'ongoing'],
    ['2.3', '设立应急转贷资金', ['市金融办:lead', '市财政局', '人民银行某某中心支行'], null, 'quarterly'],
    ['2.4.1', '推动银行机构单列民营企业信贷计划', ['人民银行某某中心支行:lead', '市金融办:support'], null, null],
    ['2.4.2', '开展银企对接活动', ['市金融办'], null, null],
  ];
  /** The frame and the measures, whatever the layout. */
  function reading(plan: Plan) {
    return {
      title: plan.title,
      noticeTitle: plan.noticeTitle,
      docNumber: plan.docNumber,
      issuer: plan.issuer,
      issuedOn: plan.issuedOn,
      measures: measures(plan),
      deadlines: plan.deadlines.map((d) => [d.date, d.recipient]),
    };
  }
  const frame = {
    title: '某某市促进民营经济高质量发展若干措施',
    noticeTitle: '某某市人民政府办公室关于印发某某市促进民营经济高质量发展若干措施的通知',
    docNumber: '某政办发〔2017〕12号',
    issuer: '某某市人民政府办公室',
    issuedOn: '2017-05-08',
    measures: expected,
    deadlines: [['2017-12-31', '市发展改革委']],
  };

  it('one paragraph a line: (三) numbered on across chapters, 国网/人民银行 without the 市 of the names before', () => {
    const result = parsePlanText(text);
    expect(result.warnings).toEqual([]);
    expect(reading(result.plan)).toEqual(frame);
    expect(result.furniture.map((f) => [f.line, f.kind])).toEqual([
      [1, 'masthead'],
      [3, 'masthead'],
      [24, 'rule'],
      [27, 'rule'],
    ]);
  });

  it.each([10, 12, 16, 20, 24, 30])('hard-wrapped at %i characters with the first lines indented', (width) => {
    const result = parsePlanText(rewrap(text, width, { pageLines: 14, indent: true }));
    expect(result.layout).toBe('wrapped');
    expect(result.warnings).toEqual([]);
    expect(reading(result.plan)).toEqual(frame);
  });

  it('run together: masthead, rules and 版记 taken out, (三)/(四) found after the chapter and after the fields', () => {
    const result = parsePlanText(runTogether(text));
    expect(result.layout).toBe('run_together');
    expect(result.warnings).toEqual([]);
    expect(reading(result.plan)).toEqual(frame);
    expect(result.furniture.map((f) => f.kind)).toEqual(['masthead', 'masthead', 'rule', 'rule']);
  });
});

describe('department lists broken over short lines', () => {
  const text = doc(
    '某省推进制造业高质量发展实施方案',
    '一、主要任务',
    '1.实施技术改造专项行动。支持企业开展智能化改造。(省发展改革委、省经济和信息化委、省财政厅按职责分工负责)',
    '2.培育先进制造业集群。(省经济和信息化委牵头,省科技厅、省商务厅、各市人民政府配合)',
    '3.加强质量品牌建设。开展质量提升行动。',
    '牵头单位:省质监局',
    '责任单位:省工商局、省发展改革委、省经济和信息化委',
  );

  it.each([10, 11, 12, 13, 14, 15, 16])('reads one list when the text is wrapped at %i characters', (width) => {
    const base = measures(parseClean(text));
    const result = parsePlanText(rewrap(text, width, { pageLines: 12 }));
    expect(result.warnings).toEqual([]);
    expect(measures(result.plan)).toEqual(base);
  });

  it('reads a short fragment whose department list breaks mid-name', () => {
    const plan = parseClean(
      doc(
        '某省实施方案',
        '一、主要任务',
        '1.实施技术改造专项',
        '行动。(省发展改革委',
        '、省经济和信息化委、',
        '省财政厅按职责分工',
        '负责)',
        '2.培育先进制造业集',
        '群。(省发展改革委、',
        '省经济和信息化委、',
        '省财政',
        '厅按职责分工负责)',
      ),
    );
    expect(measures(plan)).toEqual([
      ['1.1', '实施技术改造专项行动', ['省发展改革委', '省经济和信息化委', '省财政厅'], null, null],
      ['1.2', '培育先进制造业集群', ['省发展改革委', '省经济和信息化委', '省财政厅'], null, null],
    ]);
  });

  it('reads a list broken mid-name over two lines of a one-paragraph-a-line text, in brackets or not', () => {
    const plan = parseClean(
      doc(
        '某省实施方案',
        '一、主要任务',
        '1.加快科技创新平台建设。省发展改革委、省经济和信息化委、省财政',
        '厅按职责分工负责。',
        '2.推进科技成果转化。(省科技厅牵头,省发展改革委、省经济和信息化委、省财',
        '政厅配合)',
        '3.加强知识产权保护。(省知识产权局负责)',
      ),
    );
    expect(measures(plan)).toEqual([
      ['1.1', '加快科技创新平台建设', ['省发展改革委', '省经济和信息化委', '省财政厅'], null, null],
      ['1.2', '推进科技成果转化', ['省科技厅:lead', '省发展改革委:support', '省经济和信息化委:support', '省财政厅:support'], null, null],
      ['1.3', '加强知识产权保护', ['省知识产权局'], null, null],
    ]);
    expect(plan.departments.map((d) => d.name)).not.toContain('厅');
  });

  it('does not join a line to the next for a bracket left open by mistake, nor a title to a clause', () => {
    const result = parsePlanText(
      doc('某省实施方案', '省财政厅负责。', '一、主要任务', '1.完善(政策。内容。', '加强督导。(省财政厅负责)', '2.乙。(省商务厅负责)'),
    );
    expect(result.plan.title).toBe('某省实施方案');
    expect(result.plan.measures.map((m) => m.text)).toEqual(['完善(政策。内容。\n加强督导。(省财政厅负责)', '乙。(省商务厅负责)']);
  });

  it('parses the seed wrapped at 10 to 17 characters to the seed’s measures and departments', () => {
    const seed = parsePlanText(seedText()).plan;
    for (let width = 10; width <= 17; width++) {
      const result = parsePlanText(rewrap(seedText(), width, { pageLines: 40 }));
      expect({ width, measures: measures(result.plan), departments: result.plan.departments }).toEqual({
        width,
        measures: measures(seed),
        departments: seed.departments,
      });
    }
  });
});
