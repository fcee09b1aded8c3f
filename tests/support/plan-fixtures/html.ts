/**
 * A circular as a saved government web page, the way provincial portals (TRS, Hanweb CMS) lay
 * one out: site header with logo and navigation, breadcrumbs, a metadata table (索引号, 发文机关…),
 * the title, an info line, the body in <div id="zoom">/<div class="TRS_Editor">, a share bar,
 * related links and a footer; in UTF-8 or GBK, and wrapped as MHTML the way a browser saves it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export type WebPageLayout =
  /** <div class="TRS_Editor"> with one <p style="text-indent:2em"> a paragraph. */
  | 'trs'
  /** <div id="zoom">, the whole text in one <p> with <br>s and &nbsp; indents. */
  | 'br'
  /** An old-style page laid out in one big table: menu column left, circular in a cell. */
  | 'table';

export interface WebPageOptions {
  layout?: WebPageLayout;
  /** 'gbk' writes <meta charset="gb2312"> and encodes with GBK, as many government sites still do. */
  encoding?: 'utf-8' | 'gbk';
}

/** What the page around the circular says, for tests that look for it among the dropped chrome. */
export const WEB_CHROME = {
  site: '山东省人民政府',
  navigation: ['首页', '要闻动态', '政务公开', '政务服务', '互动交流', '走进山东'],
  breadcrumbs: '首页 > 政务公开 > 政策文件',
  footer: '主办单位:山东省人民政府办公厅',
  footerId: '网站标识码:3700000063',
  icp: '鲁ICP备05045867号',
  related: '山东省人民政府关于深化标准化工作改革提升标准化水平的意见',
} as const;

const escapeHtml = (text: string) =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/“/gu, '&ldquo;').replace(/”/gu, '&rdquo;');

/** A paragraph's source the way a CMS writes it: hard-wrapped every ~40 characters with indentation. */
function sourceWrapped(text: string): string {
  const chars = [...escapeHtml(text)];
  const lines: string[] = [];
  for (let i = 0; i < chars.length;) {
    let end = Math.min(i + 40, chars.length);
    // The text's own spaces stay inside a line: next to a source line break they would be indentation.
    while (end < chars.length && (chars[end] === ' ' || chars[end - 1] === ' ')) end++;
    lines.push(chars.slice(i, end).join(''));
    i = end;
  }
  // Never split an entity: rejoin lines that cut one.
  return lines.join('\n        ').replace(/&(\w*)\n\s+(\w*;)/gu, '\n        &$1$2');
}

function header(title: string): string {
  const nav = WEB_CHROME.navigation.map((item, i) => `<li><a href="/col${String(i)}/">${item}</a></li>`).join('\n          ');
  return `<div class="header">
    <div class="logo"><a href="/"><img src="/images/logo.png" alt="${WEB_CHROME.site}">${WEB_CHROME.site}</a></div>
    <div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div>
    <div class="nav">
      <ul>
          ${nav}
      </ul>
    </div>
  </div>
  <div class="position">当前位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
  <table class="xxgk_table" border="1" cellspacing="0">
    <tr><td>索 引 号:</td><td>11370000004109085A/2016-00123</td><td>发文机关:</td><td>山东省人民政府办公厅</td></tr>
    <tr><td>成文日期:</td><td>2016-07-07</td><td>发布日期:</td><td>2016-07-12</td></tr>
    <tr><td>标&nbsp;&nbsp;&nbsp;&nbsp;题:</td><td colspan="3">${escapeHtml(title)}</td></tr>
    <tr><td>发文字号:</td><td>鲁政办字〔2016〕103号</td><td>主题分类:</td><td>综合政务</td></tr>
  </table>`;
}

function footer(): string {
  return `<div class="share">分享到:<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
  <div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
  <div class="related">
    <h3>相关文件</h3>
    <ul>
      <li><a href="/art/2016/1.html">${WEB_CHROME.related}</a></li>
      <li><a href="/art/2016/2.html">山东省人民政府办公厅关于印发山东省质量强省及名牌战略推进工作方案的通知</a></li>
    </ul>
  </div>
  <div class="footer">
    <p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
    <p>${WEB_CHROME.footer}&nbsp;&nbsp;承办:山东省大数据中心</p>
    <p>${WEB_CHROME.footerId}&nbsp;&nbsp;<a href="https://beian.miit.gov.cn">${WEB_CHROME.icp}</a>&nbsp;&nbsp;鲁公网安备 37010202000031号</p>
  </div>`;
}

const INFO_LINE = `<div class="info">发布日期:2016-07-12 16:35&nbsp;&nbsp;来源:山东省人民政府办公厅&nbsp;&nbsp;浏览次数:<span id="hits">12345</span>&nbsp;&nbsp;字号:[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>`;

