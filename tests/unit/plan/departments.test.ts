import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENT_ALIASES, parsePlanText, planSchema } from '../../../shared/plan';
import {
  aliasMap,
  cleanDepartmentName,
  extractClause,
  parseClause,
  resolveDepartments,
  splitNames,
} from '../../../shared/plan/departments';
import { doc, fixtureText, parseClean, roles } from './helpers';

/** Departments of a one-measure plan whose measure ends with `clause` (and maybe more lines). */
function clauseRoles(clause: string, ...after: string[]): string[] {
  const plan = parseClean(doc('某某方案', '一、任务', `1.建立机制。成立专班。${clause}`, ...after));
  expect(plan.measures).toHaveLength(1);
  return roles(plan.measures[0] ?? { departments: [] });
}

describe('responsibility clauses', () => {
  it.each([
    ['(发展改革、经济和信息化、质监等部门按职责分工负责)', ['发展改革', '经济和信息化', '质监']],
    ['（发展改革、经济和信息化、质监等部门按职责分工负责）', ['发展改革', '经济和信息化', '质监']],
    ['(发展改革、商务,海关、出入境检验检疫等部门按职责分工负责)', ['发展改革', '商务', '海关', '出入境检验检疫']],
    ['（发展改革，商务;海关；出入境检验检疫等部门负责）', ['发展改革', '商务', '海关', '出入境检验检疫']],
    ['(省发展改革委、省财政厅负责)', ['省发展改革委', '省财政厅']],
    ['(省发展改革委、省财政厅按职责分工负责)', ['省发展改革委', '省财政厅']],
    ['(省发展改革委、省财政厅分别负责)', ['省发展改革委', '省财政厅']],
    ['(省发展改革委、省财政厅共同负责)', ['省发展改革委', '省财政厅']],
    ['(各县(市、区)政府负责)', ['各县(市、区)政府']],
    ['(由省发展改革委负责)', ['省发展改革委']],
    ['(各市政府负总责,省直有关部门配合)', ['各市政府']],
    ['(省财政厅具体负责)', ['省财政厅']],
  ])('reads %s', (clause, expected) => {
    expect(clauseRoles(clause)).toEqual(expected);
  });

  it('reads a lead and the others supporting: 牵头 … 配合/参与/协助', () => {
    expect(clauseRoles('(省发展改革委牵头,省商务厅、财政厅配合)')).toEqual(['省发展改革委:lead', '省商务厅:support', '省财政厅:support']);
    expect(clauseRoles('(省发展改革委牵头,省商务厅参与)')).toEqual(['省发展改革委:lead', '省商务厅:support']);
    expect(clauseRoles('(省发展改革委牵头负责,省商务厅协助)')).toEqual(['省发展改革委:lead', '省商务厅:support']);
    expect(clauseRoles('(省商务厅配合)')).toEqual(['省商务厅:support']);
  });

  it('makes names “按职责分工负责” after a lead supporting', () => {
    expect(clauseRoles('(省发展改革委牵头,省商务厅、财政厅等按职责分工负责)')).toEqual([
      '省发展改革委:lead',
      '省商务厅:support',
      '省财政厅:support',
    ]);
  });

  it('reads 牵头单位/责任单位 fields with either colon, and 完成时限', () => {
    expect(clauseRoles('(牵头单位:省发展改革委;责任单位:省商务厅、省财政厅)')).toEqual(['省发展改革委:lead', '省商务厅', '省财政厅']);
    expect(clauseRoles('（牵头单位：省发展改革委；配合单位：省商务厅）')).toEqual(['省发展改革委:lead', '省商务厅:support']);
    expect(clauseRoles('(牵头单位:省发展改革委;责任单位:省发展改革委、省商务厅)')).toEqual(['省发展改革委:lead', '省商务厅']);
  });

  it('attaches 牵头单位/责任单位/完成时限 lines that follow the measure', () => {
    const plan = parseClean(fixtureText('labelled-clauses.txt').split('\n').slice(0, 8).join('\n'));
    const measure = plan.measures[1];
    expect(roles(measure ?? { departments: [] })).toEqual(['省商务厅:lead', '省财政厅', '省人力资源社会保障厅']);
    expect(measure?.tasks).toEqual(['出台配套政策']);
    expect(measure?.due).toBe('2018-12-31');
    expect(measure?.text).toBe(
      '完善政策体系。出台配套政策。\n牵头单位:省商务厅\n责任单位:省财政厅、省人力资源社会保障厅\n完成时限:2018年底',
    );
  });

  it('attaches a “…负责落实。” paragraph to the measure before it', () => {
    expect(clauseRoles('', '省经济和信息化委、省财政厅负责落实。')).toEqual(['省经济和信息化委', '省财政厅']);
    expect(clauseRoles('', '（省经济和信息化委牵头，省财政厅配合）')).toEqual(['省经济和信息化委:lead', '省财政厅:support']);
  });

  it('reads the clause endings 等部门负责, 负责, 牵头, 配合 as a sentence of the measure', () => {
    expect(clauseRoles('省财政厅、省商务厅等部门负责。')).toEqual(['省财政厅', '省商务厅']);
    expect(clauseRoles('省财政厅负责。')).toEqual(['省财政厅']);
    expect(clauseRoles('省财政厅牵头。')).toEqual(['省财政厅:lead']);
    expect(clauseRoles('省财政厅牵头,省商务厅配合。')).toEqual(['省财政厅:lead', '省商务厅:support']);
  });

  it('strips the clause from the title of a one-sentence measure', () => {
    const plan = parseClean(doc('某某方案', '一、任务', '1.建立联席会议制度(省发展改革委负责)。'));
    expect(plan.measures[0]?.title).toBe('建立联席会议制度');
    expect(plan.measures[0]?.tasks).toEqual([]);
  });

  it('does not take prose or other parentheses for a clause', () => {
    for (const text of ['各级政府负责组织实施', '加强与人民银行济南分行配合', '鼓励企业广泛参与', '负责']) {
      expect(extractClause(text), text).toBeNull();
    }
    for (const text of ['此件公开发布', '国发〔2015〕32号', '质量控制小组', '电动']) {
      expect(parseClause(text, 'lenient'), text).toBeNull();
    }
    expect(parseClause('省财政厅负责资金保障', 'lenient')).toBeNull();
  });

  it('keeps a trailing date of a clause as the due date', () => {
    expect(parseClause('省财政厅牵头,省商务厅配合,2017年底前完成', 'lenient')).toEqual({
      entries: [
        { name: '省财政厅', role: 'lead' },
        { name: '省商务厅', role: 'support' },
      ],
      due: ['2017年底前完成'],
      assignsResponsibility: true,
    });
  });

  it('drops placeholders such as 有关部门 but still counts the clause', () => {
    expect(parseClause('各有关部门按职责分工负责', 'lenient')).toEqual({ entries: [], due: [], assignsResponsibility: true });
    expect(clauseRoles('(各市政府、省直有关部门共同负责)')).toEqual(['各市政府']);
    for (const name of ['有关部门', '各有关部门', '相关单位', '省直有关部门', '其他有关部门', '各部门']) {
      expect(cleanDepartmentName(name), name).toBe('');
    }
  });

  it('splits names only outside brackets', () => {
    expect(splitNames('各县(市、区)政府、省财政厅,省商务厅；省教育厅')).toEqual(['各县(市、区)政府', '省财政厅', '省商务厅', '省教育厅']);
  });
});

