import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyReportPackage } from '../../electron/services/report/package/verify';
import { ReportData } from '../../shared/report/data';
import { expectApiError, openAsDepartment, previewText, useBackends, type TestBackend } from '../support/backend';
import { all, first, paragraphStyle, parseXml, styleById, wordText, zipPart, zipParts, type XmlNode } from '../support/docx-xml';
import { useTempDirs } from '../support/temp';
import { fixtureBytes } from '../unit/plan/helpers';

const openTestBackend = useBackends();
const tempDir = useTempDirs();
const clock = new Date(2017, 0, 20, 10, 32, 5);
const unitName = '山东省质量技术监督局';
const planTitle = '《山东省贯彻实施质量发展纲要2016年行动计划》';
const passphrase = '省质监局报送口令2016';

/** 质监 (many measures) with tasks in several states, work done written, and its full name set. */
async function qualityBureau(options: { fullName?: string } = {}): Promise<TestBackend> {
  const backend = await openAsDepartment(openTestBackend, '质监', { now: () => clock });
  if (options.fullName !== '')
    await backend.call('settings.update', { unitName: { department: '质监', fullName: options.fullName ?? unitName } });
  const { data } = await backend.call('reports.draft', { period: '2016-H2' });
  const code = data.measures[0]!.code;
  const [done, blocked] = await backend.call('tasks.create', { measureCode: code, texts: ['制定全省计量发展规划', '建设国家质检中心'] });
  await backend.call('tasks.update', { id: done!.id, patch: { status: 'done', progress: 100, owner: '计量处', due: '2016-09-30' } });
  await backend.call('tasks.update', {
    id: blocked!.id,
    patch: { status: 'blocked', progress: 20, owner: '科技处', notes: '用地审批未完成' },
  });
  await backend.call('reports.saveMeasureText', {
    period: '2016-H2',
    code,
    workDone: '一是印发计量发展规划。\n二是推进国家质检中心建设。',
  });
  await backend.call('reports.saveDraft', {
    period: '2016-H2',
    problems: '基层计量技术人员不足。',
    contactPerson: '李明',
    contactPhone: '0531-86091234',
  });
  return backend;
}

/** Saves the period's report.docx to a file the user chose; the file and the call's answer. */
async function savedDocx(backend: TestBackend, period = '2016-H2') {
  const file = join(tempDir(), '报告.docx');
  const answer = await backend.call('reports.saveDocx', { period, targetId: backend.ctx.files.registerSaveTarget(file).id });
  return { file, answer };
}

const twipsOfMm = (mm: number) => mm * 56.7;
const attribute = (node: XmlNode | undefined, name: string) => node?.attributes[name];

function footersByType(file: string): Map<string, XmlNode> {
  const document = parseXml(zipPart(file, 'word/document.xml'));
  const rels = parseXml(zipPart(file, 'word/_rels/document.xml.rels'));
  const target = new Map(all(rels, 'Relationship').map((rel) => [rel.attributes.Id, rel.attributes.Target]));
  return new Map(
    all(document, 'w:footerReference').map((ref) => [
      ref.attributes['w:type'] as string,
      parseXml(zipPart(file, `word/${target.get(ref.attributes['r:id'] as string) as string}`)),
    ]),
  );
}

/** Whitespace removed: PDF text and wrapped lines put spaces and breaks where the document has none. */
const squeeze = (text: string) => text.replace(/\s+/gu, '');

