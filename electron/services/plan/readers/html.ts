/**
 * Saved web pages (.html, .htm): the article body of a government notice page, one paragraph a
 * line, without the site's navigation, breadcrumbs, metadata table, share bar or footer, which
 * are reported as `web_chrome`.
 *
 * The page is decoded by its byte order mark, else the charset its <meta> declares (GBK,
 * GB2312, GB18030, Big5, UTF-8…), else UTF-8 if it is valid UTF-8, else GB18030. It is then
 * tokenised by htmlparser2's Tokenizer into a light tree of block elements and the paragraphs
 * they hold. (htmlparser2's Parser is not used: it keeps open elements with Array.unshift, so a
 * deeply nested page takes quadratic time; this builder's stack is bounded, and elements past
 * MAX_DEPTH or MAX_NODES are read as flat text, so a million nested <div>s end in linear time
 * and bounded memory.)
 *
 * The body is found the way readability-style extractors find it, tuned for Chinese government
 * sites: every block is scored by its text minus the text of links, metadata tables (索引号,
 * 发文机关…) and navigation-like blocks (by tag and by class names such as nav, footer,
 * breadcrumb, share), with a bonus for outline numbering (一、 (一) 1.) and for the class names
 * content blocks use (zoom, TRS_Editor, pages_content…); the best block is the body. The notice
 * title, usually a heading just before the body or the page <title> minus the site name, is
 * put first when the body does not hold it.
 */
import { Tokenizer } from 'htmlparser2';
import iconv from 'iconv-lite';
import { droppedText, type DroppedText } from '../../../../shared/plan/source';
import { startsWith } from './magic';
import type { ReadSource } from './read-source';

export const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);

/** Elements deeper than this are read as flat text (their block breaks still end paragraphs). */
export const MAX_DEPTH = 256;
/** Elements kept in the tree; later ones are read as flat text. A notice page has a few thousand. */
export const MAX_NODES = 100_000;
/** Paragraphs kept; a page with more is not a notice, and the rest is ignored. */
const MAX_PARAGRAPHS = 100_000;
/** Blocks reported as dropped web chrome; a page has a few dozen. */
const MAX_DROPPED_BLOCKS = 200;
/** How far the <meta> charset is looked for. */
const CHARSET_SNIFF_BYTES = 8192;
/** How far an unmatched end tag looks for its element (keeps bad markup linear). */
const CLOSE_LOOKBACK = 32;

/** Text in these is never read: code, styles, embedded frames and form controls. */
const SILENT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'button',
  'select',
  'textarea',
  'object',
  'head',
]);
/**
 * Site chrome by element: its text is reported as dropped, never part of the body. (<form> is not
 * here: ASP.NET and TRS pages wrap the whole page in one.)
 */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);
/** Elements that do not end a paragraph. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'o:p',
]);
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** An open tag of the key closes an open element of these names (HTML's implied end tags), up to the stop names. */
const IMPLIED_CLOSE: ReadonlyMap<string, { closes: ReadonlySet<string>; stops: ReadonlySet<string> }> = (() => {
  const p = { closes: new Set(['p']), stops: new Set(['div', 'td', 'th', 'li', 'table', 'body', 'blockquote', 'section', 'article']) };
  const li = { closes: new Set(['li', 'p']), stops: new Set(['ul', 'ol', 'table', 'body']) };
  const cell = { closes: new Set(['td', 'th', 'p']), stops: new Set(['tr', 'table', 'body']) };
  const row = { closes: new Set(['tr', 'td', 'th', 'p']), stops: new Set(['table', 'tbody', 'thead', 'tfoot', 'body']) };
  const map = new Map<string, { closes: ReadonlySet<string>; stops: ReadonlySet<string> }>();
  for (const tag of ['p', 'div', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'pre', 'dl'])
    map.set(tag, p);
  map.set('li', li);
  map.set('td', cell);
  map.set('th', cell);
  map.set('tr', row);
  return map;
})();

