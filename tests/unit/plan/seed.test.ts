import { describe, expect, it } from 'vitest';
import { parsePlanText, planSchema } from '../../../shared/plan';
import { seedDepartmentNames } from '../../support/seed';
import { seedText } from './helpers';

const { plan, warnings, omittedWarnings } = parsePlanText(seedText());
const seedLines = seedText().split('\n');
const seedLine = (start: string) => seedLines.find((line) => line.startsWith(start)) ?? '';

/** Written out by hand from the responsibility clauses of the seed, in document order. */
const EXPECTED_DEPARTMENTS: Record<string, string[]> = {
  '2.1.1': ['发展改革', '经济和信息化', '住房城乡建设', '交通运输', '水利', '农业', '林业', '旅游', '质监', '出入境检验检疫'],
  '2.1.2': ['经济和信息化', '国资', '质监'],
  '2.1.3': ['经济和信息化', '教育', '人力资源社会保障', '水利', '质监'],
  '2.2.1': ['发展改革', '经济和信息化', '科技', '知识产权', '中小企业'],
  '2.2.2': ['财政', '科技', '质监'],
  '2.2.3': ['经济和信息化', '住房城乡建设', '水利', '农业', '林业', '商务', '旅游', '工商', '质监', '食品药品监管', '出入境检验检疫'],
  '2.2.4': ['发展改革', '商务', '海关', '出入境检验检疫'],
  '2.3.1': ['农业', '林业'],
  '2.3.2': ['发展改革', '经济和信息化', '环保', '工商', '质监'],
  '2.3.3': ['发展改革', '经济和信息化', '商务', '卫生计生', '旅游', '金融'],
  '2.3.4': ['住房城乡建设', '交通运输', '水利'],
  '2.3.5': ['经济和信息化', '环保'],
  '2.3.6': ['经济和信息化', '公安', '商务', '工商', '质监', '出入境检验检疫'],
  '2.4.1': ['公安', '住房城乡建设', '交通运输', '水利', '农业', '工商', '质监', '食品药品监管', '出入境检验检疫'],
  '2.4.2': ['经济和信息化', '教育', '住房城乡建设', '水利', '农业', '商务', '质监', '食品药品监管', '出入境检验检疫'],
  '2.4.3': ['发展改革', '住房城乡建设', '交通运输', '水利', '商务', '旅游', '工商', '质监'],
  '2.4.4': ['宣传', '经济和信息化', '商务', '新闻出版广电', '工商', '质监', '金融', '出入境检验检疫'],
};

const EXPECTED_TITLES = [
  '大力加强质量技术基础建设',
  '着力强化企业质量管理',
  '积极提高劳动者职业技能和质量素养',
  '打造质量技术新优势',
  '打造标准化建设新优势',
  '打造品牌发展新优势',
  '打造外贸竞争新优势',
  '实施现代农业质量提升工程',
  '实施制造业质量提升工程',
  '实施服务业质量提升工程',
  '实施工程质量提升工程',
  '实施大气环境质量提升工程',
  '实施电子商务产业质量提升工程',
  '强化重点领域质量安全监管',
  '加强质量安全风险研判',
  '加快质量信用体系建设',
  '充分发挥各类媒体的宣传和监督作用',
];