describe('reports.saveDocx', () => {
  it('writes an A4 document with the GB/T 9704 margins, fonts, sizes, line spacing and outside page numbers', async () => {
    const backend = await qualityBureau();
    const { file, answer } = await savedDocx(backend);
    expect(answer).toEqual({ download: null, fileName: '质监-2016年下半年.docx' });

    const document = parseXml(zipPart(file, 'word/document.xml'));
    const section = first(document, 'w:sectPr') as XmlNode;
    expect(first(section, 'w:pgSz')?.attributes).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    const margin = first(section, 'w:pgMar') as XmlNode;
    for (const [side, mm] of [
      ['w:top', 37],
      ['w:bottom', 35],
      ['w:left', 28],
      ['w:right', 26],
    ] as const) {
      expect(Math.abs(Number(margin.attributes[side]) - twipsOfMm(mm)), side).toBeLessThanOrEqual(1);
    }

    const styles = parseXml(zipPart(file, 'word/styles.xml'));
    const fontsOf = (id: string) => first(styleById(styles, id), 'w:rFonts')?.attributes;
    const sizeOf = (id: string) => attribute(first(styleById(styles, id), 'w:sz'), 'w:val');
    expect(fontsOf('ReportTitle')).toMatchObject({ 'w:eastAsia': '方正小标宋简体', 'w:ascii': '方正小标宋简体' });
    expect(sizeOf('ReportTitle')).toBe('44');
    expect(attribute(first(styleById(styles, 'ReportTitle'), 'w:jc'), 'w:val')).toBe('center');
    expect(fontsOf('ReportBody')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312' });
    expect(sizeOf('ReportBody')).toBe('32');
    const body = styleById(styles, 'ReportBody');
    expect(first(body, 'w:spacing')?.attributes).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(first(body, 'w:ind')?.attributes).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
    expect(attribute(first(body, 'w:jc'), 'w:val')).toBe('both');
    expect(fontsOf('ReportHeading1')).toMatchObject({ 'w:eastAsia': '黑体' });
    expect(fontsOf('ReportHeading2')).toMatchObject({ 'w:eastAsia': '楷体_GB2312' });
    for (const id of ['ReportHeading1', 'ReportHeading2']) expect(attribute(styleById(styles, id), 'w:type')).toBe('paragraph');

    // The fallbacks Word and WPS use where the official fonts are not installed.
    const fontTable = parseXml(zipPart(file, 'word/fontTable.xml'));
    const altNames = new Map(
      all(fontTable, 'w:font').map((font) => [font.attributes['w:name'], attribute(first(font, 'w:altName'), 'w:val')]),
    );
    expect(Object.fromEntries(altNames)).toMatchObject({
      方正小标宋简体: '宋体',
      仿宋_GB2312: '仿宋',
      楷体_GB2312: '楷体',
      黑体: 'SimHei',
      宋体: 'SimSun',
    });

    // Page numbers — 1 — as a PAGE field, 4号 宋体, right on odd pages and left on even ones, 空一字.
    expect(first(parseXml(zipPart(file, 'word/settings.xml')), 'w:evenAndOddHeaders')).toBeDefined();
    const footers = footersByType(file);
    expect([...footers.keys()].sort()).toEqual(['default', 'even']);
    for (const [type, footer] of footers) {
      const paragraph = first(footer, 'w:p') as XmlNode;
      expect(
        all(paragraph, 'w:instrText').map((node) =>
          node.children
            .map((child) => child.text)
            .join('')
            .trim(),
        ),
      ).toEqual(['PAGE']);
      expect(all(paragraph, 'w:fldChar').map((node) => node.attributes['w:fldCharType'])).toEqual(['begin', 'separate', 'end']);
      expect(wordText(paragraph)).toBe('—  —');
      expect(first(paragraph, 'w:rFonts')?.attributes).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体' });
      expect(attribute(first(paragraph, 'w:sz'), 'w:val')).toBe('28');
      expect(attribute(first(paragraph, 'w:jc'), 'w:val')).toBe(type === 'default' ? 'right' : 'left');
      expect(attribute(first(paragraph, 'w:ind'), type === 'default' ? 'w:right' : 'w:left')).toBe('280');
    }

    // Title, properties, dates: the unit's full name; the report's time.
    const paragraphs = all(document, 'w:p');
    const title = paragraphs.find((p) => paragraphStyle(p) === 'ReportTitle') as XmlNode;
    expect(wordText(title)).toBe(`${unitName}关于${planTitle}贯彻落实情况的报告`);
    const core = zipPart(file, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${unitName}关于${planTitle}贯彻落实情况的报告</dc:title>`);
    expect(core).toContain(`<dc:creator>${unitName}</dc:creator>`);
    expect(core).toContain(`>${clock.toISOString().replace(/\.\d{3}Z$/u, 'Z')}</dcterms:created>`);
  });

  it('holds what report.html holds: every measure, the work done, tasks, problems, next steps, sign-off and contact', async () => {
    const backend = await qualityBureau();
    const { file } = await savedDocx(backend);
    const { data } = await backend.call('reports.draft', { period: '2016-H2' });
    expect(data.measures.length).toBeGreaterThan(10);
    const document = parseXml(zipPart(file, 'word/document.xml'));
    const paragraphs = all(document, 'w:p').filter((p) => first(p, 'w:tbl') === undefined);
    const texts = paragraphs.map(wordText);
    const styled = (id: string) => paragraphs.filter((p) => paragraphStyle(p) === id).map(wordText);

    expect(styled('ReportHeading1')).toEqual(['一、总体情况', '二、各项措施落实情况', '三、存在问题', '四、下步打算']);
    for (const measure of data.measures) expect(styled('ReportHeading2')).toContain(`${measure.label} ${measure.title}`);
    expect(texts).toContain('一是印发计量发展规划。');
    expect(texts).toContain('二是推进国家质检中心建设。');
    expect(texts).toContain('基层计量技术人员不足。');
    expect(texts.find((text) => text.startsWith('本期\uFF0C'))).toContain(
      `${unitName}承担措施${data.measures.length}条\uFF0C分解工作任务2项`,
    );

    // The task table: a repeated header row, then a row per task.
    const table = all(document, 'w:tbl').find((tbl) => wordText(tbl).includes('制定全省计量发展规划')) as XmlNode;
    const rows = all(table, 'w:tr');
    expect(first(rows[0] as XmlNode, 'w:tblHeader')).toBeDefined();
    expect(all(rows[0] as XmlNode, 'w:tc').map(wordText)).toEqual([
      '序号',
      '任务',
      '状态',
      '进度',
      '责任人',
      '完成时限',
      '备注',
      '证明材料',
    ]);
    expect(all(rows[1] as XmlNode, 'w:tc').map(wordText)).toEqual([
      '1',
      '制定全省计量发展规划',
      '已完成',
      '100%',
      '计量处',
      '2016-09-30',
      '',
      '',
    ]);
    expect(
      all(rows[2] as XmlNode, 'w:tc')
        .map(wordText)
        .slice(1, 7),
    ).toEqual(['建设国家质检中心', '受阻', '20%', '科技处', '—', '用地审批未完成']);

    // Sign-off, right-aligned: the unit's full name over the date; then the contact.
    const signOff = paragraphs.filter((p) => attribute(first(p, 'w:jc'), 'w:val') === 'right').map(wordText);
    expect(signOff).toEqual([unitName, '2017年1月20日']);
    expect(texts).toContain('\uFF08联系人\uFF1A李明\uFF1B联系电话\uFF1A0531-86091234\uFF09');
    expect(texts).toContain('\uFF08未填写\uFF09'); // 下步打算, left empty
  });

  it('gives the same bytes for the same report, and the department where no full name is set', async () => {
    const backend = await qualityBureau({ fullName: '' });
    const one = readFileSync((await savedDocx(backend)).file);
    const two = readFileSync((await savedDocx(backend)).file);
    expect(one.equals(two)).toBe(true);
    const file = join(tempDir(), 'r.docx');
    writeFileSync(file, one);
    const document = parseXml(zipPart(file, 'word/document.xml'));
    expect(wordText(all(document, 'w:p').find((p) => paragraphStyle(p) === 'ReportTitle') as XmlNode)).toBe(
      `质监关于${planTitle}贯彻落实情况的报告`,
    );
    expect(zipPart(file, 'docProps/core.xml')).toContain('<dc:creator>质监</dc:creator>');
    // Every entry carries the report's wall-clock time, not the time it was zipped.
    const listing = execFileSync('unzip', ['-l', file]).toString();
    const times = [...listing.matchAll(/\s(\d{4}-\d{2}-\d{2} \d{2}:\d{2})\s/gu)].map((m) => m[1]);
    expect(times.length).toBe(zipParts(file).length);
    expect(new Set(times)).toEqual(new Set(['2017-01-20 10:32']));
  });

  it('offers the browser a download, and refuses a period it does not understand or a department without measures', async () => {
    const backend = await qualityBureau();
    const { download, fileName } = await backend.call('reports.saveDocx', { period: '2016-Q3', targetId: null });
    expect(fileName).toBe('质监-2016年第三季度.docx');
    const saved = backend.ctx.files.takeDownload(download!.downloadId);
    expect(saved?.name).toBe(fileName);
    expect(readFileSync(saved!.path).subarray(0, 2).toString()).toBe('PK');

    await expectApiError(backend.call('reports.saveDocx', { period: '2016-H2x', targetId: null }), 'request.invalid');
    const source = join(tempDir(), '方案.txt');
    writeFileSync(source, fixtureBytes('standalone-plan.txt'));
    const preview = await backend.call('plans.preview', { fileId: backend.ctx.files.registerExisting(source).id });
    const { plan } = await backend.call('plans.import', { previewId: preview.previewId });
    await backend.call('plans.activate', { planId: plan.id });
    const folder = tempDir();
    const target = backend.ctx.files.registerSaveTarget(join(folder, 'x.docx')).id;
    await expectApiError(backend.call('reports.saveDocx', { period: '2016', targetId: target }), 'report.nothing_to_report');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('renders in LibreOffice with every measure of the department and the page numbers in the footers', { timeout: 120_000 }, async () => {
    const backend = await qualityBureau();
    const { file } = await savedDocx(backend);
    const { data } = await backend.call('reports.draft', { period: '2016-H2' });
    const out = tempDir();
    const profile = mkdtempSync(join(tmpdir(), 'lo-docx-'));
    try {
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', out, file], {
        timeout: 100_000,
        stdio: 'ignore',
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = join(out, '报告.pdf');
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/u);
    const pages = execFileSync('pdftotext', [pdf, '-'])
      .toString()
      .split('\f')
      .filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    const text = squeeze(pages.join(''));
    expect(text).toContain(squeeze(`${unitName}关于${planTitle}贯彻落实情况的报告`));
    for (const measure of data.measures) expect(text).toContain(squeeze(measure.title));
    // Below the text block (the bottom 35 mm of the A4 page, in points), each page has its number
    // between rules: in the right half on odd pages, in the left half on even ones.
    const corner = (page: number, side: 'left' | 'right') =>
      squeeze(
        execFileSync('pdftotext', [
          '-f',
          `${page}`,
          '-l',
          `${page}`,
          '-r',
          '72',
          '-x',
          side === 'left' ? '0' : '298',
          '-y',
          '745',
          '-W',
          '297',
          '-H',
          '97',
          pdf,
          '-',
        ]).toString(),
      );
    for (let page = 1; page <= pages.length; page++) {
      const [outside, inside] = page % 2 === 1 ? (['right', 'left'] as const) : (['left', 'right'] as const);
      expect(corner(page, outside), `page ${page}`).toBe(`—${page}—`);
      expect(corner(page, inside), `page ${page}`).toBe('');
    }
  });
});

describe("the unit's full name in the signed package", () => {
  it('signs report.html and report.docx with the full name, keeps the plan name as the manifest key, and the verify screen saves report.docx', async () => {
    const backend = await qualityBureau();
    await backend.call('reports.createKey', { passphrase });
    const file = join(tempDir(), '报告.plreport');
    const { jobId } = await backend.call('reports.export', {
      period: '2016-H2',
      targetId: backend.ctx.files.registerSaveTarget(file).id,
      passphrase,
    });
    expect((await backend.ctx.jobs.settled(jobId)).state).toBe('done');

    const verified = await verifyReportPackage(file, {});
    if (!verified.ok) throw new Error(verified.reason);
    expect(verified.manifest.department).toBe('质监');
    expect(verified.manifest.files.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['report.json', 'report.html', 'report.csv', 'report.docx']),
    );
    const json = ReportData.parse(JSON.parse(zipPart(file, 'report.json')));
    expect(json).toMatchObject({ department: '质监', unitName });
    const html = zipPart(file, 'report.html');
    expect(html).toContain(`<h1>${unitName}关于${planTitle}贯彻落实情况的报告</h1>`);
    expect(html).toContain(`<tr><th scope="row">报送单位</th><td>${unitName}</td></tr>`);
    expect(html).toMatch(new RegExp(`<div class="sign">\\n<p>${unitName}</p>\\n<p>2017年1月20日</p>`, 'u'));
    expect(html).toContain('report.json、report.csv、report.docx 内容一致');

    // The docx in the package is the one the reports screen saves for the same moment.
    const packed = execFileSync('unzip', ['-p', file, 'report.docx']);
    expect(packed.equals(readFileSync((await savedDocx(backend)).file))).toBe(true);

    // The office saves it out of the verified package byte for byte.
    const office = await openTestBackend();
    const { jobId: verifyJob } = await office.call('reports.verify', { fileId: office.ctx.files.registerExisting(file).id });
    const job = await office.ctx.jobs.settled(verifyJob);
    if (job.result?.kind !== 'report.verify' || !job.result.outcome.ok) throw new Error('not verified');
    const outcome = job.result.outcome;
    expect(outcome.files.map((entry) => entry.path)).toContain('report.docx');
    const saveTo = join(tempDir(), '质监报告.docx');
    await office.call('reports.saveVerifiedFile', {
      verifiedId: outcome.verifiedId,
      path: 'report.docx',
      targetId: office.ctx.files.registerSaveTarget(saveTo).id,
    });
    expect(readFileSync(saveTo).equals(packed)).toBe(true);
  });

  it('uses the plan name in report.html when no full name is set, and again after it is cleared', async () => {
    const backend = await qualityBureau();
    const page = async () => previewText(backend.preview('/preview/report.html', new URLSearchParams({ period: '2016-H2' })));
    expect(await page()).toContain(`<h1>${unitName}关于`);
    await backend.call('settings.update', { unitName: { department: '质监', fullName: '' } });
    const html = await page();
    expect(html).toContain(`<h1>质监关于${planTitle}贯彻落实情况的报告</h1>`);
    expect(html).toContain('<tr><th scope="row">报送单位</th><td>质监</td></tr>');
    expect(html).not.toContain(unitName);
    expect((await backend.call('reports.draft', { period: '2016-H2' })).data).not.toHaveProperty('unitName');
  });
});
