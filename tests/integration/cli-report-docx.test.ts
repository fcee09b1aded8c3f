import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { updateSettings } from '../../electron/services/settings/settings';
import { quietLog } from '../support/call';
import { runCliCaptured as cli } from '../support/cli';
import { all, paragraphStyle, parseXml, wordText, zipPart } from '../support/docx-xml';
import { useTempDirs } from '../support/temp';

const tempDir = useTempDirs();

function docxParagraphs(file: string) {
  return all(parseXml(zipPart(file, 'word/document.xml')), 'w:p');
}

describe('planledger report-docx', () => {
  it('sets up an empty data folder like the first run and writes the report as a Word document', async () => {
    const dataDir = tempDir();
    const out = join(tempDir(), '质监报告.docx');
    const result = await cli(['report-docx', '--data-dir', dataDir, '--department', '质监', '--period', '2016-H2', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const size = readFileSync(out).length;
    expect(result.stdout).toBe(`已写出：${out}（${size} 字节）\n`);
    const paragraphs = docxParagraphs(out);
    const title = paragraphs.find((p) => paragraphStyle(p) === 'ReportTitle');
    expect(wordText(title!)).toBe('质监关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告');
    expect(paragraphs.filter((p) => paragraphStyle(p) === 'ReportHeading2').length).toBeGreaterThan(10);
    expect(readdirSync(join(out, '..'))).toEqual(['质监报告.docx']);
  });

  it("signs with the unit's full name set in the app", async () => {
    const dataDir = tempDir();
    const backend = await openBackend({ dataDir, runtime: 'cli', logger: quietLog });
    try {
      // The same service the settings screen calls.
      updateSettings(backend.ctx, { unitName: { department: '质监', fullName: '山东省质量技术监督局' } });
    } finally {
      await backend.close();
    }
    const out = join(tempDir(), 'r.docx');
    const result = await cli([
      'report-docx',
      '--data-dir',
      dataDir,
      '--department',
      '质监',
      '--period',
      '2016',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Written: .*r\.docx \(\d+ bytes\)\n$/u);
    const paragraphs = docxParagraphs(out);
    const texts = paragraphs.map(wordText);
    expect(wordText(paragraphs.find((p) => paragraphStyle(p) === 'ReportTitle')!)).toBe(
      '山东省质量技术监督局关于《山东省贯彻实施质量发展纲要2016年行动计划》贯彻落实情况的报告',
    );
    expect(texts).toContain('山东省质量技术监督局');
  });

  it('explains what is wrong in one line, exits non-zero and writes nothing', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const out = join(folder, 'x.docx');
    const badPeriod = await cli(['report-docx', '--data-dir', dataDir, '--department', '质监', '--period', '2016-H7', '--out', out]);
    expect(badPeriod.code).toBe(1);
    expect(badPeriod.stderr).toBe('错误：报告期间“2016-H7”无法识别。可写作 2016、2016-H2、2016-Q3、2016-07 或 2016-07-01..2017-01-31。\n');
    const unknown = await cli(['report-docx', '--data-dir', dataDir, '--department', '不存在', '--period', '2016', '--out', out]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('不存在');
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const unwritable = await cli([
      'report-docx',
      '--data-dir',
      dataDir,
      '--department',
      '质监',
      '--period',
      '2016',
      '--out',
      join(folder, '没有这个文件夹', 'x.docx'),
    ]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(folder)).toEqual([]);
    const missing = await cli(['report-docx', '--data-dir', dataDir, '--department', '质监']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('planledger report-docx --department NAME --period P --out FILE.docx');
    expect(existsSync(out)).toBe(false);
  });

  it('is listed in the help with its options', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('report-docx');
    const own = await cli(['report-docx', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('--department NAME');
    expect(own.stdout).toContain('--out FILE');
  });
});
