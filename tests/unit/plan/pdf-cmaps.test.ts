import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBuilderConfig } from '../../../build/scripts/dist-plan.mjs';
import { parsePlanText } from '../../../shared/plan';
import { PlanParseError } from '../../../shared/plan/errors';
import { BUILT_CMAP_FOLDER, PdfCMapFiles, pdfCMapFolder } from '../../../electron/services/plan/readers/pdf-cmaps';
import { readPlanSource } from '../../../electron/services/plan/source';
import { simplePdf } from '../../support/plan-fixtures/pdf';
import { CJK_CIRCULAR_LINES, CJK_CMAP_NAMES, nonEmbeddedCjkPdf } from '../../support/plan-fixtures/pdf-cjk';

/** pdf.js loads in a second or two on a busy machine. */
const SLOW = 30_000;

const circularPlan = () => parsePlanText(CJK_CIRCULAR_LINES.join('\n')).plan;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('Chinese PDFs whose font is not embedded (STSong-Light through a predefined CMap)', () => {
  it.each(CJK_CMAP_NAMES)('reads the text of a %s font, not a scan', { timeout: SLOW }, async (cmap) => {
    const read = await readPlanSource(nonEmbeddedCjkPdf(CJK_CIRCULAR_LINES, { cmap }), 'circular.pdf');
    expect(read.reader).toBe('pdf');
    expect(read.text.split('\n')).toContain('鲁政办字〔2016〕103号');
    const { plan } = parsePlanText(read.text);
    expect(plan).toEqual(circularPlan());
    expect(plan.measures.map((measure) => measure.departments)).toEqual([
      [
        { name: '省质监局', role: 'lead' },
        { name: '发展改革', role: 'support' },
        { name: '经济和信息化', role: 'support' },
        { name: '住房城乡建设', role: 'support' },
      ],
      [
        { name: '经济和信息化', role: 'responsible' },
        { name: '国资', role: 'responsible' },
        { name: '质监', role: 'responsible' },
      ],
    ]);
  });

  it('ends a font that names a path or an unknown CMap as a scan, in seconds, reading nothing', { timeout: SLOW }, async () => {
    for (const encodingName of ['../../../../etc/passwd', 'UniGB-NoSuch-H', '/etc/passwd']) {
      const started = Date.now();
      const error = await refusal(readPlanSource(nonEmbeddedCjkPdf(CJK_CIRCULAR_LINES, { encodingName }), 'hostile.pdf'));
      expect(error).toBeInstanceOf(PlanParseError);
      expect((error as PlanParseError).code).toBe('plan.pdf_scanned');
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});

describe('Latin fonts that are not embedded', () => {
  it('read right without pdf.js’s standard font data, which the reader does not load', { timeout: SLOW }, async () => {
    const line = 'Measures of the plan, with Helvetica left out of the file.';
    expect((await readPlanSource(simplePdf([line]), 'latin.pdf')).text).toBe(line);
  });
});

describe('the CMap files pdf.js is given', () => {
  it('are found beside the sources, with the trailing slash pdf.js requires', () => {
    const folder = pdfCMapFolder();
    expect(folder).toMatch(/[/\\]node_modules[/\\]pdfjs-dist[/\\]cmaps\/$/u);
    expect(existsSync(join(folder ?? '', 'UniGB-UCS2-H.bcmap'))).toBe(true);
  });

  it('are packaged into the app beside its main bundle (out/main/), where the reader looks for them', () => {
    const { files } = readBuilderConfig(resolve(import.meta.dirname, '..', '..', '..')) as { files: string[] };
    expect(files).toEqual(expect.arrayContaining(['out/main/**', `out/${BUILT_CMAP_FOLDER}/**`]));
  });

  it('are read by plain file name only, and nothing else is read', async () => {
    const files = new PdfCMapFiles({ cMapUrl: pdfCMapFolder() });
    expect((await files.fetch({ kind: 'cMapUrl', filename: 'GBK-EUC-H.bcmap' })).length).toBeGreaterThan(1000);
    for (const filename of ['../../../../etc/passwd', '../cmaps/GBK-EUC-H.bcmap', '/etc/passwd', 'GBK-EUC-H', 'a\\..\\b.bcmap', '']) {
      expect((await refusal(files.fetch({ kind: 'cMapUrl', filename }))).message).toMatch(/^not a CMap file name/u);
    }
    expect((await refusal(files.fetch({ kind: 'standardFontDataUrl', filename: 'FoxitSans.pfb' }))).message).toBe(
      'PDF reader loads no standardFontDataUrl data',
    );
    const nowhere = new PdfCMapFiles({ cMapUrl: null });
    expect((await refusal(nowhere.fetch({ kind: 'cMapUrl', filename: 'GBK-EUC-H.bcmap' }))).message).toMatch(/missing/u);
  });
});
