/**
 * PDF fixtures printed by Debian's Chromium: a plan text laid out as an official document
 * (GB/T 9704: A4, red masthead and rule, 3号 serif body of 28 characters a line with
 * two-character first-line indents, centred titles, signature and date set right, page numbers
 * `— N —` in the outer foot corner, the 抄送/印发 block at the end), and odd pages for the
 * reader's hostile tests (a scan with no text layer, two columns, a rotated page).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, deflateRawSync, deflateSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import seedText from '../../../seeds/shandong-2016-quality-action-plan.txt?raw';
import { chromiumArgs, chromiumPath } from '../chromium';

const escapeHtml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

const DOC_NUMBER_RE = /^\S{1,12}〔[0-9]{4}〕[0-9]{1,4}号$/u;
const DATE_RE = /^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$/u;
const PRINTED_RE = /^(.+?)([0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日印发)$/u;
const CHAPTER_RE = /^[一二三四五六七八九十]{1,3}、/u;
const SECTION_RE = /^[(（][一二三四五六七八九十]{1,3}[)）]/u;
/** A title line: short, no sentence punctuation, not a date. */
const TITLE_LINE_RE = /^[^,，。；;:：、()（）]{2,24}$/u;

export interface OfficialDocumentOptions {
  /** The red masthead; default: the signature line + 文件 (山东省人民政府办公厅文件). */
  masthead?: string;
}

/**
 * The plan text (one paragraph a line, as the seed) as an HTML page that Chromium prints in
 * official-document layout. The roles of lines are read from their shapes: the document
 * number goes under the masthead, the first line and short unpunctuated lines are centred
 * titles, an issuer line followed by a date is the signature, 抄送 and …印发 make the 版记.
 */