describe('department names', () => {
  it('cleans 等部门 endings, white space and 部门 suffixes', () => {
    expect(cleanDepartmentName(' 省 财政厅等部门')).toBe('省财政厅');
    expect(cleanDepartmentName('财政部门')).toBe('财政');
    expect(cleanDepartmentName('由省商务厅')).toBe('省商务厅');
  });

  it('maps spellings through the alias table, keeping the level prefix', () => {
    const aliases = aliasMap(DEFAULT_DEPARTMENT_ALIASES);
    const names = (written: string[]) =>
      resolveDepartments(
        written.map((name) => ({ name, role: 'responsible' })),
        aliases,
      ).map((d) => d.name);
    expect(names(['发展和改革'])).toEqual(['发展改革']);
    expect(names(['省发展和改革委员会', '住房和城乡建设', '省人社厅'])).toEqual(['省发展改革委', '住房城乡建设', '省人力资源社会保障厅']);
    expect(names(['发展改革', '发展和改革'])).toEqual(['发展改革']);
  });

  it('gives a name without 省 the 省 of an earlier name in the same measure', () => {
    const aliases = aliasMap(DEFAULT_DEPARTMENT_ALIASES);
    const resolved = resolveDepartments(
      ['省商务厅', '财政厅', '各市政府', '国家统计局'].map((name) => ({ name, role: 'support' as const })),
      aliases,
    );
    expect(resolved.map((d) => [d.name, d.written])).toEqual([
      ['省商务厅', '省商务厅'],
      ['省财政厅', '财政厅'],
      ['各市政府', '各市政府'],
      ['国家统计局', '国家统计局'],
    ]);
    expect(
      resolveDepartments(
        [
          { name: '市发展改革委', role: 'lead' },
          { name: '市场监管局', role: 'support' },
        ],
        aliases,
      ).map((d) => d.name),
    ).toEqual(['市发展改革委', '市市场监管局']);
  });

  it('merges a name without 省 into the 省 one seen elsewhere in the plan, recording the spelling', () => {
    const plan = parseClean(doc('某某方案', '一、任务', '1.甲。内容。(财政厅负责)', '2.乙。内容。(省财政厅、省发展和改革委员会负责)'));
    expect(plan.measures.map(roles)).toEqual([['省财政厅'], ['省财政厅', '省发展改革委']]);
    expect(plan.departments).toEqual([
      { name: '省财政厅', aliases: ['财政厅'] },
      { name: '省发展改革委', aliases: ['省发展和改革委员会'] },
    ]);
  });

  it('lists plan departments in order of first appearance with their other spellings', () => {
    const { plan } = parsePlanText(fixtureText('labelled-clauses.txt'));
    expect(plan.departments).toEqual([
      { name: '省发展改革委', aliases: ['省发展和改革委员会'] },
      { name: '省商务厅', aliases: [] },
      { name: '省财政厅', aliases: ['财政厅'] },
      { name: '省人力资源社会保障厅', aliases: [] },
      { name: '省经济和信息化委', aliases: [] },
      { name: '省公安厅', aliases: [] },
      { name: '省教育厅', aliases: [] },
      { name: '各市政府', aliases: [], collective: true },
    ]);
    expect(plan.measures.map(roles)).toEqual([
      ['省发展改革委:lead', '省商务厅', '省财政厅'],
      ['省商务厅:lead', '省财政厅', '省人力资源社会保障厅'],
      ['省财政厅', '省发展改革委'],
      ['省发展改革委:lead', '省商务厅:support', '省财政厅:support'],
      ['省经济和信息化委:lead', '省公安厅:support', '省财政厅:support'],
      ['省人力资源社会保障厅', '省教育厅'],
      ['各市政府'],
    ]);
  });

  it('takes the alias table as an option, replacing the default', () => {
    const text = doc('某某方案', '一、任务', '1.甲。内容。(发改委、经信委、发展和改革负责)');
    expect(parsePlanText(text).plan.departments.map((d) => d.name)).toEqual(['发展改革委', '经济和信息化委', '发展改革']);
    const custom = parsePlanText(text, { aliases: { 发改委: '发展改革', constructor: 'x' } }).plan;
    expect(custom.departments).toEqual([
      { name: '发展改革', aliases: ['发改委'] },
      { name: '经信委', aliases: [] },
      { name: '发展和改革', aliases: [] },
    ]);
  });

  it('is not confused by names that are Object.prototype keys', () => {
    const plan = parseClean(doc('某某方案', '一、任务', '1.甲。内容。(省constructor、省hasOwnProperty、省toString负责)'));
    expect(plan.departments).toEqual([
      { name: '省constructor', aliases: [] },
      { name: '省hasOwnProperty', aliases: [] },
      { name: '省toString', aliases: [] },
    ]);
  });

  it('exports a frozen default alias table whose targets are canonical', () => {
    expect(Object.isFrozen(DEFAULT_DEPARTMENT_ALIASES)).toBe(true);
    for (const target of Object.values(DEFAULT_DEPARTMENT_ALIASES)) expect(DEFAULT_DEPARTMENT_ALIASES[target], target).toBeUndefined();
  });
});