/** Class or id names of content blocks on Chinese government sites (TRS, Hanweb, Kaipu CMS) and elsewhere. */
const CONTENT_NAME_RE =
  /^(?:zoom|content|contents|article|trs_editor|trs_paperbody|wzcon|wz_con|pages_content|xxgk.*|detail.*|main_?content|text|zw|zwnr|con_?text|article_?con(?:tent)?|view|ue_table|art_con|entry|post)$/iu;
/** Class or id names of navigation, breadcrumbs, share bars, related links and footers. */
const CHROME_NAME_RE =
  /(?:^|[-_])(?:nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|breadcrumbs?|crumbs?|position|location|dqwz|share|bdshare|fenxiang|related|xgwz|xglj|links?|friendlinks?|sidebar|side|copyright|banner|toolbar|search|login|logo|pager|pagination)(?:$|[-_0-9])/iu;
const TITLE_NAME_RE = /(?:^|[-_])(?:title|tit|bt|biaoti|headline)(?:$|[-_0-9])/iu;
const HEADING_TAGS = new Set(['h1', 'h2', 'h3']);
/** What a notice's title looks like (关于…的通知, …行动计划), unlike a site's or a column's name. */
const NOTICE_TITLE_RE = /关于|(?:通知|意见|方案|计划|办法|规划|决定|通报|纲要|要点|规定|细则|批复|公告|报告|函)$/u;

/** Outline numbering at the start of a paragraph: 一、 (一) 1. 1、 */
const OUTLINE_RE = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}(?:[.．、](?!\d)))/u;
/** Keys of the metadata table government sites put above a notice, and of the info line under its title. */
const META_KEY_RE =
  /^(?:索\s*引\s*号|发文机关|发布机构|发文单位|成文日期|发文日期|发布日期|发布时间|印发日期|生效日期|废止日期|发文字号|文\s*号|标\s*题|名\s*称|主题分类|主\s*题\s*词|公文种类|体裁分类|信息来源|来\s*源|有\s*效\s*性|是否有效|浏览次数|访问次数|点击数|字\s*号|分\s*享\s*到)\s*(?:[:：]|$)/u;
/** Text of share and print bars. */
const TOOL_TEXT_RE = /^(?:[【[]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏|返回顶部|分享到|字体|大|中|小)\s*[】\]]?\s*)+$/u;

const WHITESPACE_RE = /[\s\u00a0\u3000\ufeff\u200b]+/gu;
/** A line break in the source with its indentation (a space before it is the text's own). */
const SOURCE_BREAK_RE = /(?<![ \t\f])\r?\n[ \t\f\r\n]*/gu;
const ASCII_WORD_RE = /^[A-Za-z0-9]$/u;
const SPACE_BETWEEN_WIDE_RE = /([^\p{ASCII}]) (?=[^\p{ASCII}])/gu;

interface HtmlNode {
  tag: string;
  parent: HtmlNode | null;
  depth: number;
  /** Paragraphs [start, end) are inside. */
  start: number;
  end: number;
  /** <nav>, <footer>… or a class/id name of chrome. */
  chrome: boolean;
  content: boolean;
  titleLike: boolean;
}

interface Paragraph {
  text: string;
  linkChars: number;
  /** Innermost node when the paragraph ended. */
  node: HtmlNode;
  chrome: boolean;
  /** Part of a metadata table. */
  meta: boolean;
}

/**
 * Paragraph text: whitespace runs (nbsp, ideographic space included) made one space, and none
 * between Chinese characters. A line break in the source (a CMS wraps long paragraphs) is
 * dropped unless it separates two Latin words or numbers or follows a space.
 */
export function normalizeParagraph(raw: string): string {
  return raw
    .replace(SOURCE_BREAK_RE, (run: string, offset: number, all: string) =>
      ASCII_WORD_RE.test(all[offset - 1] ?? '') && ASCII_WORD_RE.test(all[offset + run.length] ?? '') ? ' ' : '',
    )
    .replace(WHITESPACE_RE, ' ')
    .trim()
    .replace(SPACE_BETWEEN_WIDE_RE, '$1');
}

