/** Shared by the plan parser tests: fixtures, the seed, and a tiny .docx writer. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readPlanSource } from '../../../electron/services/plan/source';
import { PlanParseError } from '../../../shared/plan/errors';
import { zipParts, type ZipPart } from '../../support/plan-fixtures/zip';
import { parsePlanText, type ParsePlanResult } from '../../../shared/plan';

const root = new URL('../../../', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`tests/fixtures/plans/${name}`, root))));
}

export function fixtureText(name: string): string {
  return new TextDecoder('utf-8').decode(fixtureBytes(name));
}

export function seedBytes(): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL('seeds/shandong-2016-quality-action-plan.txt', root))));
}

export function seedText(): string {
  return new TextDecoder('utf-8').decode(seedBytes());
}

/** Lines joined into one document. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}

/** Parses and expects no warnings; returns the plan. */
export function parseClean(text: string): ParsePlanResult['plan'] {
  const result = parsePlanText(text);
  if (result.warnings.length > 0) throw new Error(`unexpected warnings: ${JSON.stringify(result.warnings)}`);
  return result.plan;
}

/** Department names of a measure with their roles, 'name' or 'name:role' for lead/support. */
export function roles(measure: { departments: { name: string; role: string }[] }): string[] {
  return measure.departments.map((d) => (d.role === 'responsible' ? d.name : `${d.name}:${d.role}`));
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A minimal .docx (one <w:p> per paragraph), the way Word stores one; `extra` adds more parts. */
export function buildDocx(paragraphs: readonly string[], extra: readonly ZipPart[] = []): Promise<Uint8Array> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  return zipParts([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: Buffer.from(
        `${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    },
    ...extra,
  ]);
}

/** Expects reading the source to fail with a PlanParseError, and returns it. */
export async function readSourceError(bytes: Uint8Array, fileName: string): Promise<PlanParseError> {
  try {
    await readPlanSource(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('expected a PlanParseError');
}

/** Width on a printed page: a Chinese character 1, a Latin letter or digit ½. */
const pageWidth = (ch: string) => ((ch.codePointAt(0) ?? 0) < 0x1100 ? 0.5 : 1);
const isAsciiWordChar = (ch: string) => /^[A-Za-z0-9]$/u.test(ch);

/** One paragraph hard-wrapped at `width` (on the page), Latin words and numbers kept whole. */
export function wrapParagraph(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = indent;
  let used = indent.length;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    let token = chars[i] ?? '';
    while (isAsciiWordChar(token[token.length - 1] ?? '') && isAsciiWordChar(chars[i + 1] ?? '')) token += chars[++i] ?? '';
    // A space stays between its neighbours: a line never starts or ends with one.
    while (/^\s$/u.test(chars[i + 1] ?? '') && i + 2 < chars.length) token += `${chars[++i] ?? ''}${chars[++i] ?? ''}`;
    const w = [...token].reduce((sum, ch) => sum + pageWidth(ch), 0);
    if (used + w > width && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += token;
    used += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export type PageNumberStyle = 'dash' | 'hyphen' | 'page' | 'of';

export interface RewrapOptions {
  /** Lines per page (default 22). */
  pageLines?: number;
  pageNumbers?: PageNumberStyle;
  /** Repeated at the top of every page after the first. */
  runningHead?: string;
  /** Paragraphs start with two full-width spaces, as printed. */
  indent?: boolean;
  /** Blank lines around the page number, as some PDF readers copy them. */
  blankAroundPageNumber?: boolean;
}

function pageNumber(style: PageNumberStyle, n: number, pages: number): string {
  if (style === 'dash') return `— ${String(n)} —`;
  if (style === 'hyphen') return `- ${String(n)} -`;
  if (style === 'page') return `第 ${String(n)} 页`;
  return `${String(n)}/${String(pages)}`;
}

/**
 * The text as copied out of a PDF: every paragraph hard-wrapped at `width`, with a page number
 * every `pageLines` lines and a running head on top of each new page.
 */
export function rewrap(text: string, width: number, options: RewrapOptions = {}): string {
  const pageLines = options.pageLines ?? 22;
  const wrapped = text
    .split('\n')
    .filter((p) => p.trim() !== '')
    .flatMap((p) => wrapParagraph(p.trim(), width, options.indent ? '\u3000\u3000' : ''));
  const pages = Math.ceil(wrapped.length / pageLines);
  const out: string[] = [];
  wrapped.forEach((line, i) => {
    if (i > 0 && i % pageLines === 0) {
      const n = i / pageLines;
      const blank = options.blankAroundPageNumber ? [''] : [];
      out.push(...blank, pageNumber(options.pageNumbers ?? 'dash', n, pages), ...blank);
      if (options.runningHead !== undefined) out.push(options.runningHead);
    }
    out.push(line);
  });
  out.push(pageNumber(options.pageNumbers ?? 'dash', pages, pages));
  return out.join('\n');
}

/** The whole text as one line, as some web pages and PDF readers give it. */
export function runTogether(text: string): string {
  return text
    .split('\n')
    .map((p) => p.trim())
    .join('');
}
