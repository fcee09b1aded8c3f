import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENT_ALIASES, parsePlanText } from '../../../shared/plan';
import { PlanParseError } from '../../../shared/plan/errors';
import { parseSource } from '../../../electron/services/plan/import';
import { normalizeCjkRadicals } from '../../../electron/services/plan/readers/cjk-radicals';
import { readPdf } from '../../../electron/services/plan/readers/pdf';
import { checkPdfBytes } from '../../../electron/services/plan/readers/pdf-limits';
import { readPlanSource, readPlanSourceFile } from '../../../electron/services/plan/source';
import {
  encryptPdf,
  heavyTextPdf,
  oddLayoutHtml,
  openPdfPrinter,
  pdfBomb,
  repeatedPagePdf,
  scannedPageHtml,
  simplePdf,
  writeSeedPdf,
} from '../../support/plan-fixtures/pdf';
import { useTempDirs } from '../../support/temp';
import { seedText } from './helpers';

const tempDir = useTempDirs();
/** Taken before anything here loads pdf.js. */
const natives = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
/** Chromium prints the fixtures once for the file; pdf.js is slow on a busy machine. */
const SLOW = 60_000;

let fixtures: string;
let seedPdf: Uint8Array;
let scanPdf: Uint8Array;
let oddPdf: Uint8Array;

beforeAll(async () => {
  // Not a per-test temp dir: the fixtures are shared by the whole file.
  fixtures = mkdtempSync(join(tmpdir(), 'planledger-pdf-'));
  const printer = await openPdfPrinter();
  try {
    seedPdf = new Uint8Array(readFileSync(await writeSeedPdf(fixtures, printer)));
    const lines = seedText().split('\n').slice(0, 12);
    scanPdf = new Uint8Array(await printer.print(scannedPageHtml(lines)));
    oddPdf = new Uint8Array(await printer.print(oddLayoutHtml(seedText().split('\n').slice(10, 14))));
  } finally {
    await printer.close();
  }
}, SLOW);

afterAll(() => {
  rmSync(fixtures, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<PlanParseError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanParseError);
  return error as PlanParseError;
}

describe('the seed as its official PDF', () => {
  it('parses to exactly the plan of the seed text', { timeout: SLOW }, async () => {
    const read = await readPlanSource(seedPdf, '鲁政办字〔2016〕103号.pdf');
    expect(read.reader).toBe('pdf');
    const parsed = parsePlanText(read.text);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.plan).toEqual(parsePlanText(seedText()).plan);
    // The red masthead is read as a line of its own, never as the title.
    expect(read.text.split('\n')[0]).toBe('山东省人民政府办公厅文件');
    expect(parsed.plan.title).toBe('山东省贯彻实施质量发展纲要2016年行动计划');
  });

  it('names the reader and lists the page numbers it dropped with their pages', { timeout: SLOW }, async () => {
    const parsed = await parseSource(DEFAULT_DEPARTMENT_ALIASES, seedPdf, 'plan.pdf');
    expect(parsed.reader).toBe('pdf');
    const pages = parsed.dropped.filter((item) => item.kind === 'page_number');
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages).toEqual(pages.map((_, i) => ({ kind: 'page_number', text: `— ${String(i + 1)} —`, page: i + 1, line: null })));
    // The red masthead is left out by the parser; nothing else is furniture: the body, the
    // signature and the 抄送/印发 block stay in the text.
    expect(parsed.dropped.filter((item) => item.kind !== 'page_number')).toEqual([
      { kind: 'masthead', text: '山东省人民政府办公厅文件', page: null, line: 1 },
    ]);
    expect(parsed.text).toContain('抄送:省委各部门');
  });

  it('reads the PDF the same way from a file with another name, and with bytes before %PDF-', { timeout: SLOW }, async () => {
    const prefixed = Buffer.concat([Buffer.from('\r\n\r\n'), seedPdf]);
    expect((await readPlanSource(prefixed, '方案')).reader).toBe('pdf');
  });
});

describe('PDF layouts other than one column', () => {
  it('reads a two-column page and a page of turned text without failing', { timeout: SLOW }, async () => {
    const read = await readPdf(oddPdf);
    expect(read.reader).toBe('pdf');
    expect(read.text).toContain('总体要求');
  });
});