export function officialDocumentHtml(text: string, options: OfficialDocumentOptions = {}): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const docNumber = lines.find((line) => DOC_NUMBER_RE.test(line)) ?? '';
  const signatureAt = lines.findIndex((line, i) => DATE_RE.test(lines[i + 1] ?? '') && TITLE_LINE_RE.test(line));
  const masthead = options.masthead ?? `${lines[signatureAt] ?? ''}文件`;
  const body: string[] = [];
  let planTitleStarted = false;
  lines.forEach((line, i) => {
    // A space typed in Chinese text (the seed has two, before a bracket) is kept off the ends of
    // lines: a space where a line wraps is not printed, and no reader could give it back.
    const html = escapeHtml(line).replace(/(\S) (\S)/gu, '<span class="keep">$1 $2</span>');
    if (line === docNumber) return;
    if (i === 0) body.push(`<h1>${html}</h1>`);
    else if (i === signatureAt) body.push(`<p class="signature">${html}</p>`);
    else if (i === signatureAt + 1) body.push(`<p class="date">${html}</p>`);
    else if (line.startsWith('抄送')) body.push(`<div class="record"><p class="copies">${html}</p>`);
    else if (PRINTED_RE.test(line)) {
      const [, issuer = '', printed = ''] = PRINTED_RE.exec(line) ?? [];
      body.push(`<p class="printed"><span>${escapeHtml(issuer)}</span><span>${escapeHtml(printed)}</span></p></div>`);
    } else if (CHAPTER_RE.test(line)) body.push(`<p class="chapter">${html}</p>`);
    else if (SECTION_RE.test(line)) body.push(`<p class="section">${html}</p>`);
    else if (i > signatureAt && TITLE_LINE_RE.test(line)) {
      // The plan itself starts on a new page under its own title.
      body.push(`<h2${planTitleStarted ? '' : ' class="new-page"'}>${html}</h2>`);
      planTitleStarted = true;
    } else if (i === 1 || (i === 2 && lines[1] === docNumber)) body.push(`<p class="addressee">${html}</p>`);
    else body.push(`<p>${html}</p>`);
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><style>
  /* GB/T 9704: A4, text block 156 mm × 225 mm, 22 lines of 28 characters in 3号 (16 pt).
     AR PL UMing (TrueType) is embedded as a CID font, as Word embeds 宋体; Noto CJK (CFF) would
     go in as Type 3 glyph procedures, which no office suite writes. */
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt 'AR PL UMing CN', 'Noto Serif CJK SC'; margin-right: 7mm; } }
  @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt 'AR PL UMing CN', 'Noto Serif CJK SC'; margin-left: 7mm; } }
  body { margin: 0; font: 16pt/28.9pt 'AR PL UMing CN', 'Noto Serif CJK SC', serif; color: #000; }
  p { margin: 0; text-indent: 2em; text-align: justify; }
  .keep { white-space: nowrap; }
  .masthead { color: #e60012; font: bold 34pt/1.3 'AR PL UMing CN', 'Noto Serif CJK SC', serif; text-align: center; letter-spacing: 0.05em; margin-top: 8mm; }
  .doc-number { text-indent: 0; text-align: center; margin-top: 14mm; }
  .rule { border-top: 2pt solid #e60012; margin: 4mm 0 14mm; }
  h1, h2 { font: bold 22pt/1.45 'AR PL UMing CN', 'Noto Serif CJK SC', serif; text-align: center; margin: 0; }
  h1 { margin-bottom: 28.9pt; }
  h2.new-page { break-before: page; }
  h2 + p:not(h2) { margin-top: 28.9pt; }
  .addressee { text-indent: 0; }
  .chapter { font-family: 'Noto Sans CJK SC', sans-serif; }
  .signature { text-align: right; margin-top: 57.8pt; padding-right: 2em; text-indent: 0; }
  .date { text-align: right; padding-right: 4em; text-indent: 0; }
  .record { margin-top: 57.8pt; border-top: 1pt solid #000; border-bottom: 1pt solid #000; font-size: 14pt; break-inside: avoid; }
  .copies { text-indent: 0; padding: 0 1em; border-bottom: 0.5pt solid #000; }
  .printed { text-indent: 0; padding: 0 1em; display: flex; justify-content: space-between; }
</style></head><body>
<div class="masthead">${escapeHtml(masthead)}</div>
<p class="doc-number">${escapeHtml(docNumber)}</p>
<div class="rule"></div>
${body.join('\n')}
</body></html>`;
}

/** One Chromium for many PDFs. */
export interface PdfPrinter {
  /** Prints `html` with its own @page size and margins. */
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openPdfPrinter(): Promise<PdfPrinter> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    async print(html) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

/** The embedded seed circular as its official PDF, written into `dir`; returns the path. */
export async function writeSeedPdf(dir: string, printer?: PdfPrinter): Promise<string> {
  const own = printer ?? (await openPdfPrinter());
  try {
    const path = join(dir, 'shandong-2016-quality-action-plan.pdf');
    writeFileSync(path, await own.print(officialDocumentHtml(seedText)));
    return path;
  } finally {
    if (!printer) await own.close();
  }
}

/** A "scan": every page an image of text (a canvas, printed as a picture), no text layer. */
export function scannedPageHtml(lines: readonly string[], pages = 2): string {
  const canvases = Array.from({ length: pages }, (_, i) => `<canvas id="c${String(i)}" width="1240" height="1754"></canvas>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 0; } body { margin: 0; } canvas { display: block; width: 210mm; height: 297mm; break-after: page; }
</style></head><body>${canvases}<script>
  for (const canvas of document.querySelectorAll('canvas')) {
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#222'; g.font = '36px "Noto Serif CJK SC"';
    ${JSON.stringify(lines)}.forEach((line, i) => g.fillText(line, 140, 240 + i * 64));
  }
</script></body></html>`;
}

/** A page set in two newspaper columns, then a page whose text is turned a quarter. */
export function oddLayoutHtml(paragraphs: readonly string[]): string {
  const ps = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 20mm; } body { margin: 0; font: 12pt/1.6 'Noto Serif CJK SC'; }
  .columns { column-count: 2; column-gap: 10mm; break-after: page; }
  .turned { transform: rotate(90deg) translate(0, -100%); transform-origin: top left; width: 250mm; }
</style></head><body><div class="columns">${ps}${ps}</div><div class="turned">${ps}</div></body></html>`;
}

/** A PDF object's body, or a stream (its dictionary entries without /Length, and its raw data). */
export type PdfObject = string | { dict: string; data: Buffer };

/**
 * A PDF written by hand: objects numbered from 1 in the order given (1 must be the catalog),
 * with a correct cross-reference table, for files no printer makes.
 */
export function writePdf(objects: readonly PdfObject[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') push(Buffer.from(`${String(i + 1)} 0 obj\n${object}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${String(i + 1)} 0 obj\n<< ${object.dict} /Length ${String(object.data.length)} >>\nstream\n`, 'latin1'));
      push(object.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n${rows}` +
        `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** One line of Helvetica per page; `count` is what the page tree claims (default: the real number). */
export function simplePdf(pageTexts: readonly string[], count = pageTexts.length): Buffer {
  const pages = pageTexts.length;
  // 1 catalog, 2 page tree, 3 font, then a page and its content per text.
  const kids = pageTexts.map((_, i) => `${String(4 + 2 * i)} 0 R`).join(' ');
  const objects: PdfObject[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${String(count)} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  pageTexts.forEach((text, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${String(5 + 2 * i)} 0 R >>`,
      { dict: '', data: Buffer.from(`BT /F1 12 Tf 72 770 Td (${text.replace(/[()\\]/gu, '\\$&')}) Tj ET`, 'latin1') },
    );
  });
  if (objects.length !== 3 + 2 * pages) throw new Error('page objects miscounted');
  return writePdf(objects);
}

const MB = 1024 * 1024;

/**
 * `megabytes` of zeros, zlib-deflated in about a thousandth of the space without ever holding
 * them: the first megabyte, then one block that encodes a megabyte of zeros after a window of
 * zeros, repeated, then an empty final block and the Adler-32 of all of it.
 */
export function deflatedZeros(megabytes: number): Buffer {
  const first = deflateSync(Buffer.alloc(MB), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const next = deflateRawSync(Buffer.alloc(MB), { dictionary: Buffer.alloc(32 * 1024), finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const total = megabytes * MB;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) >>> 0) + 1);
  return Buffer.concat([first, ...Array.from({ length: megabytes - 1 }, () => next), Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]), adler]);
}

/** A PDF bomb: a page whose content streams, a few megabytes in the file, inflate to `megabytes` each. */
export function pdfBomb(megabytes: number, streams = 1): Buffer {
  const contents = Array.from({ length: streams }, (_, i) => `${String(5 + i)} 0 R`).join(' ');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents [${contents}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from({ length: streams }, () => ({ dict: '/Filter /FlateDecode', data: deflatedZeros(megabytes) })),
  ]);
}

/**
 * `path` encrypted by qpdf (Debian's qpdf package) with AES-256, written to `out`: with a user
 * password it cannot be opened without it; with an empty one it opens, printing and copying forbidden.
 */
export function encryptPdf(path: string, out: string, userPassword = '1234'): void {
  execFileSync('qpdf', ['--encrypt', userPassword, 'owner-secret', '256', '--print=none', '--extract=n', '--', path, out]);
}

/** A page tree that lists one page `times` times (and says so in /Count): a million pages in a few megabytes. */
export function repeatedPagePdf(times: number): Buffer {
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${'3 0 R '.repeat(times)}] /Count ${String(times)} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    { dict: '', data: Buffer.from('BT /F1 12 Tf 72 770 Td (one page, listed many times) Tj ET', 'latin1') },
  ]);
}

/** One page whose content stream draws the same letter over and over: `megabytes` of text operators, a few kilobytes packed. */
export function heavyTextPdf(megabytes: number): Buffer {
  const operator = 'BT /F1 12 Tf 72 700 Td (x) Tj ET\n';
  const content = Buffer.from(operator.repeat(Math.ceil((megabytes * MB) / operator.length)), 'latin1');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    { dict: '/Filter /FlateDecode', data: deflateSync(content) },
  ]);
}