describe('collective names', () => {
  it('keeps 市政府各部门, 各区政府, 各市人民政府, 各县（市、区）政府 whole and marks them collective', () => {
    const plan = parseClean(
      doc(
        '某市方案',
        '一、任务',
        '1.建立机制。成立专班。',
        '牵头单位:市发展改革委',
        '责任单位:各区政府、市政府各部门',
        '2.完善政策。出台配套政策。(各市人民政府、各县（市、区）政府负责)',
      ),
    );
    expect(plan.measures.map(roles)).toEqual([
      ['市发展改革委:lead', '各区政府', '市政府各部门'],
      ['各市人民政府', '各县（市、区）政府'],
    ]);
    expect(plan.departments).toEqual([
      { name: '市发展改革委', aliases: [] },
      { name: '各区政府', aliases: [], collective: true },
      { name: '市政府各部门', aliases: [], collective: true },
      { name: '各市人民政府', aliases: [], collective: true },
      { name: '各县（市、区）政府', aliases: [], collective: true },
    ]);
    expect(planSchema.parse(plan)).toEqual(plan);
  });

  it('keeps 各有关单位 as a collective name in a 责任单位 field, but not in a 负责 clause', () => {
    const plan = parseClean(doc('某市方案', '一、任务', '1.建立机制。成立专班。', '牵头单位:市商务局', '配合单位:各有关单位'));
    expect(plan.measures.map(roles)).toEqual([['市商务局:lead', '各有关单位:support']]);
    expect(plan.departments[1]).toEqual({ name: '各有关单位', aliases: [], collective: true });
    expect(parseClause('各有关单位按职责分工负责', 'lenient')?.entries).toEqual([]);
  });

  it('reads a plan JSON written before the collective flag', () => {
    const plan = parseClean(doc('某市方案', '一、任务', '1.建立机制。(各区政府负责)'));
    const { collective: _, ...older } = plan.departments[0] ?? { name: '', aliases: [] };
    expect(planSchema.parse({ ...plan, departments: [older] }).departments).toEqual([{ name: '各区政府', aliases: [] }]);
  });
});
