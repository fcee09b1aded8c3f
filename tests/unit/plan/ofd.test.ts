import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { expandDeltas, readOfd, resolveLoc, type OfdLimits } from '../../../electron/services/plan/readers/ofd';
import { readPlanSource } from '../../../electron/services/plan/source';
import { PlanParseError, parsePlanText } from '../../../shared/plan';
import { buildOfd, ofdParts, zipParts, type OfdPart } from '../../support/plan-fixtures/ofd';
import { buildZip } from '../report/raw-zip';
import { buildDocx, fixtureBytes, seedText } from './helpers';

const seedPlan = parsePlanText(seedText()).plan;

async function refusal(read: Promise<unknown>): Promise<PlanParseError> {
  try {
    await read;
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('expected a PlanParseError');
}

/** Refused with `code` within `seconds`. */
async function refusedQuickly(read: () => Promise<unknown>, code: string, seconds = 5): Promise<PlanParseError> {
  const started = performance.now();
  const error = await refusal(read());
  expect(error.code).toBe(code);
  expect(performance.now() - started).toBeLessThan(seconds * 1000);
  return error;
}

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
const ofdXml = (docRoot = 'Doc_0/Document.xml') =>
  xml(
    `<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>a</ofd:DocID></ofd:DocInfo><ofd:DocRoot>${docRoot}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
const documentXml = (pageLocs: string[], commonData = '') =>
  xml(
    `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>9</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>${commonData}</ofd:CommonData>` +
      `<ofd:Pages>${pageLocs.map((loc, i) => `<ofd:Page ID="${String(i + 1)}" BaseLoc="${loc}"/>`).join('')}</ofd:Pages></ofd:Document>`,
  );
const pageXml = (layer: string, head = '') =>
  xml(`<ofd:Page ${NS}>${head}<ofd:Content><ofd:Layer ID="1">${layer}</ofd:Layer></ofd:Content></ofd:Page>`);
const textObject = (text: string, y: number, attributes = '') =>
  `<ofd:TextObject ID="2" Boundary="28 ${String(y - 6)} 156 8" Font="1" Size="5.6" ${attributes}><ofd:TextCode X="0" Y="6">${text}</ofd:TextCode></ofd:TextObject>`;

/** A one-document package: OFD.xml, Doc_0/Document.xml and the given parts. */
function onePagePackage(content: Buffer, extra: OfdPart[] = []): Promise<Uint8Array> {
  return zipParts([
    { name: 'OFD.xml', data: ofdXml() },
    { name: 'Doc_0/Document.xml', data: documentXml(['Pages/Page_0/Content.xml']) },
    { name: 'Doc_0/Pages/Page_0/Content.xml', data: content },
    ...extra,
  ]);
}

const PLAN_LINES = ['测试行动方案', '一、主要任务', '1.建立工作台账。(省质监局负责)'];
const planPage = () => pageXml(PLAN_LINES.map((line, i) => textObject(line, 60 + i * 10)).join(''));

describe('readOfd: the seed circular as an official document', () => {
  it('parses to exactly the seed plan, the page numbers dropped with their pages', async () => {
    const read = await readPlanSource(await buildOfd(seedText()), '鲁政办字〔2016〕103号.ofd');
    expect(read.reader).toBe('ofd');
    expect(parsePlanText(read.text).plan).toEqual(seedPlan);
    // One paragraph a line: the wrapped notice title and the 抄送 line come back whole.
    const lines = read.text.split('\n');
    expect(lines).toContain('山东省人民政府办公厅关于印发山东省贯彻实施质量发展纲要2016年行动计划的通知');
    expect(lines).toContain('抄送:省委各部门,省人大常委会办公厅,省政协办公厅,省法院,省检察院。各民主党派省委。');
    expect(read.text).not.toMatch(/—\s*\d+\s*—/u);
    const pages = read.dropped.map((item) => item.page);
    expect(read.dropped.length).toBeGreaterThan(5);
    expect(read.dropped).toEqual(pages.map((page) => ({ kind: 'page_number', text: `— ${String(page)} —`, page, line: null })));
    expect(pages).toEqual(pages.map((_, i) => i + 1));
  });

  it('reads the same from a package without namespace prefixes and with absolute locations', async () => {
    const prefixed = await readOfd(await buildOfd(seedText()));
    const plain = await readOfd(await buildOfd(seedText(), { prefixed: false, absoluteLocations: true }));
    expect(ofdParts(seedText(), { prefixed: false }).some((part) => String(part.data).includes('ofd:'))).toBe(false);
    expect(plain).toEqual(prefixed);
  });

  it('reads the same from a TextObject per character, set at size 1 and scaled by its CTM', async () => {
    const lines = await readOfd(await buildOfd(seedText()));
    const characters = await readOfd(await buildOfd(seedText(), { objects: 'characters' }));
    expect(characters).toEqual(lines);
    expect(parsePlanText(characters.text).plan).toEqual(seedPlan);
  });

  it('sets text on templates apart: page numbers in a template per page, a running head in a shared one', async () => {
    const read = await readOfd(await buildOfd(seedText(), { pageNumbers: 'template', runningHead: '山东省人民政府办公厅行政规范性文件' }));
    expect(parsePlanText(read.text).plan).toEqual(seedPlan);
    expect(read.text).not.toContain('行政规范性文件');
    const numbers = read.dropped.filter((item) => item.kind === 'page_number');
    const heads = read.dropped.filter((item) => item.kind === 'running_head');
    expect(numbers.map((item) => item.text)).toEqual(numbers.map((item) => `— ${String(item.page)} —`));
    expect(heads.map((item) => item.page)).toEqual(numbers.slice(1).map((item) => item.page));
    expect(new Set(heads.map((item) => item.text))).toEqual(new Set(['山东省人民政府办公厅行政规范性文件']));
  });

  it('is chosen by OFD.xml at the root of any ZIP, or by the .ofd name; a .docx stays Word', async () => {
    const ofd = await buildOfd(seedText());
    expect((await readPlanSource(ofd, 'download')).reader).toBe('ofd');
    expect((await readPlanSource(ofd, '通知.zip')).reader).toBe('ofd');
    expect((await readPlanSource(await buildDocx(PLAN_LINES), 'plan.docx')).reader).toBe('docx');
    const notZip = await refusal(readPlanSource(new TextEncoder().encode('一、任务\n1.测试。'), 'plan.ofd'));
    expect([notZip.code, notZip.params]).toEqual(['plan.ofd_invalid', { detail: 'not a ZIP package' }]);
  });
});

describe('readOfd: text objects as the standard defines them', () => {
  it('expands DeltaX, including g N d, never beyond the characters there are', () => {
    expect(expandDeltas('g 3 5.6 2.8', 10)).toEqual([5.6, 5.6, 5.6, 2.8]);
    expect(expandDeltas('1 g 2 3 4', 10)).toEqual([1, 3, 3, 4]);
    expect(expandDeltas('g 1000000000 1', 3)).toEqual([1, 1, 1]);
    expect(expandDeltas('x 2', 2)).toEqual([null, 2]);
    expect(expandDeltas(undefined, 4)).toEqual([]);
  });

  it('resolves locations against the naming part’s folder or the root, and never outside the package', () => {
    expect(resolveLoc('Doc_0', 'Pages/Page_0/Content.xml')).toBe('Doc_0/Pages/Page_0/Content.xml');
    expect(resolveLoc('Doc_0', '/Doc_0/Pages/Page_0/Content.xml')).toBe('Doc_0/Pages/Page_0/Content.xml');
    expect(resolveLoc('Doc_0/Pages', '../Tpls/./T.xml')).toBe('Doc_0/Tpls/T.xml');
    expect(resolveLoc('', 'Doc_0\\Document.xml')).toBe('Doc_0/Document.xml');
    expect(() => resolveLoc('Doc_0', '../../etc/passwd')).toThrow(PlanParseError);
  });

  it('places characters by X, Y (inherited from the TextCode before), DeltaX and the CTM, and decodes character references', async () => {
    const object =
      '<ofd:TextObject ID="2" Boundary="28 50 156 40" Font="1" Size="11.2" CTM="0.5 0 0 0.5 0 0">' +
      '<ofd:TextCode X="0" Y="10" DeltaX="g 5 11.2">一、主要任务</ofd:TextCode>' +
      // Same X as the line before (inherited), 20 units (10 mm on the page) lower.
      '<ofd:TextCode Y="30" DeltaX="11.2 5.6 g 3 11.2 5.6 11.2 11.2 11.2">1.&#x5EFA;立台账&amp;清单。(省质监局负责)</ofd:TextCode>' +
      '</ofd:TextObject>';
    const read = await readOfd(await onePagePackage(pageXml(textObject('测试行动方案', 40) + object)));
    expect(read.text).toBe(['测试行动方案', '一、主要任务', '1.建立台账&清单。(省质监局负责)'].join('\n'));
  });

  it('sees a first-line indent typed as full-width spaces, and keeps a space between words', async () => {
    // 28 characters a line, at the left margin; paragraphs begin with two ideographic spaces, as Word converters write them.
    const lines = [
      '一、主要任务',
      '\u3000\u30001.建立工作台账，明确责任分工，逐项推进落实，按月',
      '调度。(省质监局负责)',
      '\u3000\u30002.开展QC Circle活动。(省经信委负责)',
    ];
    const objects = lines.map(
      (line, i) =>
        `<ofd:TextObject ID="${String(i + 2)}" Boundary="28 ${String(50 + i * 10)} 160 8" Font="1" Size="5.6">` +
        `<ofd:TextCode X="0" Y="6" DeltaX="g ${String([...line].length - 1)} 5.6">${line}</ofd:TextCode></ofd:TextObject>`,
    );
    const read = await readOfd(await onePagePackage(pageXml(objects.join(''))));
    expect(read.text.split('\n')).toEqual([
      '一、主要任务',
      '1.建立工作台账，明确责任分工，逐项推进落实，按月调度。(省质监局负责)',
      '2.开展QC Circle活动。(省经信委负责)',
    ]);
  });

  it('reads a part that declares GB18030, as older producers wrote them', async () => {
    // The seed's first lines in GB18030 (a line break is never inside a GB18030 character).
    const gb = Buffer.from(fixtureBytes('shandong-2016-gb18030.txt'));
    const lines: Buffer[] = [];
    for (let start = 0, end = gb.indexOf(0x0a); lines.length < 3; start = end + 1, end = gb.indexOf(0x0a, start))
      lines.push(gb.subarray(start, end));
    const objects = lines.map((line, i) =>
      Buffer.concat([
        Buffer.from(`<ofd:TextObject ID="2" Boundary="28 ${String(50 + i * 10)} 160 8" Font="1" Size="5.6"><ofd:TextCode X="0" Y="6">`),
        line,
        Buffer.from('</ofd:TextCode></ofd:TextObject>'),
      ]),
    );
    const content = Buffer.concat([
      Buffer.from(`<?xml version="1.0" encoding="GB18030"?>\n<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">`),
      ...objects,
      Buffer.from('</ofd:Layer></ofd:Content></ofd:Page>'),
    ]);
    const read = await readOfd(await onePagePackage(content));
    expect(read.text.split('\n')).toEqual(seedText().split('\n').slice(0, 3));
  });

  it('walks nested page blocks and leaves paths and images out', async () => {
    let layer = textObject(PLAN_LINES[2] ?? '', 80);
    for (let i = 0; i < 50; i++) layer = `<ofd:PageBlock ID="${String(i + 9)}">${layer}</ofd:PageBlock>`;
    const page = pageXml(
      `${textObject(PLAN_LINES[0] ?? '', 60)}<ofd:PathObject ID="5" Boundary="28 64 156 1"><ofd:AbbreviatedData>M 0 0 L 156 0</ofd:AbbreviatedData></ofd:PathObject>` +
        `<ofd:ImageObject ID="6" Boundary="28 66 20 20" ResourceID="7"/>${textObject(PLAN_LINES[1] ?? '', 70)}${layer}`,
    );
    expect((await readOfd(await onePagePackage(page))).text).toBe(PLAN_LINES.join('\n'));
  });

  it('says a package with no text is a scan', async () => {
    const scan = pageXml('<ofd:ImageObject ID="6" Boundary="0 0 210 297" ResourceID="7"/>');
    expect((await refusal(readOfd(await onePagePackage(scan)))).code).toBe('plan.ofd_scanned');
  });
});

