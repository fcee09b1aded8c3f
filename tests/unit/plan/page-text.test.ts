import { describe, expect, it } from 'vitest';
import { textFromPages, type PositionedPage, type TextRun } from '../../../electron/services/plan/readers/page-text';

const SIZE = 16;
const LEFT = 80;
const CHARS_PER_LINE = 28;

/** A page laid out like an official document: 28 characters a line, two-character first-line indents, page number at the foot. */
function page(paragraphs: string[], pageNumber: number | null, options: { head?: string } = {}): PositionedPage {
  const runs: TextRun[] = [];
  let y = 120;
  const line = (text: string, x: number) => {
    runs.push({ text, x, y, width: [...text].length * SIZE, size: SIZE });
    y += SIZE * 1.8;
  };
  if (options.head) runs.push({ text: options.head, x: LEFT, y: 50, width: options.head.length * SIZE, size: 10 });
  for (const paragraph of paragraphs) {
    const chars = [...paragraph];
    line(chars.slice(0, CHARS_PER_LINE - 2).join(''), LEFT + 2 * SIZE);
    for (let i = CHARS_PER_LINE - 2; i < chars.length; i += CHARS_PER_LINE) line(chars.slice(i, i + CHARS_PER_LINE).join(''), LEFT);
  }
  if (pageNumber !== null) runs.push({ text: `— ${pageNumber} —`, x: 260, y: 800, width: 5 * SIZE * 0.6, size: 14 });
  return { width: 595, height: 842, runs };
}

