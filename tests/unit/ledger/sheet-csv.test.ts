import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvDelimiter, decodeCsvBytes, parseCsv, type CsvLimits } from '../../../electron/services/ledger/sheet/csv';
import { type AppError } from '../../../shared/api/errors';

const limits: CsvLimits = { maxRows: 1000, maxRowsReported: 1000, maxColumns: 200 };
/** Rows as [row number, ...texts], empties as ''. */
const parse = (text: string, options: CsvLimits = limits) =>
  parseCsv(text, options).map((row) => [row.row, ...row.cells.map((cell) => (cell?.kind === 'text' ? cell.text : ''))]);

describe('parseCsv', () => {
  it('splits on commas and line breaks of every kind (CRLF, LF, CR)', () => {
    expect(parse('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside them', () => {
    expect(parse('"a,1","say ""hi""","two\r\nlines"\nnext')).toEqual([
      [1, 'a,1', 'say "hi"', 'two\r\nlines'],
      [2, 'next'],
    ]);
  });

  it('numbers rows by record, counting skipped empty ones, as Excel does', () => {
    expect(parse('\n\na\n ,  \n"x\ny"\nb\n')).toEqual([
      [3, 'a'],
      [5, 'x\ny'],
      [6, 'b'],
    ]);
  });

  it('trims surrounding whitespace, keeps empty cells in the middle as empty and drops trailing ones', () => {
    const rows = parseCsv('  a  ,,c,,\n', limits);
    expect(rows).toEqual([{ row: 1, cells: [{ kind: 'text', text: 'a' }, null, { kind: 'text', text: 'c' }] }]);
  });

  it('keeps a quote that does not open a field, text after a closing quote, and runs an unclosed quote to the end', () => {
    expect(parse('5" screen,"ab"cd,x\n"open,\nnever closed')).toEqual([
      [1, '5" screen', 'abcd', 'x'],
      [2, 'open,\nnever closed'],
    ]);
  });

  it('splits on tabs when the first line has tabs and no commas', () => {
    expect(csvDelimiter('措施\t任务\n1,2\t3')).toBe('\t');
    expect(csvDelimiter('措施,任务\t备注\n')).toBe(',');
    expect(parse('措施\t任务\n(一)1\t甲,乙')).toEqual([
      [1, '措施', '任务'],
      [2, '(一)1', '甲,乙'],
    ]);
  });

  it('refuses too many rows as soon as the limit is passed, and a value beyond the column limit', () => {
    const small = { maxRows: 2, maxRowsReported: 1, maxColumns: 3 };
    expect(() => parseCsv('a\nb\nc\n', small)).toThrow(
      expect.objectContaining({ code: 'ledger.too_many_rows', params: { max: 1 } }) as AppError,
    );
    expect(parse('a\n\nb\n', small)).toHaveLength(2);
    expect(() => parseCsv('a,b,c,d\n', small)).toThrow(
      expect.objectContaining({ code: 'ledger.too_many_columns', params: { max: 3 } }) as AppError,
    );
    expect(parse('a,b,c,,,\n', small)).toEqual([[1, 'a', 'b', 'c']]);
  });
});

describe('decodeCsvBytes', () => {
  const text = '措施,任务\n(一)1,完成“领跑者”制度\n';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf8' });
    expect(decodeCsvBytes(Buffer.from(text))).toEqual({ text, encoding: 'utf8' });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf16le' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]))).toEqual({
      text,
      encoding: 'utf16be',
    });
  });

  it('reads bytes that are not UTF-8 as GB18030 (GBK and the characters beyond it)', () => {
    expect(decodeCsvBytes(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gb18030' });
    expect(decodeCsvBytes(iconv.encode('䶮,𠀀', 'gb18030'))).toEqual({ text: '䶮,𠀀', encoding: 'gb18030' });
  });
});
