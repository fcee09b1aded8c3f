/**
 * Task breakdowns saved as text the ways Excel and WPS save them on a Chinese Windows: "CSV
 * (逗号分隔)" in the ANSI code page (GBK, no BOM), "CSV UTF-8" (with a BOM), and "Unicode 文本"
 * (UTF-16 LE with a BOM, tab-separated).
 */
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Rows as the tests expect them read back (row 1 the header). */
export const csvTable: readonly (readonly string[])[] = [
  ['措施', '任务', '责任人', '完成时限', '状态', '进度', '备注'],
  ['(一)1', '完成年度标准化工作改革任务', '标准化处', '2016-09-30', '进行中', '40%', '已报送方案'],
  ['(一)2', '引导中小企业建立质量管理体系', '质量处', '2016年9月底前', '未开始', '0.4', ''],
  ['(二)2', '建立标准“领跑者”制度', '标准化处', '2016年底前', '已完成', '100', '含逗号,和"引号"'],
];

const csvField = (value: string) => (/[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value);
const csvText = (separator: string) =>
  csvTable.map((row) => row.map((v) => (separator === ',' ? csvField(v) : v)).join(separator)).join('\r\n') + '\r\n';

/** "CSV (逗号分隔)" on a Chinese Windows: GBK, no BOM. */
export function writeGbkCsv(dir: string, fileName = '任务分解表-gbk.csv'): string {
  const path = join(dir, fileName);
  writeFileSync(path, iconv.encode(csvText(','), 'gbk'));
  return path;
}

/** "CSV UTF-8 (逗号分隔)": UTF-8 with a BOM. */
export function writeUtf8BomCsv(dir: string, fileName = '任务分解表-utf8.csv'): string {
  const path = join(dir, fileName);
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(','), 'utf8')]));
  return path;
}

/** "Unicode 文本": UTF-16 LE with a BOM, tab-separated. */
export function writeUtf16TabCsv(dir: string, fileName = '任务分解表-unicode.txt'): string {
  const path = join(dir, fileName);
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText('\t'), 'utf16le')]));
  return path;
}

/** Any text written as given, for the parser's corner cases and the size limit. */
export function writeCsvText(dir: string, fileName: string, text: string | Buffer): string {
  const path = join(dir, fileName);
  writeFileSync(path, text);
  return path;
}