describe('textFromPages', () => {
  it('joins wrapped lines into paragraphs at first-line indents, without spaces in Chinese text', () => {
    const paragraphs = [
      '1.大力加强质量技术基础建设。认真落实有关实施意见,推进标准化工作改革,提高计量检测能力。(省质监局牵头,省发展改革委、省财政厅按职责分工负责)',
      '2.深入开展质量提升行动。围绕重点产业和重点产品,组织开展质量对标,提升产品质量水平。',
    ];
    const result = textFromPages([page(paragraphs, 1)]);
    expect(result.text).toBe(paragraphs.join('\n'));
    expect(result.dropped).toEqual([{ kind: 'page_number', text: '— 1 —', page: 1, line: null }]);
  });

  it('joins a paragraph over a page break and drops the page numbers and running heads of every page', () => {
    const long = `${'各地区、各部门要高度重视质量工作,'.repeat(4)}确保各项措施落到实处。`;
    const chars = [...long];
    const cut = CHARS_PER_LINE - 2 + CHARS_PER_LINE;
    const first = page([chars.slice(0, cut).join('')], 1, { head: '山东省人民政府办公厅' });
    const second = page([], 2, { head: '山东省人民政府办公厅' });
    // The rest of the paragraph continues at the left margin on the next page.
    let y = 120;
    for (let i = cut; i < chars.length; i += CHARS_PER_LINE) {
      const text = chars.slice(i, i + CHARS_PER_LINE).join('');
      second.runs.push({ text, x: LEFT, y, width: [...text].length * SIZE, size: SIZE });
      y += SIZE * 1.8;
    }
    const result = textFromPages([first, second]);
    expect(result.text).toBe(long);
    expect(result.dropped.map((item) => [item.kind, item.text, item.page])).toEqual([
      ['running_head', '山东省人民政府办公厅', 1],
      ['page_number', '— 1 —', 1],
      ['running_head', '山东省人民政府办公厅', 2],
      ['page_number', '— 2 —', 2],
    ]);
  });

  it('starts a new paragraph at an outline number or field label after a sentence end, even without an indent', () => {
    const lines = ['(一)加强质量基础建设。', '1.加强计量工作。', '牵头单位:省质监局', '2.加强标准化工作。'];
    const runs = lines.map((text, i) => ({ text, x: LEFT, y: 120 + i * SIZE * 1.8, width: [...text].length * SIZE, size: SIZE }));
    // A full-width line first, so the right margin is known.
    const full = '为贯彻落实国务院有关文件要求,推动实施有关意见,制定本计划。';
    runs.unshift({ text: full, x: LEFT, y: 90, width: CHARS_PER_LINE * SIZE, size: SIZE });
    expect(textFromPages([{ width: 595, height: 842, runs }]).text).toBe([full, ...lines].join('\n'));
  });

  it('puts runs on one baseline in reading order, spaces back between Latin words, and counts characters', () => {
    const runs: TextRun[] = [
      { text: 'Quality', x: 66, y: 200, width: 50, size: 12 },
      { text: '质量', x: 40, y: 200.5, width: 24, size: 12 },
      { text: 'plan', x: 120, y: 199.8, width: 28, size: 12 },
      { text: '2016年7月8日印发', x: 400, y: 200, width: 100, size: 12 },
    ];
    const result = textFromPages([{ width: 595, height: 842, runs }]);
    expect(result.text).toBe('质量Quality plan 2016年7月8日印发');
    expect(result.characters).toBe(result.text.length);
  });

  it('finds no text in pages without runs (a scan)', () => {
    expect(textFromPages([{ width: 595, height: 842, runs: [] }])).toEqual({ text: '', dropped: [], characters: 0 });
  });

  it('keeps a centred title wrapped over lines as one paragraph, and a label’s hung lines with their label', () => {
    const body = page([`${'各地区、各部门要高度重视质量工作,'.repeat(3)}确保落实。`], 1);
    const title = (text: string, y: number) => {
      const width = [...text].length * 22;
      return { text, x: LEFT + (CHARS_PER_LINE * SIZE - width) / 2, y, width, size: 22 };
    };
    // A two-line title above the body: centred, one size, a line's spacing apart.
    body.runs.push(title('山东省人民政府办公厅关于印发山东省贯', 40), title('彻实施行动计划的通知', 40 + 22 * 1.5));
    // 抄送: wrapped, its second line under the first character after the colon (GB/T 9704).
    const label = '抄送:';
    const copyTo = ['抄送:省委各部门,省人大常委会办公厅,省政协办', '公厅,省法院,省检察院。'];
    const copyY = 120 + SIZE * 1.8 * 3;
    body.runs.push({ text: copyTo[0] ?? '', x: LEFT, y: copyY, width: CHARS_PER_LINE * SIZE, size: SIZE });
    const hang = LEFT + (label.length - 0.5) * SIZE;
    body.runs.push({ text: copyTo[1] ?? '', x: hang, y: copyY + SIZE * 1.8, width: 12 * SIZE, size: SIZE });
    const lines = textFromPages([body]).text.split('\n');
    expect(lines[0]).toBe('山东省人民政府办公厅关于印发山东省贯彻实施行动计划的通知');
    expect(lines.at(-1)).toBe(copyTo.join(''));
  });

  it('still starts a paragraph at a first-line indent after a full line, and keeps centred lines far apart apart', () => {
    const paragraphs = ['甲'.repeat(CHARS_PER_LINE * 3 - 2), '乙'.repeat(CHARS_PER_LINE * 2)];
    const result = textFromPages([page(paragraphs, 1)]);
    expect(result.text).toBe(paragraphs.join('\n'));
    const centred = (text: string, y: number) => ({
      text,
      x: LEFT + ((CHARS_PER_LINE - text.length) * SIZE) / 2,
      y,
      width: text.length * SIZE,
      size: SIZE,
    });
    const signed = page(['丙'.repeat(CHARS_PER_LINE * 4)], null);
    signed.runs.push(centred('山东省人民政府办公厅', 500), centred('二〇一六年七月七日', 600));
    expect(textFromPages([signed]).text.split('\n')).toEqual([
      '丙'.repeat(CHARS_PER_LINE * 4),
      '山东省人民政府办公厅',
      '二〇一六年七月七日',
    ]);
  });
});
