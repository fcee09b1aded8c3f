import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, htmlToText, looksLikeHtml, normalizeParagraph } from '../../../electron/services/plan/readers/html';
import { decodeQuotedPrintable, looksLikeMhtml } from '../../../electron/services/plan/readers/mhtml';
import { readPlanSource } from '../../../electron/services/plan/source';
import { PlanParseError, parsePlanText } from '../../../shared/plan';
import { mhtmlBytes, quotedPrintable, WEB_CHROME, webPageBytes, webPageHtml } from '../../support/plan-fixtures/html';
import { seedText, readSourceError } from './helpers';

const seedPlan = parsePlanText(seedText()).plan;
const seedLines = seedText()
  .split('\n')
  .filter((line) => line !== '');

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('the seed as a saved government web page', () => {
  it('reads the UTF-8 page to exactly the seed’s text and plan', async () => {
    const read = await readPlanSource(webPageBytes(seedText()), '山东省人民政府办公厅关于印发….html');
    expect(read.reader).toBe('html');
    expect(read.text.split('\n')).toEqual(seedLines);
    const { plan, warnings } = parsePlanText(read.text);
    expect(warnings).toEqual([]);
    expect(plan).toEqual(seedPlan);
  });

  it('reads the GBK page by its <meta charset="gb2312">', async () => {
    const bytes = webPageBytes(seedText(), { encoding: 'gbk' });
    expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).not.toContain('行动计划');
    expect(iconv.decode(Buffer.from(bytes), 'gbk')).toContain('charset=gb2312');
    const read = await readPlanSource(bytes, 'art_2259_16789.htm');
    expect(read.text.split('\n')).toEqual(seedLines);
    expect(parsePlanText(read.text).plan).toEqual(seedPlan);
  });

  it('reads the page saved as MHTML (quoted-printable), GBK or UTF-8', async () => {
    for (const encoding of ['gbk', 'utf-8'] as const) {
      const bytes = mhtmlBytes(webPageBytes(seedText(), { encoding }), encoding === 'gbk' ? 'gb2312' : 'utf-8');
      const read = await readPlanSource(bytes, '行动计划.mhtml');
      expect(read.reader).toBe('mhtml');
      expect(parsePlanText(read.text).plan).toEqual(seedPlan);
      // By its MIME headers when the name says nothing.
      expect((await readPlanSource(bytes, 'download')).reader).toBe('mhtml');
    }
  });

  it('reports the navigation, breadcrumbs, metadata table, share bar, related links and footer as web chrome, each once', async () => {
    const read = await readPlanSource(webPageBytes(seedText()), 'seed.html');
    expect(read.dropped.every((d) => d.kind === 'web_chrome' && d.page === null && d.line === null)).toBe(true);
    const dropped = read.dropped.map((d) => d.text);
    const holding = (text: string) => dropped.filter((d) => d.includes(text));
    for (const item of [
      ...WEB_CHROME.navigation.filter((item) => !WEB_CHROME.breadcrumbs.includes(item)),
      '当前位置',
      '索引号',
      '分享到',
      WEB_CHROME.related,
      WEB_CHROME.footer,
      WEB_CHROME.icp,
    ]) {
      expect(holding(item), item).toHaveLength(1);
    }
    expect(holding('发布日期:2016-07-12 16:35')).toHaveLength(1);
    expect(new Set(dropped).size).toBe(dropped.length);
    // Nothing of the circular is among them, and no script.
    expect(holding('大力加强质量技术基础建设')).toEqual([]);
    expect(holding('这不是正文')).toEqual([]);
    expect(read.text).not.toContain('这不是正文');
    expect(dropped.length).toBeLessThan(15);
  });

  it('reads a page whose whole text is one <p> with <br>s and &nbsp; indents', async () => {
    const read = await readPlanSource(webPageBytes(seedText(), { layout: 'br' }), 'seed.html');
    expect(read.text.split('\n')).toEqual(seedLines);
    expect(parsePlanText(read.text).plan).toEqual(seedPlan);
  });

  it('reads a page laid out in one big table, the circular in a cell', async () => {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const read = await readPlanSource(webPageBytes(seedText(), { layout: 'table', encoding }), 'seed.htm');
      expect(read.text.split('\n')).toEqual(seedLines);
      expect(parsePlanText(read.text).plan).toEqual(seedPlan);
      expect(read.dropped.some((d) => d.text.includes(WEB_CHROME.footer))).toBe(true);
    }
  });

  it('finds a page without an extension, or under an unknown one, by its <!doctype html>', async () => {
    expect((await readPlanSource(webPageBytes(seedText()), 'download')).reader).toBe('html');
    expect((await readPlanSource(webPageBytes(seedText()), 'art_2259_16789.jsp')).reader).toBe('html');
    // Many sites serve a page saved from Word as "….doc".
    expect((await readPlanSource(webPageBytes(seedText()), '附件.doc')).reader).toBe('html');
    // A name that says text is read as text.
    expect((await readPlanSource(webPageBytes(seedText()), 'page.txt')).reader).toBe('text');
  });
});

