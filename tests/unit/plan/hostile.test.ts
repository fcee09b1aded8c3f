import { describe, expect, it } from 'vitest';
import { PlanParseError, parsePlanText } from '../../../shared/plan';
import { seedText } from './helpers';

const MB = 1024 * 1024;

function parseError(text: string): PlanParseError {
  try {
    parsePlanText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('expected a PlanParseError');
}

/**
 * A hang guard, not a speed check: a parser that backtracks exponentially never finishes.
 * How fast it really is, `npm run bench` reports (plan.parse.large.ms, plan.parse.structureless.ms).
 */
const hangGuard = { timeout: 20_000 };

/** Prose that looks like a circular's text but has no numbering. */
function structureless(bytes: number, lineBreak: string): string {
  const sentence =
    '为贯彻落实《国务院关于加强质量工作的意见》(国发〔2016〕18号),各市、各部门于2017年1月底前将工作开展情况报省质监局(省质量办);省财政厅、省商务厅负责。　';
  const line = `${sentence.repeat(3)}${lineBreak}`;
  return line.repeat(Math.ceil(bytes / (line.length * 3)));
}

describe('empty and structureless text', () => {
  it.each(['', '   ', '\n\n\r\n', '\u3000\u3000\t\n \uFEFF'])('refuses %j as empty', (text) => {
    expect(parseError(text).code).toBe('plan.empty');
  });

  it('refuses text without numbering', () => {
    expect(parseError('山东省人民政府办公厅\n关于做好某某工作的通知。').code).toBe('plan.no_structure');
  });

  it('refuses 5 MB of prose without numbering', hangGuard, () => {
    const lines = structureless(5 * MB, '\n');
    const oneLine = structureless(5 * MB, '');
    expect(lines.length * 3).toBeGreaterThanOrEqual(5 * MB);
    expect(parseError(lines).code).toBe('plan.no_structure');
    expect(parseError(oneLine).code).toBe('plan.no_structure');
  });
});

describe('hostile content inside a plan', () => {
  const n = 400_000;
  const cases: Array<[string, string]> = [
    ['open brackets', '('.repeat(n)],
    ['full-width open brackets then a clause', `${'（'.repeat(n)}省财政厅负责)`],
    ['nested book titles', `${'《'.repeat(n / 2)}${'》'.repeat(n / 2)}`],
    ['list separators', `${'、'.repeat(n)}负责`],
    ['commas', '，'.repeat(n)],
    ['spaces', `甲${' '.repeat(n)}乙`],
    ['years', '2016年'.repeat(n / 5)],
    ['deadlines', '于2016年1月底前将'.repeat(n / 10)],
    ['report deadlines', `${'于2016年1月底前和2月底前'.repeat(n / 20)}将情况报省政府`],
    ['role verbs', '牵头配合负责'.repeat(n / 6)],
    ['field labels', '牵头单位:'.repeat(n / 5)],
    ['numbers', '1.'.repeat(n / 2)],
    ['sentence ends', '。'.repeat(n)],
    ['chapter-like runs', '一、'.repeat(n / 2)],
    ['dotted dates', '2016.9.30前'.repeat(n / 10)],
    ['dotted numbers', '2016.'.repeat(n / 5)],
    ['rule characters', '━'.repeat(n)],
    ['lead marks', '省财政厅（牵头）、'.repeat(n / 9)],
    ['field labels with bracketed values', '配合单位:各县（市、区）政府'.repeat(n / 14)],
    ['copy-to blocks', '(省财政厅负责)抄送:'.repeat(n / 12)],
  ];

  it.each(cases)('parses a measure full of %s', hangGuard, (_name, content) => {
    const text = `某某方案\n一、任务\n1.${content}\n2.乙。内容。(省财政厅负责)\n`;
    const result = parsePlanText(text);
    expect(result.plan.measures.at(-1)?.text).toBe('乙。内容。(省财政厅负责)');
  });

  it.each([
    ['lines each leaving a bracket open', '甲(\n'.repeat(50_000)],
    ['lines each closing a bracket', '甲(\n乙)\n'.repeat(25_000)],
    ['list lines broken mid-name', '省发展改革委、省财政\n'.repeat(50_000)],
    ['rule lines', '━━━━━━\n'.repeat(50_000)],
    ['masthead-like lines', '山东省人民政府办公厅文件\n'.repeat(50_000)],
  ])('parses a measure followed by %s', hangGuard, (_name, lines) => {
    // A blank line before the last measure: lines of one width are read as wrapped text.
    const result = parsePlanText(`某某方案\n一、任务\n1.甲。\n${lines}\n2.乙。内容。(省财政厅负责)\n`);
    expect(result.plan.measures.at(-1)?.text).toBe('乙。内容。(省财政厅负责)');
  });

  it('parses a large real document', hangGuard, () => {
    const body = seedText().split('\n').slice(10, 38).join('\n');
    const big = `某某方案\n${`${body}\n`.repeat(150)}`; // about 2 MB
    expect(big.length).toBeGreaterThan(600_000);
    const result = parsePlanText(big);
    expect(result.plan.measures).toHaveLength(17 * 150);
    expect(new Set(result.plan.measures.map((m) => m.code)).size).toBe(17 * 150);
  });

  it('returns the first 500 warnings in line order and counts the rest', () => {
    const text = `某某方案\n${'1.甲。内容。\n'.repeat(20_000)}`;
    const result = parsePlanText(text);
    expect(result.plan.measures).toHaveLength(20_000);
    expect(result.warnings).toHaveLength(500);
    // Each measure after the first has a duplicate number and no department: two warnings per line.
    expect(result.omittedWarnings).toBe(20_000 * 2 - 1 - 500);
    expect(result.warnings.slice(0, 3)).toEqual([
      { code: 'plan.measure_no_department', line: 2, text: '1.甲。内容。' },
      { code: 'plan.duplicate_number', line: 3, text: '1.甲。内容。' },
      { code: 'plan.measure_no_department', line: 3, text: '1.甲。内容。' },
    ]);
    const lines = result.warnings.map((w) => w.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('takes the warning limit as an option', () => {
    const result = parsePlanText(`某某方案\n${'1.甲。\n'.repeat(50)}`, { maxWarnings: 10 });
    expect(result.warnings).toHaveLength(10);
    expect(result.warnings.length + result.omittedWarnings).toBe(50 + 49);
    expect(parsePlanText('某某方案\n1.甲。', { maxWarnings: 0 })).toMatchObject({ warnings: [], omittedWarnings: 1 });
  });
});