describe('the Shandong 2016 seed', () => {
  it('parses with zero warnings into a valid Plan JSON', () => {
    expect(warnings).toEqual([]);
    expect(omittedWarnings).toBe(0);
    expect(planSchema.parse(plan)).toEqual(plan);
    expect(plan.format).toBe('planledger-plan');
    expect(plan.version).toBe(1);
  });

  it('reads the header: title joined over two lines, number, issuer, date, notice and preamble', () => {
    expect(plan.title).toBe('山东省贯彻实施质量发展纲要2016年行动计划');
    expect(plan.noticeTitle).toBe('山东省人民政府办公厅关于印发山东省贯彻实施质量发展纲要2016年行动计划的通知');
    expect(plan.docNumber).toBe('鲁政办字〔2016〕103号');
    expect(plan.issuer).toBe('山东省人民政府办公厅');
    expect(plan.issuedOn).toBe('2016-07-07');
    expect(plan.noticeText).toBe(`${seedLine('各市人民政府')}\n${seedLine('《山东省')}`);
    expect(plan.preamble).toBe(seedLine('为贯彻落实'));
  });

  it('keeps the chapters with their unnumbered text', () => {
    expect(plan.chapters).toEqual([
      { code: '1', title: '总体要求', text: seedLine('紧紧围绕') },
      { code: '2', title: '主要措施', text: '' },
      { code: '3', title: '工作要求', text: seedLine('各市、各部门于') },
    ]);
  });

  it('finds exactly 4 groups and 17 measures (3 + 4 + 6 + 4) under chapter 二', () => {
    expect(plan.groups.map((g) => [g.code, g.chapter, g.title])).toEqual([
      ['2.1', '主要措施', '加强质量基础建设,培育质量和品牌提升新动能'],
      ['2.2', '主要措施', '实施创新驱动战略,构筑质量和品牌竞争新优势'],
      ['2.3', '主要措施', '实施质量提升工程,开创质量和品牌提升新局面'],
      ['2.4', '主要措施', '加强质量安全监管,打造质量和品牌提升新环境'],
    ]);
    expect(plan.measures).toHaveLength(17);
    const perGroup = plan.groups.map((g) => plan.measures.filter((m) => m.group === g.title).length);
    expect(perGroup).toEqual([3, 4, 6, 4]);
    expect(plan.measures.every((m) => m.chapter === '主要措施')).toBe(true);
  });

  it('codes the measures 2.1.1 … 2.4.4 with display labels', () => {
    expect(plan.measures.map((m) => m.code)).toEqual(Object.keys(EXPECTED_DEPARTMENTS));
    expect(plan.measures.map((m) => m.label)).toEqual([
      '(一)1',
      '(一)2',
      '(一)3',
      '(二)1',
      '(二)2',
      '(二)3',
      '(二)4',
      '(三)1',
      '(三)2',
      '(三)3',
      '(三)4',
      '(三)5',
      '(三)6',
      '(四)1',
      '(四)2',
      '(四)3',
      '(四)4',
    ]);
  });

  it('titles each measure with its first sentence, without number or 。', () => {
    expect(plan.measures.map((m) => m.title)).toEqual(EXPECTED_TITLES);
  });

  it('keeps each measure’s full official text after its number, responsibility clause included', () => {
    const measureLines = seedLines.filter((line) => /^\d\./u.test(line));
    expect(plan.measures.map((m) => m.text)).toEqual(measureLines.map((line) => line.slice(2)));
    expect(
      plan.measures[0]?.text.endsWith(
        '(发展改革、经济和信息化、住房城乡建设、交通运输、水利、农业、林业、旅游、质监、出入境检验检疫等部门按职责分工负责)',
      ),
    ).toBe(true);
  });

  it('lists each measure’s departments in the clause’s order, all responsible', () => {
    for (const measure of plan.measures) {
      expect(
        measure.departments.map((d) => d.name),
        measure.code,
      ).toEqual(EXPECTED_DEPARTMENTS[measure.code]);
      expect(
        measure.departments.every((d) => d.role === 'responsible'),
        measure.code,
      ).toBe(true);
    }
  });

  it('normalises to exactly the 27 departments in order of first appearance', () => {
    expect(plan.departments.map((d) => d.name)).toEqual(seedDepartmentNames);
    expect(plan.departments.find((d) => d.name === '发展改革')?.aliases).toEqual(['发展和改革']);
    expect(plan.departments.filter((d) => d.aliases.length > 0)).toHaveLength(1);
  });

  it('counts 经济和信息化 in 11 measures and 质监 in 11', () => {
    const count = (name: string) => plan.measures.filter((m) => m.departments.some((d) => d.name === name)).length;
    expect(count('经济和信息化')).toBe(11);
    expect(count('质监')).toBe(11);
  });

  it('reads the reporting deadline with the short name of the recipient', () => {
    expect(plan.deadlines).toEqual([
      {
        date: '2017-01-31',
        recipient: '省质监局',
        text: '各市、各部门于2017年1月底前将工作开展情况报省质量强省及名牌战略推进工作领导小组办公室(省质监局)',
        measure: null,
      },
    ]);
  });

  it('reads the three general requirements of chapter 三', () => {
    expect(plan.requirements.map((r) => [r.code, r.title])).toEqual([
      ['3.1', '加强组织领导'],
      ['3.2', '密切协调配合'],
      ['3.3', '强化督导考核'],
    ]);
    expect(plan.requirements[0]?.text).toBe(seedLine('(一)加强组织领导。').slice('(一)加强组织领导。'.length));
    expect(plan.requirements[2]?.text.startsWith('依据《山东省质量工作考核办法》')).toBe(true);
    expect(plan.requirements.some((r) => r.text.includes('2017年1月底前'))).toBe(false);
  });

  it('has no due dates (the seed sets none per measure)', () => {
    expect(plan.measures.map((m) => m.due)).toEqual(new Array(17).fill(null));
  });

  it('splits the first measure into its tasks', () => {
    expect(plan.measures[0]?.tasks).toEqual([
      '认真落实《山东省人民政府关于深化标准化工作改革提升“山东标准”建设水平的意见》(鲁政发〔2015〕26号),完成年度标准化工作改革任务',
      '实施技术标准创新工程,支持在重点企业、行业、产业建设国家级技术标准创新基地',
      '充分发挥计量的技术保障作用,以服务战略性新兴产业等领域为重点,开展量传溯源和在线检测技术的研究,加快环境保护、安全防护领域标准物质的研制',
      '加快建设国家节能家电产业计量测试中心,引导推进先进计量技术在企业生产全过程、产品全生命周期中的应用',
      '加强节能、低碳、环保、信息安全等重点领域的认证推广工作',
      '鼓励认证机构开展国际合作,推动认证结果国际互认',
      '加快建设一批适应现代农业、现代制造业、战略性新兴产业、区域特色产业、高端服务业发展的检验检测技术服务机构',
      '大力推进检验检测领域高新企业认定工作',
      '加快推进检验检测认证机构改革,推动检验检测认证服务机构由提供单一类型合格评定服务向复合型、规模化、品牌化、专业化发展',
    ]);
  });

  it('splits tasks at ；, and drops a clause preceded by a space', () => {
    const second = plan.measures[1];
    expect(second?.tasks.slice(0, 3)).toEqual([
      '加强分类指导,实施精准服务,引导中小企业建立质量管理体系,夯实质量工作基础',
      '指导大型企业采用卓越绩效管理等与国际接轨的质量管理模式,树立质量发展标杆',
      '鼓励龙头骨干企业完善质量品牌建设体系,争创知名品牌',
    ]);
    expect(second?.tasks.at(-1)).toBe('开展企业管理提升专项行动,引导企业内部挖潜、降本增效');
    expect(plan.measures.flatMap((m) => m.tasks).some((t) => t.includes('按职责分工负责'))).toBe(false);
  });
});
