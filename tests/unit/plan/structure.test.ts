import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../shared/plan';
import { doc, fixtureText, parseClean, roles } from './helpers';

describe('numbering shapes', () => {
  it('reads full-width （一） groups, 1、 1． 1﹒ items, 　　 indents and blank lines', () => {
    const plan = parseClean(fixtureText('groups-fullwidth.txt'));
    expect(plan.groups.map((g) => [g.code, g.title])).toEqual([
      ['2.1', '完善制度体系'],
      ['2.2', '加强能力建设'],
    ]);
    expect(plan.measures.map((m) => [m.code, m.label, m.title])).toEqual([
      ['2.1.1', '(一)1', '健全法规标准'],
      ['2.1.2', '(一)2', '强化监督检查'],
      ['2.2.1', '(二)1', '建设检测平台'],
      ['2.2.2', '(二)2', '培养专业人才'],
    ]);
    expect(plan.measures[0]?.text).toBe('健全法规标准。修订相关标准；加快立法进程。（发展改革、工业和信息化、质检等部门按职责分工负责）');
    expect(plan.measures[0]?.tasks).toEqual(['修订相关标准', '加快立法进程']);
    expect(plan.measures.map(roles)).toEqual([
      ['发展改革', '工业和信息化', '质检'],
      ['商务', '海关', '质检'],
      ['科技部', '财政部'],
      ['人力资源社会保障部'],
    ]);
  });

  it('reads Windows line endings exactly like Unix ones', () => {
    const unix = fixtureText('groups-fullwidth.txt');
    const windows = unix.replace(/\n/gu, '\r\n');
    expect(windows).toContain('\r\n');
    expect(parsePlanText(windows)).toEqual(parsePlanText(unix));
    expect(parsePlanText(unix.replace(/\n/gu, '\r')).plan).toEqual(parsePlanText(unix).plan);
    const breaks = parsePlanText('某某方案\f一、任务\v1.甲。(省财政厅负责)\u20282.乙。(省商务厅负责)');
    expect(breaks.plan.measures.map((m) => m.code)).toEqual(['1.1', '1.2']);
    expect(breaks.warnings).toEqual([]);
  });

  it('numbers items directly under a chapter chapter.n, with and without groups in other chapters', () => {
    const plan = parseClean(
      doc(
        '某某方案',
        '一、主要任务',
        '1.建立机制。成立专班。(省发展改革委负责)',
        '2.完善政策。出台政策。(省财政厅负责)',
        '二、重点工程',
        '(一)建设平台。建设统一平台。(省大数据局负责)',
        '(二)培养人才。开展培训。(省人力资源社会保障厅负责)',
      ),
    );
    expect(plan.groups).toEqual([]);
    expect(plan.measures.map((m) => [m.code, m.label, m.chapter, m.group])).toEqual([
      ['1.1', '1', '主要任务', null],
      ['1.2', '2', '主要任务', null],
      ['2.1', '(一)', '重点工程', null],
      ['2.2', '(二)', '重点工程', null],
    ]);
  });

  it('numbers chapters up to 十几 and mixes half- and full-width brackets', () => {
    const lines = ['某某方案'];
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    numerals.forEach((n, i) => {
      lines.push(`${n}、第${String(i + 1)}章`, `(一）措施${String(i + 1)}。内容。（省财政厅负责)`);
    });
    const plan = parseClean(doc(...lines));
    expect(plan.chapters.map((c) => c.code)).toEqual(numerals.map((_, i) => String(i + 1)));
    expect(plan.measures.map((m) => m.code)).toEqual(numerals.map((_, i) => `${String(i + 1)}.1`));
    expect(plan.measures[11]?.chapter).toBe('第12章');
  });

  it('numbers a document without chapters by its groups and items, or by items alone', () => {
    const grouped = parseClean(doc('某某方案', '(一)第一组', '1.甲。内容。(省财政厅负责)', '(二)第二组', '1.乙。内容。(省商务厅负责)'));
    expect(grouped.chapters).toEqual([]);
    expect(grouped.groups.map((g) => [g.code, g.chapter, g.title])).toEqual([
      ['1', null, '第一组'],
      ['2', null, '第二组'],
    ]);
    expect(grouped.measures.map((m) => [m.code, m.chapter, m.group])).toEqual([
      ['1.1', null, '第一组'],
      ['2.1', null, '第二组'],
    ]);

    const flat = parseClean(doc('某某方案', '1.甲。内容。(省财政厅负责)', '2.乙。内容。(省商务厅负责)'));
    expect(flat.measures.map((m) => [m.code, m.label, m.chapter, m.group])).toEqual([
      ['1', '1', null, null],
      ['2', '2', null, null],
    ]);
  });

  it('splits several numbered measures written in one paragraph, but not 2.5亿元', () => {
    const plan = parseClean(fixtureText('one-paragraph-measures.txt'));
    expect(plan.measures.map((m) => [m.code, m.text])).toEqual([
      ['1.1', '加强监管。开展联合检查。(市市场监管局负责)'],
      ['1.2', '优化服务。推行网上办理。(市政务服务办负责)'],
      ['1.3', '强化宣传。(市委宣传部负责)'],
      ['1.4', '加大投入。安排资金2.5亿元,支持企业发展。(市财政局负责)'],
    ]);
    expect(plan.measures.map(roles)).toEqual([['市市场监管局'], ['市政务服务办'], ['市委宣传部'], ['市财政局']]);
    expect(plan.requirements).toEqual([
      { code: '2.1', title: '加强领导', text: '各单位要加强领导。' },
      { code: '2.2', title: '落实责任', text: '各单位要落实责任。' },
    ]);
  });

  it('does not split at a number that is out of sequence or not after a sentence end', () => {
    const plan = parseClean(doc('某某方案', '一、任务', '1.甲。完成第3.项内容,共2.个方面。(省财政厅负责)3.丙。内容。(省商务厅负责)'));
    expect(plan.measures.map((m) => m.text)).toEqual(['甲。完成第3.项内容,共2.个方面。(省财政厅负责)3.丙。内容。(省商务厅负责)']);
  });

  it('keeps the numbered points of a 总体要求 chapter as chapter text', () => {
    const plan = parseClean(fixtureText('standalone-plan.txt'));
    expect(plan.chapters[0]).toEqual({
      code: '1',
      title: '总体要求',
      text: '(一)指导思想。以新发展理念为指导,扎实推进农村人居环境整治。\n(二)基本原则。坚持因地制宜、分类指导。',
    });
    expect(plan.measures.map((m) => m.code)).toEqual(['2.1', '2.2']);
  });

  it('makes numbered points of a 工作要求/保障措施/组织实施 chapter requirements, unless they name departments', () => {
    const plan = parseClean(
      doc(
        '某某方案',
        '一、重点任务',
        '(一)甲。内容。(省财政厅负责)',
        '二、保障措施',
        '(一)加强组织领导。各级各部门要加强领导。',
        '(二)加强资金保障。统筹安排资金。(省财政厅负责)',
      ),
    );
    expect(plan.requirements).toEqual([{ code: '2.1', title: '加强组织领导', text: '各级各部门要加强领导。' }]);
    expect(plan.measures.map((m) => [m.code, m.chapter, m.title])).toEqual([
      ['1.1', '重点任务', '甲'],
      ['2.2', '保障措施', '加强资金保障'],
    ]);
  });

  it('keeps the phases of a 实施步骤 chapter as chapter text', () => {
    const plan = parseClean(
      doc(
        '某某方案',
        '一、重点任务',
        '(一)甲。内容。(省财政厅负责)',
        '二、实施步骤',
        '(一)动员部署阶段(2016年7月)。制定方案。',
        '(二)组织实施阶段(2016年8月—12月)。全面推进。',
      ),
    );
    expect(plan.measures.map((m) => m.code)).toEqual(['1.1']);
    expect(plan.chapters[1]?.text).toBe('(一)动员部署阶段(2016年7月)。制定方案。\n(二)组织实施阶段(2016年8月—12月)。全面推进。');
  });

  it('tells the kind of a chapter from its title, not from its text', () => {
    const { plan, warnings } = parsePlanText(doc('某某方案', '一、重点任务。确保各项保障到位,满足总体要求。', '(一)甲。内容。'));
    expect(plan.measures.map((m) => m.code)).toEqual(['1.1']);
    expect(plan.requirements).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['plan.measure_no_department']);
  });

  it('keeps a chapter heading’s extra sentences and a group’s intro text', () => {
    const plan = parseClean(
      doc('某某方案', '一、重点任务。围绕三个方面推进。', '(一)完善制度。本组包括两项。', '各地要高度重视。', '1.甲。内容。(省财政厅负责)'),
    );
    expect(plan.chapters[0]).toEqual({ code: '1', title: '重点任务', text: '围绕三个方面推进。' });
    expect(plan.groups[0]).toEqual({ code: '1.1', chapter: '重点任务', title: '完善制度', text: '本组包括两项。\n各地要高度重视。' });
  });
});

