import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { a4, columnWidths, margins, mmToTwips, renderReportDocx, signOffIndents, titleLines } from '../../../electron/services/report/docx';
import { appXml, coreXml, fontTableXml } from '../../../electron/services/report/docx-package';
import { ReportData } from '../../../shared/report/data';
import { all, paragraphStyle, parseXml, wordText, zipPart } from '../../support/docx-xml';
import { hostileNotes, hostileTaskText, hostileWorkDone, reportData } from '../../fixtures/report-data';

function variant(change: (data: ReportData) => void): ReportData {
  const data = structuredClone(reportData);
  change(data);
  return ReportData.parse(data);
}

const folders: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The document's paragraphs (tables' included) as text, read back with unzip and fast-xml-parser. */
async function documentOf(data: ReportData) {
  const folder = mkdtempSync(join(tmpdir(), 'docx-unit-'));
  folders.push(folder);
  const file = join(folder, 'report.docx');
  writeFileSync(file, await renderReportDocx(data));
  const xml = zipPart(file, 'word/document.xml');
  const paragraphs = all(parseXml(xml), 'w:p');
  return {
    file,
    xml,
    paragraphs,
    texts: paragraphs.map(wordText),
    styled: (id: string) => paragraphs.filter((p) => paragraphStyle(p) === id).map(wordText),
  };
}