function nonSpaceLength(text: string): number {
  return text.replace(WHITESPACE_RE, '').length;
}

function attributeNames(attributes: ReadonlyMap<string, string>): string[] {
  return `${attributes.get('id') ?? ''} ${attributes.get('class') ?? ''}`.split(/\s+/u).filter((name) => name !== '');
}

interface Frame {
  tag: string;
  node: HtmlNode | null;
  silent: boolean;
  chrome: boolean;
  link: boolean;
  title: boolean;
  inline: boolean;
}

/** The light tree of a page: its paragraphs in document order and the block nodes holding them. */
interface PageTree {
  paragraphs: Paragraph[];
  nodes: HtmlNode[];
  title: string;
}

/** Tokenises `html` into paragraphs and block nodes, in time linear in its length. */
function buildTree(html: string): PageTree {
  const root: HtmlNode = { tag: '#document', parent: null, depth: 0, start: 0, end: 0, chrome: false, content: false, titleLike: false };
  const nodes: HtmlNode[] = [root];
  const paragraphs: Paragraph[] = [];
  const stack: Frame[] = [];
  let overflowDepth = 0;
  let silentDepth = 0;
  let chromeDepth = 0;
  let linkDepth = 0;
  let titleDepth = 0;
  let title = '';
  let current: HtmlNode = root;
  // The paragraph being read: small pieces joined now and then so a million entities stay cheap.
  let pieces: string[] = [];
  let chunks: string[] = [];
  let linkChars = 0;

  const flush = () => {
    if (pieces.length > 0) chunks.push(pieces.join(''));
    pieces = [];
    if (chunks.length === 0) return;
    const text = normalizeParagraph(chunks.join(''));
    chunks = [];
    if (text !== '' && paragraphs.length < MAX_PARAGRAPHS) {
      paragraphs.push({ text, linkChars: Math.min(linkChars, text.length), node: current, chrome: chromeDepth > 0, meta: false });
    }
    linkChars = 0;
  };
  const addText = (text: string) => {
    if (silentDepth > 0) return;
    if (titleDepth > 0) {
      if (title.length < 1000) title += text;
      return;
    }
    pieces.push(text);
    if (pieces.length >= 1024) {
      chunks.push(pieces.join(''));
      pieces = [];
    }
    if (linkDepth > 0) linkChars += nonSpaceLength(text);
  };

  const closeFrame = (frame: Frame) => {
    if (!frame.inline) flush();
    if (frame.silent) silentDepth--;
    if (frame.chrome) chromeDepth--;
    if (frame.link) linkDepth--;
    if (frame.title) titleDepth--;
    if (frame.node) {
      frame.node.end = paragraphs.length;
      current = frame.node.parent ?? root;
    }
  };

  let tagName = '';
  let attributes = new Map<string, string>();
  let attributeName = '';
  let attributeValue = '';

  const openTag = (tag: string) => {
    if (VOID_TAGS.has(tag)) {
      if (tag === 'br' || tag === 'hr') flush();
      return;
    }
    if (overflowDepth > 0 || stack.length >= MAX_DEPTH) {
      // Too deep to keep: flat text, whose block breaks still end paragraphs.
      overflowDepth++;
      if (!INLINE_TAGS.has(tag)) flush();
      return;
    }
    const implied = IMPLIED_CLOSE.get(tag);
    if (implied) {
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - 8); i--) {
        const frame = stack[i];
        if (!frame || implied.stops.has(frame.tag)) break;
        if (implied.closes.has(frame.tag)) {
          while (stack.length > i) closeFrame(stack.pop() as Frame);
          break;
        }
      }
    }
    const inline = INLINE_TAGS.has(tag);
    if (!inline) flush();
    const names = attributeNames(attributes);
    const chrome = CHROME_TAGS.has(tag) || (!inline && names.some((name) => CHROME_NAME_RE.test(name)));
    const frame: Frame = {
      tag,
      node: null,
      silent: SILENT_TAGS.has(tag),
      chrome,
      link: tag === 'a' && attributes.has('href'),
      title: tag === 'title',
      inline,
    };
    if (!inline && !frame.silent && nodes.length < MAX_NODES) {
      const node: HtmlNode = {
        tag,
        parent: current,
        depth: current.depth + 1,
        start: paragraphs.length,
        end: paragraphs.length,
        chrome,
        content: names.some((name) => CONTENT_NAME_RE.test(name)),
        titleLike: HEADING_TAGS.has(tag) || names.some((name) => TITLE_NAME_RE.test(name)),
      };
      nodes.push(node);
      frame.node = node;
      current = node;
    }
    if (frame.silent) silentDepth++;
    if (frame.chrome) chromeDepth++;
    if (frame.link) linkDepth++;
    if (frame.title) titleDepth++;
    stack.push(frame);
  };

  const closeTag = (tag: string) => {
    if (VOID_TAGS.has(tag)) {
      if (tag === 'br') flush();
      return;
    }
    if (overflowDepth > 0) {
      overflowDepth--;
      if (!INLINE_TAGS.has(tag)) flush();
      return;
    }
    for (let i = stack.length - 1; i >= Math.max(0, stack.length - CLOSE_LOOKBACK); i--) {
      if (stack[i]?.tag === tag) {
        while (stack.length > i) closeFrame(stack.pop() as Frame);
        return;
      }
    }
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        attributes = new Map();
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        if (attributeValue.length < 1000) attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (attributeValue.length < 1000) attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!attributes.has(attributeName) && attributes.size < 64) attributes.set(attributeName, attributeValue);
      },
      onopentagend() {
        openTag(tagName);
      },
      onselfclosingtag() {
        openTag(tagName);
        closeTag(tagName);
      },
      onclosetag(start, end) {
        closeTag(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        addText(html.slice(start, end));
      },
      ontextentity(codepoint) {
        addText(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  while (stack.length > 0) closeFrame(stack.pop() as Frame);
  flush();
  root.end = paragraphs.length;
  return { paragraphs, nodes, title: normalizeParagraph(title) };
}

/**
 * A block named like chrome that holds the outline is the article after all (a CMS that calls its
 * content area "main-side", a circular inside <header>): it and its paragraphs are not chrome.
 */
function settleChrome(tree: PageTree): void {
  const { paragraphs } = tree;
  const outline = new Int32Array(paragraphs.length + 1);
  paragraphs.forEach((p, i) => {
    outline[i + 1] = (outline[i] ?? 0) + (OUTLINE_RE.test(p.text) ? 1 : 0);
  });
  for (const node of tree.nodes) {
    if (!node.chrome || (outline[node.end] ?? 0) - (outline[node.start] ?? 0) < 3) continue;
    node.chrome = false;
    for (let i = node.start; i < node.end; i++) {
      const p = paragraphs[i] as Paragraph;
      p.chrome = insideChrome(p.node);
    }
  }
}

/** Blocks that are mostly metadata keys (索引号, 发文机关, 发布日期…): their paragraphs are marked `meta`. */
function markMetadata(tree: PageTree): void {
  const { paragraphs } = tree;
  const keyCount = new Int32Array(paragraphs.length + 1);
  paragraphs.forEach((paragraph, i) => {
    const key = META_KEY_RE.test(paragraph.text) || TOOL_TEXT_RE.test(paragraph.text);
    keyCount[i + 1] = (keyCount[i] ?? 0) + (key ? 1 : 0);
  });
  for (const node of tree.nodes) {
    const count = node.end - node.start;
    const keys = (keyCount[node.end] ?? 0) - (keyCount[node.start] ?? 0);
    if (count > 0 && count <= 60 && keys >= 2 && keys * 2 >= count) {
      for (let i = node.start; i < node.end; i++) (paragraphs[i] as Paragraph).meta = true;
    }
  }
  // A lone info line (发布日期:… 来源:…) or print bar is metadata too.
  for (const paragraph of paragraphs) {
    if ((META_KEY_RE.test(paragraph.text) || TOOL_TEXT_RE.test(paragraph.text)) && paragraph.text.length <= 100) paragraph.meta = true;
  }
}

function insideChrome(node: HtmlNode): boolean {
  for (let n: HtmlNode | null = node; n; n = n.parent) if (n.chrome) return true;
  return false;
}

/** The block with the best score: text that is neither link, metadata nor chrome, with outline numbering. */
function findBody(tree: PageTree): HtmlNode {
  const { paragraphs } = tree;
  const good = new Float64Array(paragraphs.length + 1);
  const bad = new Float64Array(paragraphs.length + 1);
  const outline = new Int32Array(paragraphs.length + 1);
  paragraphs.forEach((p, i) => {
    const excluded = p.chrome || p.meta;
    good[i + 1] = (good[i] ?? 0) + (excluded ? 0 : p.text.length - p.linkChars);
    bad[i + 1] = (bad[i] ?? 0) + (excluded ? p.text.length : p.linkChars);
    outline[i + 1] = (outline[i] ?? 0) + (!excluded && OUTLINE_RE.test(p.text) ? 1 : 0);
  });
  const root = tree.nodes[0] as HtmlNode;
  let best = root;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const node of tree.nodes) {
    if (node.end === node.start || node.chrome) continue;
    const text = (good[node.end] ?? 0) - (good[node.start] ?? 0);
    if (text <= 0) continue;
    const noise = (bad[node.end] ?? 0) - (bad[node.start] ?? 0);
    const numbered = Math.min((outline[node.end] ?? 0) - (outline[node.start] ?? 0), 50);
    const score = text - 2 * noise + 40 * numbered + (node.content ? 50 : 0);
    // Equal scores: the inner block (nodes come in document order, so a descendant comes later).
    if (score > bestScore || (score === bestScore && node.depth > best.depth)) {
      if (insideChrome(node)) continue;
      best = node;
      bestScore = score;
    }
  }
  return best;
}

const withoutSpaces = (text: string) => text.replace(WHITESPACE_RE, '');

/** The notice title: the last heading before the body, or the page <title> minus the site name. */
function findTitle(tree: PageTree, body: HtmlNode): string | null {
  let heading: string | null = null;
  for (const node of tree.nodes) {
    if (node.start >= body.start || node.end > body.start) continue;
    if (!node.titleLike || node.end === node.start || insideChrome(node)) continue;
    const text = tree.paragraphs
      .slice(node.start, node.end)
      .map((p) => p.text)
      .join('');
    if (NOTICE_TITLE_RE.test(text) && !META_KEY_RE.test(text)) heading = text;
  }
  // 'XX的通知_山东省人民政府' → the longest part, which is the notice's title rather than the site's name.
  const pageTitle = tree.title
    .split(/\s*(?:[_|｜]|\s[-–—]\s|——|--)\s*/u)
    .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
  if (heading !== null && (pageTitle === '' || withoutSpaces(tree.title).includes(withoutSpaces(heading)))) return heading;
  if (NOTICE_TITLE_RE.test(pageTitle)) return pageTitle;
  return heading;
}

export interface HtmlText {
  text: string;
  dropped: DroppedText[];
}

/** The article body of a page as one paragraph a line, and the chrome left out of it. Pure. */
export function htmlToText(html: string): HtmlText {
  const tree = buildTree(html);
  settleChrome(tree);
  markMetadata(tree);
  const body = findBody(tree);
  const { paragraphs } = tree;
  const lines: string[] = [];
  for (let i = body.start; i < body.end; i++) {
    const p = paragraphs[i] as Paragraph;
    if (!p.chrome && !p.meta) lines.push(p.text);
  }
  const title = findTitle(tree, body);
  const prependTitle = title !== null && lines.length > 0 && !withoutSpaces(lines.join('')).includes(withoutSpaces(title));
  if (prependTitle) lines.unshift(title);

  // Each block outside the body once, and chrome inside it: grouped by the chrome element or
  // else the child of the body's ancestors the paragraph sits in.
  const onPath = new Set<HtmlNode>();
  for (let n: HtmlNode | null = body; n; n = n.parent) onPath.add(n);
  const blockOf = (p: Paragraph, inBody: boolean): HtmlNode | Paragraph => {
    if (inBody) return p.node;
    if (onPath.has(p.node)) return p;
    // The outermost chrome element (a footer, a share bar) holding it, else the top block holding it.
    let n = p.node;
    let chrome: HtmlNode | null = n.chrome ? n : null;
    while (n.parent && !onPath.has(n.parent)) {
      n = n.parent;
      if (n.chrome) chrome = n;
    }
    return chrome ?? n;
  };
  const dropped: DroppedText[] = [];
  const seen = new Set<string>();
  let block: HtmlNode | Paragraph | null = null;
  let blockText: string[] = [];
  const endBlock = () => {
    const text = blockText.join(' ');
    blockText = [];
    if (text === '' || seen.has(text) || (prependTitle && withoutSpaces(text) === withoutSpaces(title ?? ''))) return;
    seen.add(text);
    if (dropped.length < MAX_DROPPED_BLOCKS) dropped.push(droppedText('web_chrome', text));
  };
  paragraphs.forEach((p, i) => {
    const inBody = i >= body.start && i < body.end;
    if (inBody && !p.chrome && !p.meta) {
      if (block !== null) endBlock();
      block = null;
      return;
    }
    const key = blockOf(p, inBody);
    if (key !== block) {
      if (block !== null) endBlock();
      block = key;
    }
    blockText.push(p.text);
  });
  if (block !== null) endBlock();
  return { text: lines.join('\n'), dropped };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The charset label a page declares (<meta charset>, <meta http-equiv … charset=>, <?xml encoding>), lower-cased. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, CHARSET_SNIFF_BYTES)).toString('latin1');
  const match =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:()-]+)/iu.exec(head) ??
    /<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:()-]+)/iu.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/** An encoding iconv-lite knows for a label: GB2312 and GBK read as GB18030, their superset. */
