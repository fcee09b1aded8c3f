import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderReportCsv } from '../../../shared/report/csv';
import { ReportData, type ReportAttachment, type ReportMeasure } from '../../../shared/report/data';
import { renderReportHtml } from '../../../shared/report/html';
import { hostileNotes, hostileTaskText, hostileWorkDone, reportData } from '../../fixtures/report-data';

/** A copy of the fixture with some fields replaced. */
function variant(change: (data: ReportData) => void): ReportData {
  const data = structuredClone(reportData);
  change(data);
  return ReportData.parse(data);
}

const allTasks = reportData.measures.flatMap((m) => m.tasks);
const allFiles = reportData.measures.flatMap((m) => [...m.attachments, ...m.tasks.flatMap((t) => t.attachments)]);
const lines = (text: string) =>
  text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');

// ---------------------------------------------------------------------------------------
// A small reader for the HTML we write: tags, and the text a browser would show.

const voidElements = new Set(['meta', 'br', 'col', 'link', 'img', 'hr', 'input', 'wbr']);
const rawTextElements = new Set(['style', 'title']);

/** Checks that every element is closed in order; returns the tag and attribute names in document order. */
function parseTags(html: string): { tags: string[]; attributes: Set<string> } {
  const body = html.replace(/^<!DOCTYPE html>\n/u, '');
  const tags: string[] = [];
  const attributes = new Set<string>();
  const stack: string[] = [];
  const tag = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/giu;
  let position = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const between = body.slice(position, match.index);
    // Between tags: text only. A `<` here would be data that escaped its escaping.
    expect(between, `text before ${match[0]}`).not.toMatch(/</u);
    const [, closing, name, attributeText] = match as unknown as [string, string, string, string];
    for (const attribute of attributeText.matchAll(/\s([a-z-]+)(?:="[^"]*")?/gu)) attributes.add(attribute[1] as string);
    if (closing) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else {
      tags.push(name);
      if (!voidElements.has(name)) stack.push(name);
      if (rawTextElements.has(name)) {
        const end = body.indexOf(`</${name}>`, tag.lastIndex);
        expect(end).toBeGreaterThan(0);
        expect(body.slice(tag.lastIndex, end)).not.toMatch(/</u);
        tag.lastIndex = end;
      }
    }
    position = tag.lastIndex;
  }
  expect(body.slice(position).trim()).toBe('');
  expect(stack).toEqual([]);
  return { tags, attributes };
}

/** The text a reader sees: tags dropped, `<br>` and block ends as line breaks, entities decoded. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/\n/gu, '')
    .replace(/<br>/gu, '\n')
    .replace(/<\/(p|h\d|td|th|li|div|tr)>/gu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/\n+/gu, '\n')
    .replace(/&(lt|gt|quot|#39|amp);/gu, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] as string);
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/gu)].map((m) => m[1] as string);
}

describe('report.html', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const html = renderReportHtml(reportData);

  it('is a complete, well-formed HTML5 document in Chinese, UTF-8', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    const { tags } = parseTags(html);
    expect(tags.slice(0, 2)).toEqual(['html', 'head']);
    for (const name of ['html', 'head', 'title', 'style', 'body', 'main'])
      expect(
        tags.filter((t) => t === name),
        name,
      ).toHaveLength(1);
    expect(tags.indexOf('body')).toBeGreaterThan(tags.indexOf('style'));
    expect(html).toContain('<title>经济和信息化关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告');
  });

  it('is self-contained: no script, no external resource, nothing that reaches the network', () => {
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/https?:/iu);
    expect(html).not.toContain('//');
    expect(html).not.toMatch(/url\(|@import|@font-face/iu);
    const { tags, attributes } = parseTags(html);
    expect(new Set(tags)).toEqual(
      new Set([
        'html',
        'head',
        'meta',
        'title',
        'style',
        'body',
        'main',
        'header',
        'h1',
        'p',
        'table',
        'tbody',
        'tr',
        'th',
        'td',
        'br',
        'span',
        'section',
        'h2',
        'thead',
        'colgroup',
        'col',
        'a',
        'h3',
        'article',
        'div',
        'h4',
        'h5',
        'ul',
        'li',
        'footer',
      ]),
    );
    expect(attributes).toEqual(new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'scope', 'href', 'id']));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    for (const href of hrefs(html)) expect(href, href).toMatch(/^(#m\d+|attachments\/[A-Za-z0-9%._~\-/]+)$/u);
  });

  it('prints on A4 with the running header, page numbers and the Chinese fonts', () => {
    expect(html).toContain('size: A4 portrait;');
    expect(html).toContain('@media print');
    expect(html).toMatch(/tr[^{]*\{[^}]*break-inside: avoid/u);
    expect(html).toMatch(/h2[^{]*\{[^}]*break-after: avoid/u);
    expect(html).toContain('"经济和信息化 · 2016年下半年贯彻落实情况报告"');
    expect(html).toContain('"鲁政办字〔2016〕103号"');
    expect(html).toContain('counter(page)');
    expect(html).toMatch(/font: 12pt\/1\.75 "SimSun", "宋体", [^;]*"Noto Serif CJK SC"/u);
    expect(html).toMatch(/font-family: "SimHei", "黑体", [^;]*"Noto Sans CJK SC"/u);
  });

  it('has the title block: title, period, the plan and its number, the department, the time generated', () => {
    const text = visibleText(html);
    expect(text).toContain('经济和信息化关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告');
    expect(text).toContain('2016年下半年\uFF082016年7月1日至2016年12月31日\uFF09');
    expect(text).toContain('鲁政办字〔2016〕103号');
    expect(text).toContain('山东省人民政府办公厅 2016年7月7日印发');
    expect(text).toContain('2017年1月20日 10:32');
  });

  it('sums up the period in words and in a table', () => {
    const text = visibleText(html);
    const s = reportData.summary;
    expect(s).toMatchObject({ measures: 7, tasks: 13, tasksDone: 5, tasksInProgress: 5, tasksBlocked: 1 });
    expect(text).toContain('承担措施7条\uFF0C分解工作任务13项\uFF0C其中已完成5项、进行中5项、受阻1项、未开始2项\uFF0C任务完成率38%');
    expect(text).toContain(`逾期未完成${s.tasksOverdue}项`);
    for (const cell of ['7条', '13项', `${s.attachments}份`]) expect(text).toContain(cell);
  });

  it('shows every measure in plan order, under its group, with role, status and progress', () => {
    const text = visibleText(html);
    let last = -1;
    for (const measure of reportData.measures) {
      const at = text.indexOf(`${measure.label}${measure.title}`);
      expect(at, measure.title).toBeGreaterThan(last);
      last = at;
    }
    expect(text).toContain('(一)加强质量基础建设,培育质量和品牌提升新动能');
    expect(text).toContain('(三)实施质量提升工程,开创质量和品牌提升新局面');
    expect(html.match(/<h3 class="chapter">主要措施<\/h3>/gu)).toHaveLength(1);
    expect(html.match(/<h3 class="group">/gu)).toHaveLength(4);
    expect(text).toContain('已完成1/3项\uFF0833%\uFF09');
    expect(text).toMatch(/本部门角色\n牵头\n/u);
    expect(text).toMatch(/本部门角色\n配合\n/u);
  });

  it('keeps the narrative paragraphs and marks what was not filled in', () => {
    const text = visibleText(html);
    for (const measure of reportData.measures) for (const line of lines(measure.workDone)) expect(text, line).toContain(line);
    expect(html.match(/<p>[^<]*<\/p>/gu)?.length).toBeGreaterThan(10);
    // (三)6 has no narrative and no tasks.
    const empty = text.slice(text.indexOf('(三)6实施电子商务产业质量提升工程'));
    expect(empty).toMatch(/^[^■]*工作开展情况\n\uFF08未填写\uFF09\n/u);
    expect(empty).toContain('本期未分解工作任务。');
    expect(
      visibleText(
        renderReportHtml(
          variant((d) => {
            d.problems = ' \n ';
            d.contact = { person: '', phone: '' };
          }),
        ),
      ),
    ).toMatch(/三、存在问题\n\uFF08未填写\uFF09\n[\s\S]*联系人\uFF1A\uFF08未填写\uFF09\uFF1B联系电话\uFF1A\uFF08未填写\uFF09/u);
  });

  it('lists every task with status, progress, owner, due date, notes and evidence', () => {
    const text = visibleText(html);
    for (const task of allTasks) {
      for (const line of lines(task.text)) expect(text, line).toContain(line);
      for (const line of lines(task.notes)) expect(text, line).toContain(line);
      if (task.owner) expect(text).toContain(task.owner);
      if (task.due) expect(text).toContain(task.due);
    }
    expect(html.match(/<table class="grid tasks">/gu)).toHaveLength(reportData.measures.filter((m) => m.tasks.length > 0).length);
    for (const header of ['序号', '任务', '状态', '进度', '责任人', '完成时限', '备注', '证明材料'])
      expect(html).toContain(`<th scope="col">${header}</th>`);
    expect(text).toContain('2016-11-30\n已逾期');
    expect(text).not.toContain('2016-10-31\n已逾期'); // done on time
    expect(text).not.toContain('2017-03-31\n已逾期'); // not yet due
  });

  it('links each evidence file relative to the report, each path segment percent-encoded, with its size', () => {
    const links = hrefs(html).filter((href) => href.startsWith('attachments/'));
    expect(links).toHaveLength(allFiles.length);
    for (const file of allFiles) {
      // Stricter than encodeURIComponent: ! ' ( ) * too, so an href holds nothing but unreserved characters and escapes.
      const encoded = file.path
        .split('/')
        .map((segment) =>
          encodeURIComponent(segment).replace(/[!'()*]/gu, (c) => `%${(c.codePointAt(0) as number).toString(16).toUpperCase()}`),
        )
        .join('/');
      expect(links, file.path).toContain(encoded);
      expect(decodeURIComponent(encoded)).toBe(file.path);
    }
    expect(html).toContain(
      '<a href="attachments/2.2.3/%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81%20_%E7%BB%88%E7%A8%BF_%20%26%20_%E7%AD%BE%E5%AD%97%E7%89%88_%20%231.pdf">' +
        '会议纪要 &lt;终稿&gt; &amp; &quot;签字版&quot; #1.pdf<span class="size">\uFF08348 KB\uFF09</span></a>',
    );
    const text = visibleText(html);
    expect(text).toContain('对标活动总结.pdf\uFF081.2 MB\uFF09');
    expect(text).toContain('活动照片.zip\uFF0822.4 MB\uFF09');
    expect(text).toContain('宣传报道汇编.pdf\uFF082.0 MB\uFF09');
    expect(links).toContain('attachments/2.3.2/%E8%A7%84%E5%88%92%28%E9%80%81%E5%AE%A1%E7%A8%BF%29.docx');
  });

  it('does not link a file whose path is not a safe relative path inside attachments/', () => {
    for (const path of [
      '../../etc/passwd',
      '/etc/passwd',
      'attachments/../report.json',
      'http://example.org/x.pdf',
      '//host/share/x.pdf',
      'attachments\\x.pdf',
      'C:/x.pdf',
      'javascript:alert(1)',
    ]) {
      const file: ReportAttachment = { name: '材料.pdf', path, size: 10, sha256: 'a'.repeat(64) };
      const out = renderReportHtml(
        variant((d) => {
          (d.measures[5] as ReportMeasure).attachments = [file];
        }),
      );
      expect(
        hrefs(out).filter((href) => !href.startsWith('#')),
        path,
      ).toHaveLength(allFiles.length);
      expect(visibleText(out)).toContain('材料.pdf\uFF0810 B\uFF09');
      expect(out).not.toContain(`"${path}"`);
    }
  });

  it("lists the changes of the period with time (at the report's offset), person and content", () => {
    const text = visibleText(html);
    expect(text).toContain('2016-07-12 09:20\n李明\n新增任务“组织重点企业申报国家级技术标准创新基地”');
    expect(text).toContain('2016-11-02 17:45\n张华\n');
    for (const measure of reportData.measures) for (const change of measure.changes) expect(text).toContain(change.description);
    expect(html.match(/<table class="grid changes">/gu)).toHaveLength(reportData.measures.filter((m) => m.changes.length > 0).length);
    const atMinusFive = visibleText(
      renderReportHtml(
        variant((d) => {
          d.generatedAt = '2017-01-19T21:32:05-05:00';
        }),
      ),
    );
    expect(atMinusFive).toContain('2016-07-11 20:20\n李明\n');
    // A time without an offset is shown as written, not read in this machine's zone.
    const unzoned = visibleText(
      renderReportHtml(
        variant((d) => {
          (d.measures[0] as ReportMeasure).changes[0]!.at = '2016-07-12T09:20:00';
        }),
      ),
    );
    expect(unzoned).toContain('2016-07-12 09:20\n李明\n');
  });

  it('ends with problems, next steps, the department and date, and the contact', () => {
    const text = visibleText(html);
    const problems = text.indexOf('三、存在问题');
    const next = text.indexOf('四、下步打算');
    expect(problems).toBeGreaterThan(text.indexOf('(四)4'));
    expect(next).toBeGreaterThan(problems);
    for (const line of lines(reportData.problems)) expect(text.slice(problems, next)).toContain(line);
    for (const line of lines(reportData.nextSteps)) expect(text.slice(next)).toContain(line);
    expect(text.slice(next)).toMatch(/经济和信息化\n2017年1月20日\n/u);
    expect(text).toContain('\uFF08联系人\uFF1A李明\uFF1B联系电话\uFF1A0531-86091234\uFF09');
  });

  it('names the unit by its full name where one is set: title, 报送单位, overview, running header and sign-off', () => {
    const full = renderReportHtml(variant((d) => (d.unitName = '山东省经济和信息化委员会')));
    const text = visibleText(full);
    expect(text).toContain('山东省经济和信息化委员会关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告');
    expect(full).toContain('<tr><th scope="row">报送单位</th><td>山东省经济和信息化委员会</td></tr>');
    expect(text).toContain('本期\uFF0C山东省经济和信息化委员会承担措施7条');
    expect(full).toContain('山东省经济和信息化委员会 · 2016年下半年贯彻落实情况报告');
    expect(text).toMatch(/山东省经济和信息化委员会\n2017年1月20日\n/u);
    // Without one (reports made before it existed too): the plan's name, as before.
    expect(text.replaceAll('山东省经济和信息化委员会', '经济和信息化')).toBe(visibleText(html));
    expect(renderReportHtml(variant((d) => (d.unitName = '  ')))).toBe(html);
  });

  it('escapes whatever comes from the data', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;任务&quot;)&lt;/script&gt; 组织开展“三品”专项行动 &amp; 对标活动');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(visibleText(html)).toContain(hostileTaskText);
    for (const line of lines(hostileWorkDone)) expect(visibleText(html)).toContain(line);
    for (const line of lines(hostileNotes)) expect(visibleText(html)).toContain(line);

    const hostile = '</style></title><script>alert(1)</script><!-- "\' & ';
    const out = renderReportHtml(
      variant((d) => {
        d.department = hostile;
        d.plan.title = hostile;
        d.plan.docNumber = `${hostile}\\" } body { display: none } "`;
        d.period.label = hostile;
        d.contact = { person: hostile, phone: hostile };
        d.generator.version = hostile;
        const m = d.measures[0] as ReportMeasure;
        m.label = hostile;
        m.title = hostile;
        m.chapter = hostile;
        m.group = hostile;
        m.changes[0] = { at: hostile, actor: hostile, description: hostile };
        (m.tasks[0] as ReportMeasure['tasks'][number]).owner = hostile;
        (m.tasks[0] as ReportMeasure['tasks'][number]).attachments[0] = {
          name: hostile,
          path: 'attachments/x/a.pdf',
          size: 1,
          sha256: 'a'.repeat(64),
        };
      }),
    );
    expect(out).not.toMatch(/<script|<!--/iu);
    parseTags(out);
    // The running header holds the department and document number as CSS strings: `<` escaped, quotes too.
    expect(out.match(/<\/style>/gu)).toHaveLength(1);
    expect(out).toContain('"\\3c /style>\\3c /title>\\3c script>alert(1)\\3c /script>\\3c !-- \\"\' & ');
    expect(out).not.toContain('} body { display: none }\n');
  });

  it('drops control characters and broken surrogates instead of writing them', () => {
    const out = renderReportHtml(
      variant((d) => {
        d.problems = 'a\u0000b\u0007c\u001bd\uD800e\u0085f';
      }),
    );
    expect(visibleText(out)).toContain('abcd\uFFFDef');
    expect(out).not.toMatch(/(?![\t\n])\p{Cc}/u);
  });

  it('gives the same bytes for the same data, whatever the clock and time zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-05-05T05:05:05Z'));
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date(0).getTimezoneOffset()).toBe(480);
      expect(renderReportHtml(structuredClone(reportData))).toBe(html);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(html).not.toContain('2030');
    expect(renderReportHtml(structuredClone(reportData))).toBe(html);
  });

  it('renders a report with no measures at all', () => {
    const out = renderReportHtml(
      variant((d) => {
        d.measures = [];
        d.summary = {
          ...d.summary,
          measures: 0,
          tasks: 0,
          tasksDone: 0,
          tasksInProgress: 0,
          tasksBlocked: 0,
          tasksOverdue: 0,
          attachments: 0,
          changes: 0,
        };
      }),
    );
    parseTags(out);
    expect(visibleText(out)).toContain('承担措施0条\uFF0C尚未分解工作任务。');
  });
});

// ---------------------------------------------------------------------------------------
// report.csv

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${index}`);
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else if (char === '\r' || char === '\n') {
      throw new Error(`bare line break at ${index}`);
    } else {
      field += char;
    }
    index += 1;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

const header = ['措施编号', '措施', '本部门角色', '任务', '状态', '进度(%)', '责任人', '完成时限', '备注', '证明材料', '工作开展情况'];

describe('report.csv', () => {
  const csv = renderReportCsv(reportData);
  const rows = parseCsv(csv.slice(1));
  const [head, ...body] = rows as [string[], ...string[][]];

  it('is UTF-8 with a BOM, CRLF line ends, a Chinese header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
    expect(head).toEqual(header);
  });

  it('has one row per task and one for each measure without tasks, in plan order', () => {
    const taskless = reportData.measures.filter((m) => m.tasks.length === 0);
    expect(taskless.length).toBe(2);
    expect(body).toHaveLength(allTasks.length + taskless.length);
    for (const row of body) expect(row).toHaveLength(header.length);
    const expected = reportData.measures.flatMap((m) =>
      m.tasks.length === 0 ? [[m.label, m.title, '']] : m.tasks.map((t) => [m.label, m.title, t.text]),
    );
    expect(body.map((row) => row.slice(0, 2).concat(row[3] as string))).toEqual(expected);
    const empty = body.find((row) => row[0] === '(四)4') as string[];
    expect(empty.slice(3, 9)).toEqual(['', '', '', '', '', '']);
    expect(empty[9]).toBe('宣传报道汇编.pdf');
    expect(empty[10]).toBe('配合省委宣传部开展“好产品山东造”宣传,在省级媒体刊发稿件 18 篇。');
  });

  it('writes statuses and roles in Chinese, progress as a number, evidence names joined', () => {
    expect(new Set(body.map((row) => row[4]))).toEqual(new Set(['已完成', '进行中', '受阻', '未开始', '']));
    expect(new Set(body.map((row) => row[2]))).toEqual(new Set(['负责', '牵头', '配合']));
    for (const row of body) expect(row[5]).toMatch(/^(\d{1,3})?$/u);
    const row = body.find((r) => r[3] === '开展行业对标助推转型升级活动') as string[];
    expect(row.slice(4, 10)).toEqual(['已完成', '100', '李明', '2016-10-31', '已形成对标指标库', '对标活动总结.pdf; 活动照片.zip']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads them back unchanged', () => {
    expect(csv).toContain(',"消费品处, 赵强",');
    expect(csv).toContain('联系人:王科长 ""质量处"", 电话 8609\r\n备注含 <b>标签</b> & 符号"');
    const hostile = body.find((r) => r[3] === hostileTaskText) as string[];
    expect(hostile[6]).toBe('消费品处, 赵强');
    expect(hostile[8]).toBe('分三批推进,\r\n第一批已完成');
    expect(hostile[9]).toBe('会议纪要 <终稿> & "签字版" #1.pdf');
    expect(hostile[10]).toBe(hostileWorkDone.replace(/\n/gu, '\r\n'));
    const notes = body.find((r) => r[3] === '开展企业管理提升专项行动') as string[];
    expect(notes[8]).toBe(hostileNotes.replace(/\n/gu, '\r\n'));
  });

  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    const qc = body.find((r) => r[3] === '组织企业开展QC小组活动和“质量日”活动') as string[];
    expect(qc[6]).toBe("'=HYPERLINK(1)");
    expect(qc[8]).toBe("'+等待省总工会联合发文\r\n-另见附件");
    expect((body.find((r) => r[3] === '开展万家中小企业质量管理基础培训活动') as string[])[6]).toBe("'@培训中心");

    const out = renderReportCsv(
      variant((d) => {
        const task = (d.measures[0] as ReportMeasure).tasks[0] as ReportMeasure['tasks'][number];
        task.text = '-1+2';
        task.owner = '\tcmd';
        task.notes = '\r=1';
        task.attachments[0] = { ...(task.attachments[0] as ReportAttachment), name: '=evil.xlsx' };
      }),
    );
    const first = parseCsv(out.slice(1))[1] as string[];
    expect(first[3]).toBe("'-1+2");
    expect(first[6]).toBe("'\tcmd");
    expect(first[8]).toBe("'\r\n=1");
    expect(first[9]).toBe("'=evil.xlsx");
    for (const row of parseCsv(out.slice(1))) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/u);
  });

  it('gives the same text for the same data', () => {
    expect(renderReportCsv(structuredClone(reportData))).toBe(csv);
  });
});
