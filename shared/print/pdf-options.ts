import type { PageOrientation } from '../api/calls/print';
/**
 * How a printed checklist is laid out on A4, in one place: the renderer turns it into the
 * page's `@page` rule (size, margins, running header and footer as CSS margin boxes) and
 * Electron main passes the same numbers to `webContents.printToPDF`, so the system print
 * dialog, the browser's print and the saved PDF all come out alike.
 *
 * Running header and footer are CSS `@page` margin boxes, not printToPDF's header/footer
 * templates: Chromium draws margin boxes (since 131; Electron 41 ships 146) in every print
 * path (printToPDF, webContents.print, window.print in the dev host), while templates only
 * exist for printToPDF and would be drawn on top of the margin boxes if both were on.
 */

export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Page margins in millimetres; the left one is wider for binding, as on official papers. */
export const pageMarginsMm: Record<PageOrientation, PageMargins> = {
  portrait: { top: 24, right: 18, bottom: 20, left: 24 },
  landscape: { top: 20, right: 20, bottom: 17, left: 22 },
};

const mmPerInch = 25.4;

/** The options for Electron's `webContents.printToPDF` (tests map them 1:1 onto Playwright's `page.pdf`). */
export interface PdfOptions {
  pageSize: 'A4';
  landscape: boolean;
  printBackground: true;
  /** The `@page` rule decides size and margins; the values below say the same, for any path that ignores it. */
  preferCSSPageSize: true;
  displayHeaderFooter: false;
  /** Inches, as Electron expects them. */
  margins: PageMargins;
  generateDocumentOutline: false;
}

export function pdfOptions(orientation: PageOrientation): PdfOptions {
  const mm = pageMarginsMm[orientation];
  const inches = (value: number) => Math.round((value / mmPerInch) * 10_000) / 10_000;
  return {
    pageSize: 'A4',
    landscape: orientation === 'landscape',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
    margins: { top: inches(mm.top), right: inches(mm.right), bottom: inches(mm.bottom), left: inches(mm.left) },
    generateDocumentOutline: false,
  };
}

/** Options for the system print dialog (`webContents.print`): margins come from the page's CSS. */
export function systemPrintOptions(orientation: PageOrientation): {
  silent: false;
  printBackground: true;
  landscape: boolean;
  pageSize: 'A4';
  margins: { marginType: 'default' };
} {
  return {
    silent: false,
    printBackground: true,
    landscape: orientation === 'landscape',
    pageSize: 'A4',
    margins: { marginType: 'default' },
  };
}

/**
 * A CSS string literal for `content:` (quotes, backslashes and line breaks escaped). A `<`
 * becomes a CSS escape, so text such as `</style>` cannot end the style element it sits in.
 */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/gu, (c) => `\\${c}`)
    .replace(/</gu, '\\3c ')
    .replace(/[\r\n]+/gu, ' ')}"`;
}

/**
 * `content:` for a page counter line from a translated template such as
 * `第 {{page}} 页 / 共 {{pages}} 页`: text around `counter(page)` and `counter(pages)`.
 */
export function pageCounterContent(template: string): string {
  const parts = template.split(/(\{\{pages?\}\})/u).filter((part) => part !== '');
  return parts.map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part))).join(' ');
}

export interface RunningText {
  /** Left of the running header, e.g. the document's name and department. */
  headerLeft: string;
  /** Right of the running header, e.g. the plan's document number. */
  headerRight: string;
  /** Translated page line with {{page}} and {{pages}}. */
  pageTemplate: string;
}

/** Fonts of the running header and footer (the same families the document uses). */
const marginFont = `9pt "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`;

/**
 * The `@page` rule of a printed checklist: A4 in the chosen orientation, the margins above,
 * a running header (with a thin rule under it) and `page X / Y` centred at the foot.
 */
export function pageCss(orientation: PageOrientation, text: RunningText): string {
  const m = pageMarginsMm[orientation];
  const headerBox = (content: string, align: string) => `
    content: ${content};
    font: ${marginFont};
    color: #000;
    text-align: ${align};
    vertical-align: bottom;
    padding-bottom: 2.5mm;
    margin-bottom: 5mm;
    border-bottom: 0.6pt solid #000;`;
  return `@page {
  size: A4 ${orientation};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-left {${headerBox(cssString(text.headerLeft), 'left')}
  }
  @top-right {${headerBox(cssString(text.headerRight), 'right')}
  }
  @bottom-center {
    content: ${pageCounterContent(text.pageTemplate)};
    font: ${marginFont};
    color: #000;
    vertical-align: top;
    padding-top: 5mm;
  }
}`;
}