describe('paragraphs after a measure', () => {
  it('continues a measure over several paragraphs until its clause', () => {
    const plan = parseClean(doc('某某方案', '一、任务', '1.建立机制。成立专班。', '定期召开会议;及时通报进展。', '(省发展改革委负责)'));
    expect(plan.measures[0]?.text).toBe('建立机制。成立专班。\n定期召开会议;及时通报进展。\n(省发展改革委负责)');
    expect(plan.measures[0]?.tasks).toEqual(['成立专班', '定期召开会议', '及时通报进展']);
    expect(roles(plan.measures[0] ?? { departments: [] })).toEqual(['省发展改革委']);
  });

  it('attaches (1) ① 一是 points after the clause to the measure', () => {
    const plan = parseClean(
      doc(
        '某某方案',
        '一、任务',
        '1.建立机制。(省发展改革委负责)',
        '(1)成立专班。',
        '①定期会商。',
        '一是加强调度。',
        '2.乙。内容。(省财政厅负责)',
      ),
    );
    expect(plan.measures[0]?.tasks).toEqual(['(1)成立专班', '①定期会商', '一是加强调度']);
    expect(plan.measures).toHaveLength(2);
  });

  it('warns about a paragraph after a finished measure, with its line number', () => {
    const result = parsePlanText(
      ['某某方案', '', '一、任务', '1.甲。内容。(省财政厅负责)', '', '这一段无处安放。', '2.乙。内容。(省商务厅负责)'].join('\r\n'),
    );
    expect(result.warnings).toEqual([{ code: 'plan.unplaced_paragraph', line: 6, text: '这一段无处安放。' }]);
    expect(result.plan.measures.map((m) => m.text)).toEqual(['甲。内容。(省财政厅负责)', '乙。内容。(省商务厅负责)']);
  });

  it('cuts a long unplaced paragraph to 200 characters in the warning', () => {
    const long = '无'.repeat(500);
    const result = parsePlanText(doc('某某方案', '一、任务', '1.甲。内容。(省财政厅负责)', long));
    expect(result.warnings[0]?.text).toBe(`${'无'.repeat(200)}…`);
  });

  it('warns about a paragraph in a document without chapters or groups, and still reads its deadline', () => {
    const result = parsePlanText(
      doc('某某方案', '1.甲。内容。(省财政厅负责)', '各单位于2020年6月底前将情况报省政府办公厅。', '山东省人民政府', '2019年12月1日'),
    );
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([['plan.unplaced_paragraph', 3]]);
    expect(result.plan.deadlines.map((d) => [d.date, d.recipient])).toEqual([['2020-06-30', '省政府办公厅']]);
  });

  it('warns about a responsibility line that follows no measure', () => {
    const result = parsePlanText(doc('某某方案', '一、任务', '牵头单位:省发展改革委', '(一)甲。内容。(省财政厅负责)'));
    expect(result.warnings).toEqual([{ code: 'plan.orphan_clause', line: 3, text: '牵头单位:省发展改革委' }]);
  });

  it('moves a reporting-deadline paragraph after a requirement to the chapter text', () => {
    const plan = parseClean(
      doc(
        '某某方案',
        '一、任务',
        '(一)甲。内容。(省财政厅负责)',
        '二、工作要求',
        '(一)加强领导。要加强领导。',
        '要形成合力。',
        '各地于2030年1月底前将情况报省政府。',
      ),
    );
    expect(plan.requirements).toEqual([{ code: '2.1', title: '加强领导', text: '要加强领导。\n要形成合力。' }]);
    expect(plan.chapters[1]?.text).toBe('各地于2030年1月底前将情况报省政府。');
  });
});

