import { describe, expect, it } from 'vitest';
import { splitSentences, stripEndPunctuation, trailingParenStart } from '../../../shared/plan/sentences';
import { analyseItem } from '../../../shared/plan/tasks';

const texts = (text: string, terminators?: string) => splitSentences(text, terminators).map((s) => s.text);

describe('sentences', () => {
  it('splits at 。 ； and ;, dropping empty pieces', () => {
    expect(texts('甲。乙；丙;丁。。')).toEqual(['甲', '乙', '丙', '丁']);
    expect(texts('   ')).toEqual([]);
  });

  it('does not split inside 《》 “” () （） 〔〕 【】 「」', () => {
    expect(
      texts('落实《意见。细则》要求。开展“质量月。品牌年”活动。见(附件1。附件2)。看（一；二）。查〔甲；乙〕。【丙。】「丁。」'),
    ).toEqual([
      '落实《意见。细则》要求',
      '开展“质量月。品牌年”活动',
      '见(附件1。附件2)',
      '看（一；二）',
      '查〔甲；乙〕',
      '【丙。】「丁。」',
    ]);
  });

  it('matches ( with ） and keeps nested brackets whole', () => {
    expect(texts('甲(乙。丙）。丁《戊(己。)》。')).toEqual(['甲(乙。丙）', '丁《戊(己。)》']);
  });

  it('ignores an unbalanced bracket instead of swallowing the rest', () => {
    expect(texts('甲《乙。丙。丁)。戊')).toEqual(['甲《乙', '丙', '丁)', '戊']);
    expect(texts('甲(乙。丙。(丁负责)')).toEqual(['甲(乙', '丙', '(丁负责)']);
  });

  it('tells where a sentence’s final parentheses open', () => {
    expect(trailingParenStart('甲(乙)丙(丁(戊))')).toBe(5);
    expect(trailingParenStart('甲(乙)丙')).toBe(-1);
    expect(trailingParenStart('甲乙)')).toBe(-1);
  });

  it('strips final punctuation and white space, and nothing else', () => {
    expect(stripEndPunctuation(' 甲,乙。；: ')).toBe('甲,乙');
    expect(stripEndPunctuation('。。。')).toBe('');
    expect(stripEndPunctuation('甲)')).toBe('甲)');
  });
});

describe('items', () => {
  it('takes the title up to the first 。 outside brackets, and the rest as tasks', () => {
    const item = analyseItem([{ line: 1, text: '落实《纲要。细则》,推进改革。开展试点；总结经验;推广做法。(省财政厅负责)', kind: 'body' }]);
    expect(item.title).toBe('落实《纲要。细则》,推进改革');
    expect(item.tasks).toEqual(['开展试点', '总结经验', '推广做法']);
    expect(item.afterTitle).toBe('开展试点；总结经验;推广做法。(省财政厅负责)');
    expect(item.clauses.map((c) => c.entries)).toEqual([[{ name: '省财政厅', role: 'responsible' }]]);
  });

  it('keeps a ；-separated title whole and strips a trailing ：', () => {
    expect(analyseItem([{ line: 1, text: '加强甲；加强乙。内容。', kind: 'body' }]).title).toBe('加强甲；加强乙');
    expect(analyseItem([{ line: 1, text: '加强组织领导:', kind: 'body' }]).title).toBe('加强组织领导');
  });

  it('keeps the text before a clause that ends a sentence as a task', () => {
    const item = analyseItem([{ line: 1, text: '标题。开展专项行动(省公安厅负责)。', kind: 'body' }]);
    expect(item.tasks).toEqual(['开展专项行动']);
    expect(item.clauses).toHaveLength(1);
  });

  it('reads clause paragraphs as clauses and body paragraphs as tasks', () => {
    const item = analyseItem([
      { line: 1, text: '标题', kind: 'body' },
      { line: 2, text: '第二段。', kind: 'body' },
      { line: 3, text: '牵头单位:省商务厅', kind: 'clause' },
      { line: 4, text: '完成时限:2018年底', kind: 'clause' },
    ]);
    expect(item.title).toBe('标题');
    expect(item.tasks).toEqual(['第二段']);
    expect(item.clauses.map((c) => [c.entries, c.due])).toEqual([
      [[{ name: '省商务厅', role: 'lead' }], []],
      [[], ['2018年底']],
    ]);
    expect(item.afterTitle).toBe('第二段。\n牵头单位:省商务厅\n完成时限:2018年底');
  });

  it('copes with an empty item', () => {
    expect(analyseItem([{ line: 1, text: '', kind: 'body' }])).toEqual({ title: '', afterTitle: '', tasks: [], clauses: [] });
  });
});