describe('htmlToText', () => {
  it('ends paragraphs at block elements and <br>, joins inline elements without spaces, trims nbsp and \\u3000 indents', () => {
    const { text } = htmlToText(
      '<body><div>\u3000\u3000一、总体<b>要求</b></div><p>&nbsp;&nbsp;紧紧\n   围绕<span>发展</span>理念<br>第二行</p>' +
        '<ul><li>1.甲</li><li>2.乙</li></ul><h2>(一)标题</h2><table><tr><td>3.</td><td>丙</td></tr></table>' +
        '<blockquote>ISO 9001 认证 and more</blockquote></body>',
    );
    expect(text.split('\n')).toEqual([
      '一、总体要求',
      '紧紧围绕发展理念',
      '第二行',
      '1.甲',
      '2.乙',
      '(一)标题',
      '3.',
      '丙',
      'ISO 9001 认证 and more',
    ]);
  });

  it('decodes entities and leaves out script, style, noscript, template, iframe, svg and form controls', () => {
    const { text } = htmlToText(
      '<p>“一”&amp;&lt;二&gt;&#x4E09;&#22235;&ldquo;五&rdquo;</p><script>alert("一、")</script><style>p{}</style>' +
        '<noscript>请启用脚本</noscript><template><p>模板</p></template><iframe>框架</iframe><svg><text>图</text></svg>' +
        '<select><option>选项</option></select><button>搜索</button><textarea>输入</textarea><p>完</p>',
    );
    expect(text.split('\n')).toEqual(['“一”&<二>三四“五”', '完']);
  });

  it('prefers the block with outline numbering over a longer list of links', () => {
    const links = Array.from(
      { length: 60 },
      (_, i) => `<li><a href="/a${String(i)}">关于开展第${String(i)}批质量提升工作检查的通知</a></li>`,
    ).join('');
    const body = '<div id="zoom"><p>一、总体要求</p><p>加强质量。</p><p>二、主要措施</p><p>1.建立台账。(省质监局负责)</p></div>';
    const { text, dropped } = htmlToText(
      `<html><body><div class="list"><ul>${links}</ul></div><div class="main">${body}</div></body></html>`,
    );
    expect(text.split('\n')).toEqual(['一、总体要求', '加强质量。', '二、主要措施', '1.建立台账。(省质监局负责)']);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]?.text).toMatch(/^关于开展第0批.*…$/u);
  });

  it('puts the notice title first when the body lacks it: a heading before the body, else <title> minus the site name', () => {
    const body = '<div class="content"><p>各市人民政府:</p><p>一、总体要求</p><p>1.建立台账。</p></div>';
    expect(
      htmlToText(`<title>关于印发行动计划的通知_山东省人民政府</title><h1>关于印发行动计划的通知</h1>${body}`).text.split('\n')[0],
    ).toBe('关于印发行动计划的通知');
    expect(
      htmlToText(
        `<html><head><meta charset="utf-8"><title>政策文件 - 关于印发行动计划的通知 - 山东省人民政府</title></head><body>${body}</body></html>`,
      ).text.split('\n')[0],
    ).toBe('关于印发行动计划的通知');
    // A logo heading in the site header is not the title.
    expect(
      htmlToText(`<title>关于印发行动计划的通知_山东省</title><div class="header"><h1>山东省人民政府门户网站</h1></div>${body}`).text.split(
        '\n',
      )[0],
    ).toBe('关于印发行动计划的通知');
    // A site's or a column's name is not a notice title.
    expect(htmlToText(`<title>政策文件_山东省人民政府门户网站</title><h2>政策文件栏目</h2>${body}`).text.split('\n')[0]).toBe(
      '各市人民政府:',
    );
    // Already in the body: not repeated.
    const inBody = htmlToText(
      `<title>关于印发行动计划的通知</title><div class="content"><p>关于印发行动计划的通知</p><p>一、总体要求</p></div>`,
    );
    expect(inBody.text.split('\n')).toEqual(['关于印发行动计划的通知', '一、总体要求']);
  });

  it('reads a page shaped like the State Council’s: metadata table in <b> cells, title div, pages_content, editor line', () => {
    const html = `<html><head><title>国务院办公厅关于印发测试行动计划的通知_政府信息公开专栏</title></head><body>
      <div class="header"><a href="/">首页</a><a href="/zhengce/">政策</a></div>
      <div class="BreadcrumbNav">首页 &gt; 信息公开 &gt; 国务院文件</div>
      <table class="bd1"><tbody>
        <tr><td><b>索 引 号:</b></td><td>000014349/2016-00123</td><td><b>主题分类:</b></td><td>综合政务</td></tr>
        <tr><td><b>发文机关:</b></td><td>国务院办公厅</td><td><b>成文日期:</b></td><td>2016年04月06日</td></tr>
        <tr><td><b>标\u3000\u3000题:</b></td><td colspan="3">国务院办公厅关于印发测试行动计划的通知</td></tr>
        <tr><td><b>发文字号:</b></td><td>国办发〔2016〕18号</td><td><b>发布日期:</b></td><td>2016年04月11日</td></tr>
      </tbody></table>
      <div class="pages-title">国务院办公厅关于印发测试行动计划的通知</div>
      <div class="pages_content" id="UCAP-CONTENT">
        <p style="text-align:center">国办发〔2016〕18号</p>
        <p>各省、自治区、直辖市人民政府,国务院各部委、各直属机构:</p>
        <p>\u3000\u3000一、主要任务</p>
        <p>\u3000\u30001.建立工作台账。(质检总局负责)</p>
        <p>\u3000\u30002.按月调度进展。(财政部、商务部负责)</p>
      </div>
      <div class="pages-date">2016-04-11 16:30\u3000\u3000来源:国务院办公厅</div>
      <div class="editor">【我要纠错】 责任编辑:张三</div>
    </body></html>`;
    const { text, dropped } = htmlToText(html);
    expect(text.split('\n')).toEqual([
      '国务院办公厅关于印发测试行动计划的通知',
      '国办发〔2016〕18号',
      '各省、自治区、直辖市人民政府,国务院各部委、各直属机构:',
      '一、主要任务',
      '1.建立工作台账。(质检总局负责)',
      '2.按月调度进展。(财政部、商务部负责)',
    ]);
    expect(dropped.map((d) => d.text)).toEqual([
      '首页政策',
      '首页 > 信息公开 > 国务院文件',
      expect.stringMatching(/^索引号: 000014349\/2016-00123 主题分类: 综合政务 发文机关:/u),
      '2016-04-11 16:30 来源:国务院办公厅',
      '【我要纠错】责任编辑:张三',
    ]);
  });

  it('reads a page Word saved (MsoNormal paragraphs, <o:p>, list numbers in conditional comments), as sites serve it under .doc', async () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {margin:0cm; font-family:仿宋_GB2312;} --></style><!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=ZH-CN style='text-justify-trim:punctuation'><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt'>关于印发测试行动计划的通知<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span lang=EN-US>1</span><span>.建立工作台账。(省质监局负责)</span><o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>按月调度。(省财政厅负责)</span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
</div></body></html>`;
    const read = await readPlanSource(new Uint8Array(iconv.encode(word, 'gbk')), '附件1.doc');
    expect(read.reader).toBe('html');
    expect(read.text.split('\n')).toEqual(['关于印发测试行动计划的通知', '1.建立工作台账。(省质监局负责)', '2. 按月调度。(省财政厅负责)']);
  });

  it('keeps a block named like chrome when it holds the outline', () => {
    const { text } = htmlToText(
      '<div class="nav"><a href="/">首页</a></div><div class="main-side print-area"><p>一、任务</p><p>1.甲。</p><p>2.乙。</p><div class="share">分享到</div></div>',
    );
    expect(text.split('\n')).toEqual(['一、任务', '1.甲。', '2.乙。']);
  });

  it('reads a fragment with no <html> or <body> at all', () => {
    expect(htmlToText('一、任务<p>1.建立台账。</p>').text).toBe('一、任务\n1.建立台账。');
  });

  it('makes whitespace single and removes it between Chinese characters only', () => {
    expect(normalizeParagraph('\u00a0\u3000 质量\n  提升 ISO  9001\t认证 \u3000')).toBe('质量提升 ISO 9001 认证');
  });
});

describe('decoding web pages', () => {
  const page = (charset: string, body: string) => `<html><head><meta charset="${charset}"></head><body><p>${body}</p></body></html>`;

  it('reads by the byte order mark first, then the declared charset, then UTF-8 when valid, else GB18030', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page('gbk', '质量'))]))).toContain('质量');
    expect(decodeHtml(new Uint8Array(iconv.encode(page('gb2312', '质量强省'), 'gbk')))).toContain('质量强省');
    expect(decodeHtml(new Uint8Array(iconv.encode(page('GB18030', '𠀀质量'), 'gb18030')))).toContain('𠀀质量');
    expect(decodeHtml(new Uint8Array(iconv.encode(page('big5', '質量強省'), 'big5')))).toContain('質量強省');
    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>质量</p>';
    expect(decodeHtml(new Uint8Array(iconv.encode(httpEquiv, 'gbk')))).toContain('质量');
    // Undeclared: UTF-8 if valid, else GB18030.
    expect(decodeHtml(utf8('<p>质量</p>'))).toBe('<p>质量</p>');
    expect(decodeHtml(new Uint8Array(iconv.encode('<p>质量</p>', 'gbk')))).toBe('<p>质量</p>');
    // Declared UTF-8 but saved as GBK: the bytes win.
    expect(decodeHtml(new Uint8Array(iconv.encode(page('utf-8', '质量'), 'gbk')))).toContain('质量');
    // An MHTML part's charset comes before the page's own.
    expect(decodeHtml(new Uint8Array(iconv.encode('<p>质量</p>', 'gbk')), 'gb2312')).toBe('<p>质量</p>');
  });

  it('recognises pages and MHTML by their first bytes', () => {
    expect(looksLikeHtml(utf8('\n  <!DOCTYPE html><html>'))).toBe(true);
    expect(looksLikeHtml(utf8('<!-- saved from url=(0042)http://www.gov.cn/ -->\r\n<HTML><HEAD>'))).toBe(true);
    expect(looksLikeHtml(utf8('一、任务\n<html>'))).toBe(false);
    expect(looksLikeHtml(utf8('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\n<p>一</p>'))).toBe(true);
    expect(looksLikeMhtml(mhtmlBytes(utf8('<html></html>'), 'utf-8'))).toBe(true);
    expect(looksLikeMhtml(utf8('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n一'))).toBe(false);
  });

  it('undoes quoted-printable exactly', () => {
    const bytes = new Uint8Array(iconv.encode(`${'质量=提升 '.repeat(40)}\n第二行 \n`, 'gbk'));
    // Hard line breaks come back as MIME's CRLF.
    const crlf = Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\n/gu, '\r\n'), 'latin1');
    expect(Buffer.from(decodeQuotedPrintable(quotedPrintable(bytes)))).toEqual(crlf);
  });
});

describe('MHTML variants', () => {
  const page = '<html><body><div class="content"><p>一、任务</p><p>1.建立台账。(省质监局负责)</p></div></body></html>';

  it('reads a base64 part, and takes the first text/html part after others', async () => {
    const base64 = Buffer.from(iconv.encode(page, 'gbk'))
      .toString('base64')
      .replace(/(.{76})/gu, '$1\r\n');
    const mime = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_000_0000_01D2DB8C.6E7A3B40"',
      '',
      'This is a multi-part message in MIME format.',
      '',
      '------=_NextPart_000_0000_01D2DB8C.6E7A3B40',
      'Content-Type: image/gif',
      'Content-Transfer-Encoding: base64',
      '',
      'R0lGODlhAQABAAAAACw=',
      '------=_NextPart_000_0000_01D2DB8C.6E7A3B40',
      'Content-Type: text/html;',
      '\tcharset="gb2312"',
      'Content-Transfer-Encoding: base64',
      '',
      base64,
      '------=_NextPart_000_0000_01D2DB8C.6E7A3B40--',
      '',
    ].join('\r\n');
    const read = await readPlanSource(new Uint8Array(Buffer.from(mime, 'latin1')), '方案.mht');
    expect([read.reader, read.text]).toEqual(['mhtml', '一、任务\n1.建立台账。(省质监局负责)']);
    // Word's "single file web page" served as a .doc.
    expect((await readPlanSource(new Uint8Array(Buffer.from(mime, 'latin1')), '附件.doc')).reader).toBe('mhtml');
  });

  it('reads a single-part MHTML whose message is the page itself', async () => {
    const mime = `MIME-Version: 1.0\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${page}`;
    expect((await readPlanSource(utf8(mime), '方案.mhtml')).text).toBe('一、任务\n1.建立台账。(省质监局负责)');
  });
});

describe('web pages that are not what they seem', () => {
  it('refuses an MHTML file without a boundary, or without a page, in one sentence', async () => {
    const noBoundary = utf8(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>一</p>',
    );
    const error = await readSourceError(noBoundary, '页面.mhtml');
    expect([error.code, error.params]).toEqual(['plan.mhtml_invalid', { detail: 'no boundary' }]);
    const wrongBoundary = utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="abc"\r\n\r\n--x\r\n\r\n<p>一</p>');
    expect((await readSourceError(wrongBoundary, '页面.mht')).code).toBe('plan.mhtml_invalid');
    const noPage = utf8(
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n',
    );
    expect((await readSourceError(noPage, '页面.mht')).code).toBe('plan.mhtml_invalid');
  });

  it('gives a page with nothing to read to the parser, which says so', async () => {
    const read = await readPlanSource(
      utf8('<!doctype html><html><head><title>空</title></head><body><script>x</script></body></html>'),
      'a.html',
    );
    expect(read.text).toBe('');
    expect(() => parsePlanText(read.text)).toThrow(PlanParseError);
  });

  it('builds on the real page markup of the fixture (sanity: it is a full page)', () => {
    const html = webPageHtml(seedText());
    expect(html).toContain('<div class="TRS_Editor">');
    expect(html).toContain('发文字号:');
  });
});
