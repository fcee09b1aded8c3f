import { execFileSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import type { PageOrientation } from '../../../shared/api/calls/print';
import { pdfOptions } from '../../../shared/print/pdf-options';

/** The print view: the bare document (deep link) and the in-app preview screen. */
export class PrintView {
  readonly document: Locator;
  readonly options: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.document = page.getByTestId('print-document').first();
    this.options = page.getByRole('form');
    this.preview = page.locator('.print-preview');
  }

  static hash(params: Record<string, string>): string {
    return `#/print/checklist?${new URLSearchParams(params).toString()}`;
  }

  /** Waits until the checklist is rendered and its fonts are loaded. */
  async ready(timeout = 30_000): Promise<void> {
    await this.document.waitFor({ timeout });
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /** The PDF exactly as Electron's printToPDF is asked for it (shared/print/pdf-options.ts). */
  pdf(path: string, orientation: PageOrientation): Promise<void> {
    return printPdf(this.page, path, orientation);
  }
}

/** Prints any page to PDF with the options Electron's printToPDF gets (shared/print/pdf-options.ts). */
export async function printPdf(page: Page, path: string, orientation: PageOrientation): Promise<void> {
  const options = pdfOptions(orientation);
  const inches = (value: number) => `${value}in`;
  await page.pdf({
    path,
    format: options.pageSize,
    landscape: options.landscape,
    printBackground: options.printBackground,
    preferCSSPageSize: options.preferCSSPageSize,
    displayHeaderFooter: options.displayHeaderFooter,
    outline: options.generateDocumentOutline,
    margin: {
      top: inches(options.margins.top),
      right: inches(options.margins.right),
      bottom: inches(options.margins.bottom),
      left: inches(options.margins.left),
    },
  });
}

/** A PDF read back with poppler: page count, page size and the text of each page. */
export interface PdfText {
  pages: number;
  /** Width × height in points of the first page. */
  size: { width: number; height: number };
  /** Text per page (pdftotext -layout), index 0 = page 1. */
  pageTexts: string[];
  /** The whole text. */
  text: string;
}

export function readPdf(path: string): PdfText {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? 0);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/mu.exec(info);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends every page with a form feed: the last piece is the empty tail.
  const pageTexts = text.split('\f').slice(0, -1);
  if (pageTexts.length !== pages) throw new Error(`pdftotext gave ${pageTexts.length} pages, pdfinfo says ${pages}`);
  return { pages, size: { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) }, pageTexts, text };
}

/** Text without any white space, for matching phrases a line break or column spacing may cut. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}