function head(title: string, charset: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${escapeHtml(title)}_${WEB_CHROME.site}</title>
<meta name="ArticleTitle" content="${escapeHtml(title)}">
<link rel="stylesheet" href="/css/style.css">
<style>body { font-family: "仿宋"; } .nav li { float: left; }</style>
<script>var _hmt = _hmt || []; document.write("一、这不是正文");</script>
</head>`;
}

/** The circular (one paragraph a line, its notice title first) as a saved web page, as HTML source. */
export function webPageHtml(text: string, options: WebPageOptions = {}): string {
  const [title = '', ...body] = text.split('\n').filter((line) => line.trim() !== '');
  const charset = options.encoding === 'gbk' ? 'gb2312' : 'utf-8';
  const layout = options.layout ?? 'trs';
  if (layout === 'table') {
    const paragraphs = body.map((line) => `<p>&nbsp;&nbsp;&nbsp;&nbsp;${sourceWrapped(line)}</p>`).join('\n');
    const menu = WEB_CHROME.navigation.map((item) => `<a href="#">${item}</a><br>`).join('\n');
    return `${head(title, charset)}
<body>
<table width="1000" align="center" cellpadding="0" cellspacing="0">
  <tr><td colspan="2">${header(title)}</td></tr>
  <tr>
    <td width="200" valign="top" class="left">${menu}</td>
    <td valign="top">
      <h1 align="center">${escapeHtml(title)}</h1>
      ${INFO_LINE}
${paragraphs}
    </td>
  </tr>
  <tr><td colspan="2">${footer()}</td></tr>
</table>
</body>
</html>
`;
  }
  const content =
    layout === 'br'
      ? `<div id="zoom"><p>${body.map((line) => `&nbsp;&nbsp;&nbsp;&nbsp;${sourceWrapped(line)}`).join('<br>\n<br />\n')}</p></div>`
      : `<div class="TRS_Editor">
${body
  .map((line, i) =>
    // Right-aligned issuer and date, a span or two as Word-pasted text has, \u3000 indents.
    i === 3 || i === 4
      ? `<p style="text-align:right">${escapeHtml(line)}\u3000\u3000</p>`
      : `<p style="text-indent:2em"><span style="font-family:仿宋_GB2312">\u3000\u3000${sourceWrapped(line)}</span></p>`,
  )
  .join('\n')}
</div>`;
  return `${head(title, charset)}
<body>
<div class="wrapper">
  ${header(title)}
  <div class="main">
    <div class="article">
      <h1 class="title">${escapeHtml(title)}</h1>
      ${INFO_LINE}
      ${content}
    </div>
    ${footer()}
  </div>
</div>
<script src="/js/stat.js"></script>
</body>
</html>
`;
}

/** The page's bytes in its declared encoding. */
export function webPageBytes(text: string, options: WebPageOptions = {}): Uint8Array {
  const html = webPageHtml(text, options);
  return new Uint8Array(options.encoding === 'gbk' ? iconv.encode(html, 'gbk') : Buffer.from(html, 'utf8'));
}

/** Quoted-printable (RFC 2045): lines of at most 76 characters, soft breaks `=`. */
export function quotedPrintable(bytes: Uint8Array): string {
  const out: string[] = [];
  let line = '';
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      out.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x0a) {
      out.push(line);
      line = '';
    } else if (b === 0x0d) {
      continue;
    } else if ((b >= 33 && b <= 126 && b !== 61) || (b === 0x20 && bytes[i + 1] !== 0x0a && i + 1 < bytes.length)) {
      push(String.fromCharCode(b));
    } else {
      push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  }
  out.push(line);
  return out.join('\r\n');
}

/** A page as a browser saves it as "Web page, single file" (.mhtml): MIME multipart/related, the page quoted-printable. */
export function mhtmlBytes(
  html: Uint8Array,
  charset: string,
  boundary = '----MultipartBoundary--k3Qx8pLm2Z0aTq7vR9sJ4eWcYb----',
): Uint8Array {
  const css = Buffer.from('.nav li { float: left; }').toString('base64');
  const mime = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: http://www.shandong.gov.cn/art/2016/7/12/art_2259_16789.html',
    'Subject: =?utf-8?Q?=E5=B1=B1=E4=B8=9C?=',
    'Date: Tue, 12 Jul 2016 08:35:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    `Content-Type: text/html; charset="${charset}"`,
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: http://www.shandong.gov.cn/art/2016/7/12/art_2259_16789.html',
    '',
    quotedPrintable(html),
    '',
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Transfer-Encoding: base64',
    'Content-Location: http://www.shandong.gov.cn/css/style.css',
    '',
    css,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return new Uint8Array(Buffer.from(mime, 'latin1'));
}

/** Writes the circular as `name` into `dir`: .html (UTF-8 unless options say GBK) or .mhtml. Returns the path. */
export function writeWebPage(dir: string, name: string, text: string, options: WebPageOptions = {}): string {
  const page = webPageBytes(text, options);
  const path = join(dir, name);
  const mhtml = /\.mht(?:ml)?$/iu.test(name);
  writeFileSync(path, mhtml ? mhtmlBytes(page, options.encoding === 'gbk' ? 'gb2312' : 'utf-8') : page);
  return path;
}