function encodingFor(label: string): string | null {
  const name = label.toLowerCase().replace(/^x-/u, '');
  if (/^(?:gb2312|gb_2312(?:-80)?|gbk|cp936|ms936|windows-936|gb18030|chinese|csgb2312|euc-cn)$/u.test(name)) return 'gb18030';
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/u.test(name)) return 'utf8';
  if (/^(?:big5|big5-hkscs|cn-big5|csbig5|x-x-big5)$/u.test(name)) return 'big5hkscs';
  return iconv.encodingExists(name) ? name : null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The text of a page: by its byte order mark, else `transportCharset` (an MHTML part's header),
 * else its <meta> charset, else UTF-8 when valid, else GB18030. A page declared UTF-8 that is not
 * valid UTF-8 is read as GB18030 (a mislabelled page).
 */
export function decodeHtml(bytes: Uint8Array, transportCharset: string | null = null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, UTF8_BOM)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const label = transportCharset ?? declaredCharset(bytes);
  const encoding = label === null ? null : encodingFor(label);
  if (encoding !== null && encoding !== 'utf8') return iconv.decode(buffer, encoding);
  return strictUtf8(bytes) ?? iconv.decode(buffer, 'gb18030');
}

/** A web page: `<!doctype html` or `<html` near the start (after a byte order mark, blanks and comments). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048))
    .toString('latin1')
    .replace(/^(?:\u00ef\u00bb\u00bf|\u00ff\u00fe|\u00fe\u00ff)/u, '')
    .replaceAll('\u0000', '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/iu.test(head);
}

/** Reads a saved web page (see the module comment). */
export function readHtml(bytes: Uint8Array, transportCharset: string | null = null, reader: 'html' | 'mhtml' = 'html'): ReadSource {
  const { text, dropped } = htmlToText(decodeHtml(bytes, transportCharset));
  return { reader, text, dropped };
}
