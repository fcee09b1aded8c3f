import { describe, expect, it } from 'vitest';
import { sniffSheetFile } from '../../../electron/services/ledger/sheet/read';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('sniffSheetFile', () => {
  it('tells packages and compound files by their signature', () => {
    expect(sniffSheetFile(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBe('zip');
    expect(sniffSheetFile(bytes(0x50, 0x4b, 0x05, 0x06, 0, 0))).toBe('zip');
    expect(sniffSheetFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe('ole');
  });

  it('takes text in any encoding the CSV reader knows as text, UTF-16 by its BOM despite its NUL bytes', () => {
    expect(sniffSheetFile(new Uint8Array(Buffer.from('措施,任务\n', 'utf8')))).toBe('text');
    expect(sniffSheetFile(bytes(0xff, 0xfe, 0x6a, 0x63, 0x09, 0x00))).toBe('text');
    expect(sniffSheetFile(bytes(0xfe, 0xff, 0x63, 0x6a, 0x00, 0x09))).toBe('text');
    expect(sniffSheetFile(bytes(0xb4, 0xeb, 0xca, 0xa9, 0x2c))).toBe('text'); // 措施, in GBK
  });

  it('takes PDF, RTF, web pages and XML spreadsheets, and anything with NUL bytes, for what is not a sheet', () => {
    expect(sniffSheetFile(ascii('%PDF-1.7\n'))).toBe('binary');
    expect(sniffSheetFile(ascii('{\\rtf1\\ansi'))).toBe('binary');
    expect(sniffSheetFile(ascii('\r\n  <html><table>'))).toBe('binary');
    expect(sniffSheetFile(ascii('\u00ef\u00bb\u00bf<?xml version="1.0"?><Workbook>'))).toBe('binary');
    expect(sniffSheetFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('binary');
    expect(sniffSheetFile(bytes())).toBe('empty');
  });
});