/** A raw deflate stream that inflates to `size` bytes of `unit` repeated, itself about a thousandth of that. */
function deflated(size: number, unit: string): Buffer {
  const megabyte = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length))).subarray(0, 1024 * 1024);
  // A full flush forgets the history, so the same block may be repeated; 0x03 0x00 is an empty final block.
  const block = deflateRawSync(megabyte, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: size / megabyte.length }, () => block), Buffer.from([0x03, 0x00])]);
}

describe('readOfd: hostile packages end in one clear error within seconds', () => {
  it('refuses a zip bomb before parsing anything', async () => {
    const bomb = buildZip([
      { name: 'OFD.xml', data: ofdXml(), deflate: true },
      { name: 'Doc_0/Document.xml', data: documentXml(['Pages/Page_0/Content.xml']), deflate: true },
      { name: 'Doc_0/Pages/Page_0/Content.xml', data: planPage(), deflate: true },
      {
        name: 'Doc_0/Res/image1.png',
        data: Buffer.alloc(0),
        raw: deflated(300 * 1024 * 1024, '\0'),
        deflate: true,
        declaredSize: 300 * 1024 * 1024,
      },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const error = await refusedQuickly(() => readPlanSource(bomb, 'bomb.ofd'), 'plan.ofd_too_large');
    expect(error.params).toEqual({ limitMb: 100 });
  });

  it('refuses a Content.xml that inflates to 1 GB, whether its size is declared or forged', async () => {
    const raw = deflated(1024 * 1024 * 1024, '<a>');
    expect(raw.length).toBeLessThan(4 * 1024 * 1024);
    const entries = (declaredSize: number) =>
      buildZip([
        { name: 'OFD.xml', data: ofdXml(), deflate: true },
        { name: 'Doc_0/Document.xml', data: documentXml(['Pages/Page_0/Content.xml']), deflate: true },
        { name: 'Doc_0/Pages/Page_0/Content.xml', data: Buffer.alloc(0), raw, deflate: true, declaredSize },
      ]);
    await refusedQuickly(() => readPlanSource(entries(1024 * 1024 * 1024), 'huge.ofd'), 'plan.ofd_too_large');
    await refusedQuickly(() => readPlanSource(entries(4000), 'forged.ofd'), 'plan.ofd_too_large');
  });

  it('reads each XML part only up to its limit, counting the bytes as they inflate', async () => {
    const seed = await buildOfd(seedText());
    const error = await refusedQuickly(() => readOfd(seed, { maxPartBytes: 10_000 } satisfies OfdLimits), 'plan.ofd_too_large');
    expect(error.params).toEqual({ limitMb: 1 });
    await refusedQuickly(() => readOfd(seed, { maxXmlBytes: 64 * 1024 }), 'plan.ofd_too_large');
  });

  it('refuses entity expansion (billion laughs) without expanding anything', async () => {
    const entities = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${String(i + 1)} "${`&lol${String(i)};`.repeat(10)}">`).join('');
    const laughs = xml(
      `<!DOCTYPE ofd:Page [<!ENTITY lol0 "lol">${entities}]><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="1">${textObject('&lol9;', 60)}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
    const error = await refusedQuickly(async () => readOfd(await onePagePackage(laughs)), 'plan.ofd_invalid');
    expect(error.params).toEqual({ detail: 'Doc_0/Pages/Page_0/Content.xml declares a DOCTYPE' });
    // Without a DOCTYPE an unknown entity stays as written.
    const undeclared = pageXml(PLAN_LINES.map((line, i) => textObject(i === 0 ? `${line}&lol9;` : line, 60 + i * 10)).join(''));
    expect((await readOfd(await onePagePackage(undeclared))).text.split('\n')[0]).toBe('测试行动方案&lol9;');
  });

  it('refuses a package whose Document.xml is missing, naming the part', async () => {
    const parts = ofdParts(seedText()).filter((part) => part.name !== 'Doc_0/Document.xml');
    const error = await refusedQuickly(async () => readOfd(await zipParts(parts)), 'plan.ofd_invalid');
    expect(error.params).toEqual({ detail: 'Doc_0/Document.xml is missing' });
  });

  it('refuses a page location that leads outside the package', async () => {
    const escaping = await zipParts([
      { name: 'OFD.xml', data: ofdXml() },
      { name: 'Doc_0/Document.xml', data: documentXml(['../../etc/passwd']) },
    ]);
    const error = await refusedQuickly(() => readOfd(escaping), 'plan.ofd_invalid');
    expect(error.params).toEqual({ detail: 'location ../../etc/passwd leads outside the package' });
  });

  it('refuses 100,000 nested page blocks', async () => {
    const depth = 100_000;
    const nested = pageXml(`${'<ofd:PageBlock ID="3">'.repeat(depth)}${textObject('测试', 60)}${'</ofd:PageBlock>'.repeat(depth)}`);
    // Stored, not deflated: a part this repetitive would already be refused for its packing ratio.
    const pkg = await zipParts([
      { name: 'OFD.xml', data: ofdXml() },
      { name: 'Doc_0/Document.xml', data: documentXml(['Pages/Page_0/Content.xml']) },
      { name: 'Doc_0/Pages/Page_0/Content.xml', data: nested, compress: false },
    ]);
    const error = await refusedQuickly(() => readOfd(pkg), 'plan.ofd_invalid');
    expect(error.params).toEqual({ detail: 'Doc_0/Pages/Page_0/Content.xml nests elements more than 256 deep' });
  });

  it('refuses more than 500 pages, and damaged XML', async () => {
    const pages = Array.from({ length: 501 }, () => 'Pages/Page_0/Content.xml');
    const many = await zipParts([
      { name: 'OFD.xml', data: ofdXml() },
      { name: 'Doc_0/Document.xml', data: documentXml(pages) },
      { name: 'Doc_0/Pages/Page_0/Content.xml', data: planPage() },
    ]);
    const error = await refusedQuickly(() => readPlanSource(many, 'many.ofd'), 'plan.ofd_too_many_pages');
    expect(error.params).toEqual({ pages: 501, maxPages: 500 });

    const cut = planPage().subarray(0, 200);
    const damaged = await refusedQuickly(async () => readOfd(await onePagePackage(cut)), 'plan.ofd_invalid');
    expect(String(damaged.params.detail)).toMatch(/^Doc_0\/Pages\/Page_0\/Content\.xml is not well-formed XML/u);
    const notOfd = await zipParts([{ name: 'OFD.xml', data: xml('<html><body>一、任务</body></html>') }]);
    expect((await refusedQuickly(() => readOfd(notOfd), 'plan.ofd_invalid')).params).toEqual({ detail: 'OFD.xml has no OFD root element' });
  });
});