describe('odd documents', () => {
  it('warns about a measure without any responsible department, and keeps it', () => {
    const result = parsePlanText(doc('某某方案', '一、任务', '1.甲。内容。', '2.乙。内容。(有关部门按职责分工负责)'));
    expect(result.plan.measures.map((m) => [m.code, m.departments.length])).toEqual([
      ['1.1', 0],
      ['1.2', 0],
    ]);
    expect(result.warnings).toEqual([
      { code: 'plan.measure_no_department', line: 3, text: '1.甲。内容。' },
      { code: 'plan.measure_no_department', line: 4, text: '2.乙。内容。(有关部门按职责分工负责)' },
    ]);
  });

  it('gives repeated numbers unique codes and warns', () => {
    const result = parsePlanText(doc('某某方案', '一、任务', '1.甲。(省财政厅负责)', '1.乙。(省商务厅负责)', '1.丙。(省商务厅负责)'));
    expect(result.plan.measures.map((m) => m.code)).toEqual(['1.1', '1.1-2', '1.1-3']);
    expect(result.warnings.map((w) => [w.code, w.line])).toEqual([
      ['plan.duplicate_number', 4],
      ['plan.duplicate_number', 5],
    ]);
  });

  it('parses measures without a title, with a warning', () => {
    const result = parsePlanText(doc('1.甲。内容。(省财政厅负责)', '2.乙。内容。(省商务厅负责)'));
    expect(result.plan.title).toBeNull();
    expect(result.plan.measures).toHaveLength(2);
    expect(result.warnings).toEqual([{ code: 'plan.title_missing', line: 1, text: '' }]);
  });

  it('warns when numbered headings hold no measure or requirement', () => {
    const result = parsePlanText(doc('某某方案', '一、总体要求', '坚持稳中求进。', '二、主要目标', '到2030年全面完成。'));
    expect(result.plan.measures).toEqual([]);
    expect(result.plan.chapters.map((c) => c.text)).toEqual(['坚持稳中求进。', '到2030年全面完成。']);
    expect(result.warnings).toEqual([{ code: 'plan.no_measures', line: 2, text: '一、总体要求' }]);
  });

  it('ignores known boilerplate: publicity note, 抄送, 印发 line, page numbers, masthead', () => {
    const plan = parseClean(
      doc(
        '山东省人民政府办公厅文件',
        '某某方案',
        '（此件主动公开）',
        '一、任务',
        '1.甲。内容。(省财政厅负责)',
        '— 2 —',
        '2.乙。内容。(省商务厅负责)',
        '抄送:省委各部门,省人大常委会办公厅。',
        '山东省人民政府办公厅2016年7月8日印发',
      ),
    );
    expect(plan.title).toBe('某某方案');
    expect(plan.measures.map((m) => m.text)).toEqual(['甲。内容。(省财政厅负责)', '乙。内容。(省商务厅负责)']);
  });
});