describe('GB/T 9704 measures', () => {
  it('turns millimetres into twips (1 mm = 56.7 twips) and fills the 156 mm text width exactly', () => {
    expect(mmToTwips(37)).toBe(2098);
    expect(mmToTwips(28)).toBe(1587);
    expect(Math.abs(a4.width - mmToTwips(margins.left) - mmToTwips(margins.right) - 156 * 56.7)).toBeLessThan(2);
    const widths = columnWidths([620, 1545, 900, 900, 1000, 1530, 1175, 1175]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(columnWidths([1, 1, 1], 100)).toEqual([33, 33, 34]);
  });

  it('signs off without a seal: the name 右空二字, the date two characters further right, or the date 右空二字 when it is the longer', () => {
    // 山东省质量技术监督局: 10 characters; 2017年1月20日: 3 characters and 7 digits, 6.5.
    expect(signOffIndents('山东省质量技术监督局', '2017年1月20日')).toEqual({ name: 2, date: 3.5 });
    // 质监 is shorter than the date: the date stands 右空二字, the name starts two characters left of it.
    expect(signOffIndents('质监', '2017年1月20日')).toEqual({ name: 8.5, date: 2 });
  });
});

describe('report.docx', () => {
  it('has report.html’s content in its order, with the headings at their levels', async () => {
    const { texts, styled } = await documentOf(reportData);
    expect(styled('ReportTitle')).toEqual(['经济和信息化关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告']);
    expect(styled('ReportHeading1')).toEqual(['一、总体情况', '二、各项措施落实情况', '三、存在问题', '四、下步打算']);
    const measures = styled('ReportHeading2');
    let last = -1;
    for (const measure of reportData.measures) {
      const at = measures.indexOf(`${measure.label} ${measure.title}`);
      expect(at, measure.label).toBeGreaterThan(last);
      last = at;
    }
    expect(measures).toContain('(一)加强质量基础建设,培育质量和品牌提升新动能');
    expect(styled('ReportHeading3')).toContain('工作开展情况');
    expect(texts).toContain('山东省人民政府办公厅 2016年7月7日印发');
    expect(texts).toContain('2016年下半年\uFF082016年7月1日至2016年12月31日\uFF09');
    expect(texts.join('\n')).toContain('任务完成率38%');
    for (const line of reportData.problems.split('\n')) expect(texts).toContain(line.trim());
    expect(texts).toContain('本期未分解工作任务。');
    expect(texts).toContain('本期无变更记录。');
    expect(texts.at(-1)).toBe('\uFF08联系人\uFF1A李明\uFF1B联系电话\uFF1A0531-86091234\uFF09');
  });

  it('writes hostile text as text: markup escaped, control characters dropped, the XML well formed', async () => {
    const data = variant((d) => {
      d.measures[0]!.workDone = `${hostileWorkDone}\n控制\u0001字符\u0007`;
      d.problems = '问题 ]]> <w:p/> &amp; \uD800';
    });
    const { xml, texts } = await documentOf(data);
    expect(texts).toContain('二是组织 <img src=x onerror=alert(1)> 等标签的测试 & 转义,引号 "双" \'单\'。');
    expect(texts).toContain('控制字符');
    expect(texts).toContain('问题 ]]> <w:p/> &amp; \uFFFD');
    expect(texts.join('')).toContain(hostileTaskText);
    expect(texts.join('\n')).toContain(hostileNotes.split('\n')[2]);
    expect(['\u0001', '\u0007'].some((char) => xml.includes(char))).toBe(false);
  });

  it('gives the same bytes for the same data, whatever the clock and time zone', async () => {
    const first = await renderReportDocx(reportData);
    vi.useFakeTimers({ now: new Date('2031-05-05T05:05:05Z'), toFake: ['Date'] });
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(0).getTimezoneOffset()).toBe(480);
      expect((await renderReportDocx(reportData)).equals(first)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const other = await renderReportDocx(variant((d) => (d.generatedAt = '2017-01-21T08:00:00+08:00')));
    expect(other.equals(first)).toBe(false);
  });

  it('renders a report with no measures', async () => {
    const { texts } = await documentOf(variant((d) => (d.measures = [])));
    expect(texts.filter((text) => text === '本期没有承担的措施。')).toHaveLength(2);
  });
});

describe('the parts the docx package cannot write', () => {
  it('lists each font with its fallback as a GB2312 font', () => {
    const table = parseXml(
      fontTableXml([{ name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' }]),
    );
    const font = all(table, 'w:font')[0]!;
    expect(font.attributes['w:name']).toBe('仿宋_GB2312');
    expect(all(font, 'w:altName')[0]?.attributes['w:val']).toBe('仿宋');
    expect(all(font, 'w:charset')[0]?.attributes['w:val']).toBe('86');
  });

  it('names the program that wrote the document, escaped', () => {
    expect(appXml('PlanLedger <1.0>')).toContain('<Application>PlanLedger &lt;1.0&gt;</Application>');
  });

  it('dates the document at the report time in UTC and escapes title and author', () => {
    const xml = coreXml({ title: '关于<报告>&"x"', creator: '质监', at: '2017-01-20T10:32:05+08:00' });
    expect(xml).toContain('<dc:title>关于&lt;报告&gt;&amp;&quot;x&quot;</dc:title>');
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2017-01-20T02:32:05Z</dcterms:created>');
    expect(xml).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2017-01-20T02:32:05Z</dcterms:modified>');
  });
});

describe('the title in lines', () => {
  it('breaks between words into lines of about equal length, at the joints where it can, brackets kept with their words', () => {
    const plan = '《山东省贯彻实施质量发展纲要2016年行动计划》';
    const long = titleLines(['山东省经济和信息化委员会关于', plan, '贯彻落实情况的报告']);
    expect(long.join('')).toBe(`山东省经济和信息化委员会关于${plan}贯彻落实情况的报告`);
    expect(long[0]).toBe('山东省经济和信息化委员会关于');
    expect(long).toHaveLength(3);
    const widths = long.map((line) => [...line].reduce((sum, char) => sum + (/[\x20-\x7e]/u.test(char) ? 0.5 : 1), 0));
    expect(Math.max(...widths)).toBeLessThanOrEqual(20);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(3);
    expect(long.some((line) => line.includes('2016年'))).toBe(true);
    expect(titleLines(['质监关于', plan, '贯彻落实情况的报告'])).toEqual([
      '质监关于《山东省贯彻实施质量发展纲要',
      '2016年行动计划》贯彻落实情况的报告',
    ]);
    // Too long for one line (22 characters): broken at a joint, the 《title》 kept whole.
    expect(titleLines(['山东省质量技术监督局关于', '《质量强省建设方案》', '贯彻落实情况的报告'])).toEqual([
      '山东省质量技术监督局关于',
      '《质量强省建设方案》贯彻落实情况的报告',
    ]);
    expect(titleLines(['质监关于', '《方案》', '贯彻落实情况的报告'])).toEqual(['质监关于《方案》贯彻落实情况的报告']);
    for (const line of long) expect(line).not.toMatch(/^[》、]|《$/u);
  });
});