describe('odd and hostile PDFs end in one clear sentence', () => {
  it('names a scan with no text layer', { timeout: SLOW }, async () => {
    expect((await refusal(readPlanSource(scanPdf, 'scan.pdf'))).code).toBe('plan.pdf_scanned');
  });

  it('refuses a PDF that needs a password to open, and reads one that only restricts printing', { timeout: SLOW }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.pdf'), simplePdf(['This plan is locked away.']));
    encryptPdf(join(dir, 'plain.pdf'), join(dir, 'locked.pdf'));
    const locked = new Uint8Array(readFileSync(join(dir, 'locked.pdf')));
    expect((await refusal(readPlanSource(locked, 'locked.pdf'))).code).toBe('plan.pdf_encrypted');
    // Only an owner password (no printing, no copying), as many government PDFs have: it opens and reads.
    encryptPdf(join(dir, 'plain.pdf'), join(dir, 'restricted.pdf'), '');
    const restricted = new Uint8Array(readFileSync(join(dir, 'restricted.pdf')));
    expect((await readPlanSource(restricted, 'restricted.pdf')).text).toBe('This plan is locked away.');
  });

  it('refuses a truncated download, a damaged file, and a .pdf that is not one', { timeout: SLOW }, async () => {
    const truncated = await refusal(readPlanSource(seedPdf.subarray(0, Math.floor(seedPdf.length / 2)), 'plan.pdf'));
    expect([truncated.code, truncated.params]).toEqual(['plan.pdf_invalid', { detail: 'the file ends early: no %%EOF' }]);
    const damaged = Buffer.from(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`, 'latin1');
    expect((await refusal(readPlanSource(damaged, 'plan.pdf'))).code).toBe('plan.pdf_invalid');
    const text = new TextEncoder().encode(seedText());
    const notPdf = await refusal(readPlanSource(text, 'plan.PDF'));
    expect([notPdf.code, notPdf.params]).toEqual(['plan.pdf_invalid', { detail: 'no %PDF- signature' }]);
  });

  it('refuses a 200 MB file by its size, before reading it', async () => {
    const path = join(tempDir(), 'huge.pdf');
    writeFileSync(path, '%PDF-1.7\n');
    truncateSync(path, 200 * 1024 * 1024); // sparse: nothing is written, nothing may be read
    const error = await refusal(readPlanSourceFile(path, 'huge.pdf'));
    expect([error.code, error.params]).toEqual(['plan.too_large', { sizeMb: 200, limitMb: 64 }]);
  });

  it('refuses a PDF bomb before pdf.js inflates it, with memory bounded', { timeout: SLOW }, async () => {
    // 2 GB of content in a 2 MB file; the check inflates at most one stream's cap and stops.
    const bomb = pdfBomb(2048);
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const error = await refusal(readPlanSource(bomb, 'bomb.pdf'));
    expect([error.code, error.params]).toEqual(['plan.pdf_too_large', { limitMb: 200 }]);
    // Loose: the check holds at most 64 MB of output at a time, never the 2 GB.
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });

  it('counts every stream against one budget', async () => {
    // Five streams of 6 MB against a 20 MB budget: each fits, all of them do not.
    const limits = { maxInflatedBytes: 20 * 1024 * 1024 };
    expect(() => checkPdfBytes(pdfBomb(6, 5), limits)).toThrow(new PlanParseError('plan.pdf_too_large', { limitMb: 20 }));
    expect(() => checkPdfBytes(pdfBomb(6, 3), limits)).not.toThrow();
  });

  it('refuses far too many pages, also when one page is listed a million times', { timeout: SLOW }, async () => {
    const many = await refusal(readPdf(simplePdf(Array.from({ length: 501 }, (_, i) => `Page ${String(i + 1)}`))));
    expect([many.code, many.params]).toEqual(['plan.pdf_too_many_pages', { pages: 501, maxPages: 500 }]);
    const million = await refusal(readPdf(repeatedPagePdf(1_000_000)));
    expect([million.code, million.params]).toEqual(['plan.pdf_too_many_pages', { pages: 1_000_000, maxPages: 500 }]);
    // A page tree that overstates its count is read for the pages it has.
    expect((await readPdf(simplePdf(['Only one page here, whatever the count says.'], 1_000_000))).text).toBe(
      'Only one page here, whatever the count says.',
    );
  });

  it('stops when the time budget is spent, between pages and within one', { timeout: SLOW }, async () => {
    const error = await refusal(readPdf(seedPdf, { maxReadMs: 0 }));
    expect([error.code, error.params]).toEqual(['plan.pdf_too_complex', { seconds: 0 }]);
    // 40 MB of text operators on one page (a minute and more of pdf.js's time) in a 120 kB file.
    const heavy = heavyTextPdf(40);
    expect(heavy.length).toBeLessThan(200 * 1024);
    const started = Date.now();
    const slow = await refusal(readPdf(heavy, { maxReadMs: 1000 }));
    expect([slow.code, slow.params]).toEqual(['plan.pdf_too_complex', { seconds: 1 }]);
    expect(Date.now() - started).toBeLessThan(30_000); // loose: ends near the budget, not after the page
    // The same page stopped by the number of pieces of text it makes, bounding memory.
    expect((await refusal(readPdf(heavy, { maxRuns: 2000 }))).code).toBe('plan.pdf_too_complex');
    // And a reader that stopped early leaves pdf.js able to read the next file.
    expect((await readPdf(seedPdf)).reader).toBe('pdf');
  });

  it('leaves the caller’s bytes whole (pdf.js gets a copy)', { timeout: SLOW }, async () => {
    const bytes = simplePdf(['A plan page with a line of text on it.']);
    const copy = Buffer.from(bytes);
    await readPdf(bytes);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});

describe('loading pdf.js', () => {
  it('leaves the process its native builtins (the legacy build’s core-js would replace them)', { timeout: SLOW }, async () => {
    await readPdf(simplePdf(['A plan page with a line of text on it.']));
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(natives);
  });
});

describe('normalizeCjkRadicals', () => {
  it('gives back the characters a text layer spelled as radicals', () => {
    expect(normalizeCjkRadicals('⼭东省⼈⺠政府办公厅关于⻝品安全⻛险的通知(各部⻔)')).toBe(
      '山东省人民政府办公厅关于食品安全风险的通知(各部门)',
    );
    expect(normalizeCjkRadicals('鲁政办字〔2016〕103号')).toBe('鲁政办字〔2016〕103号');
  });
});
