import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkDocxPackage } from '../../../electron/services/plan/readers/docx';
import { MAX_PLAN_SOURCE_BYTES, MAX_PLAN_TEXT_BYTES, readPastedText, readPlanSource } from '../../../electron/services/plan/source';
import { PlanParseError, parsePlanJson, parsePlanText, serializePlan } from '../../../shared/plan';
import { buildDocx, fixtureBytes, fixtureText, seedBytes, seedText, readSourceError } from './helpers';

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** UTF-16 code units of text, little- or big-endian. */
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), !bigEndian);
  return bytes;
}

describe('readPlanSource: text encodings', () => {
  it('decodes UTF-8', async () => {
    expect(await readPlanSource(seedBytes(), 'seed.txt')).toEqual({ reader: 'text', text: seedText(), dropped: [] });
  });

  it('decodes UTF-8 with a byte order mark, dropping the mark', async () => {
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), seedBytes());
    expect(await readPlanSource(bytes, 'seed.txt')).toEqual({ reader: 'text', text: seedText(), dropped: [] });
  });

  it('decodes GB18030 text that is not UTF-8', async () => {
    const bytes = fixtureBytes('shandong-2016-gb18030.txt');
    expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).not.toBe(seedText());
    const decoded = await readPlanSource(bytes, '行动计划.TXT');
    expect(decoded).toEqual({ reader: 'text', text: seedText(), dropped: [] });
    expect(parsePlanText(decoded.text)).toEqual(parsePlanText(seedText()));
  });

  it('decodes a UTF-8 file cut off in the middle of its last character as UTF-8', async () => {
    const bytes = new TextEncoder().encode('一、任务\n1.甲');
    expect(await readPlanSource(bytes.slice(0, -1), 'plan.txt')).toEqual({ reader: 'text', text: '一、任务\n1.', dropped: [] });
  });

  it('decodes UTF-16 LE and BE with a byte order mark', async () => {
    const text = fixtureText('one-paragraph-measures.txt');
    expect(await readPlanSource(utf16(`\uFEFF${text}`, false), 'plan.txt')).toEqual({ reader: 'text', text, dropped: [] });
    expect(await readPlanSource(utf16(`\uFEFF${text}`, true), 'plan.txt')).toEqual({ reader: 'text', text, dropped: [] });
  });

  it('passes .json through as text for parsePlanJson', async () => {
    const plan = parsePlanText(seedText()).plan;
    const decoded = await readPlanSource(new TextEncoder().encode(serializePlan(plan)), 'D:\\导出\\计划.JSON');
    expect(decoded.reader).toBe('json');
    expect(parsePlanJson(decoded.text)).toEqual(plan);
  });
});

describe('readPlanSource: Word documents', () => {
  const paragraphs = fixtureText('standalone-plan.txt').trimEnd().split('\n');

  it('extracts the text of a .docx, which then parses', async () => {
    const decoded = await readPlanSource(await buildDocx(paragraphs), '方案.docx');
    expect(decoded.reader).toBe('docx');
    expect(decoded.text.split('\n').filter((line) => line !== '')).toEqual(paragraphs);
    const { plan, warnings } = parsePlanText(decoded.text);
    expect(warnings).toEqual([]);
    expect(plan).toEqual(parsePlanText(paragraphs.join('\n')).plan);
  });

  it('reads a ZIP package without an extension as .docx', async () => {
    expect((await readPlanSource(await buildDocx(paragraphs), 'download')).reader).toBe('docx');
  });

  it('refuses a damaged .docx', async () => {
    expect((await readSourceError(new TextEncoder().encode('not a zip'), 'plan.docx')).code).toBe('plan.docx_invalid');
    const docx = await buildDocx(paragraphs);
    expect((await readSourceError(docx.slice(0, 60), 'plan.docx')).code).toBe('plan.docx_invalid');
  });

  it('refuses RTF, asking for .docx, and a truncated compound file or text named .doc as not a Word document', async () => {
    // Word 97 and WPS files themselves are read (tests/unit/plan/doc.test.ts).
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await readSourceError(ole, '方案.doc')).code).toBe('plan.doc_invalid');
    expect((await readSourceError(ole, 'renamed.txt')).code).toBe('plan.doc_invalid');
    expect((await readSourceError(ole, 'plan.wps')).code).toBe('plan.doc_invalid');
    expect((await readSourceError(seedBytes(), 'really-text.doc')).code).toBe('plan.doc_invalid');
    expect((await readSourceError(new TextEncoder().encode('{\\rtf1\\ansi 一、任务}'), 'plan.txt')).code).toBe('plan.doc_unsupported');
  });
});

/** `size` zero bytes as a stream, a megabyte at a time, so the test itself stays small. */
function zeros(size: number): () => NodeJS.ReadableStream {
  return () =>
    Readable.from(
      (function* generate() {
        const chunk = Buffer.alloc(1024 * 1024);
        for (let left = size; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      })(),
    );
}

/** Rewrites the uncompressed size a ZIP's central directory records for `name`, as a forged file would. */
function forgeDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const encodedName = Buffer.from(name);
  for (
    let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  ) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.subarray(at + 46, at + 46 + nameLength).equals(encodedName)) {
      bytes.writeUInt32LE(size, at + 24);
      return new Uint8Array(bytes);
    }
  }
  throw new Error(`${name} not in the central directory`);
}

describe('readPlanSource: Word documents that would unpack to too much', () => {
  const paragraphs = ['测试行动方案', '一、主要任务', '1.建立工作台账。(省质监局负责)'];

  // Building the 300 MB bomb is the slow part; on a loaded machine it takes longer than the default 5 s.
  it('refuses a zip bomb (a small .docx that unpacks to hundreds of megabytes) before reading it', { timeout: 30_000 }, async () => {
    const bomb = await buildDocx(paragraphs, [{ name: 'customXml/item1.xml', data: zeros(300 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(MAX_PLAN_SOURCE_BYTES);
    const error = await readSourceError(bomb, '方案.docx');
    expect(error.code).toBe('plan.docx_too_large');
    expect(error.params).toMatchObject({ limitMb: 100 });
  });

  it('refuses an entry packed far tighter than any document (over 200:1)', async () => {
    const packed = await buildDocx(paragraphs, [{ name: 'word/media/image1.png', data: Buffer.alloc(4 * 1024 * 1024) }]);
    expect((await readSourceError(packed, '方案.docx')).code).toBe('plan.docx_too_large');
  });

  it('does not trust the sizes the ZIP declares: a part that unpacks to more is refused too', async () => {
    const honest = await buildDocx(paragraphs, [{ name: 'word/media/image1.png', data: zeros(60 * 1024 * 1024) }]);
    const forged = forgeDeclaredSize(honest, 'word/media/image1.png', 1000);
    expect((await readSourceError(forged, '方案.docx')).code).toBe('plan.docx_too_large');
  });

  it('counts the total unpacked size', async () => {
    // Random bytes do not compress: a ratio of 1:1, but 2 MB in all against a 1 MB limit.
    const large = await buildDocx(paragraphs, [{ name: 'word/media/photo.jpg', data: randomBytes(2 * 1024 * 1024), compress: false }]);
    await expect(checkDocxPackage(large, { maxUnpackedBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'plan.docx_too_large' });
    await expect(checkDocxPackage(large)).resolves.toBeUndefined();
    expect((await readPlanSource(large, '方案.docx')).text).toContain('建立工作台账');
  });
});

describe('readPlanSource: refusals', () => {
  it('refuses an empty file', async () => {
    expect((await readSourceError(new Uint8Array(0), 'plan.txt')).code).toBe('plan.empty');
  });

  it('refuses a text file over 20 MB, and any file over 64 MB', async () => {
    const text = await readSourceError(new Uint8Array(MAX_PLAN_TEXT_BYTES + 1).fill(0x41), 'plan.txt');
    expect([text.code, text.params]).toEqual(['plan.too_large', { sizeMb: 20, limitMb: 20 }]);
    const any = await readSourceError(new Uint8Array(MAX_PLAN_SOURCE_BYTES + 1).fill(0x41), 'plan.pdf');
    expect([any.code, any.params]).toEqual(['plan.too_large', { sizeMb: 64, limitMb: 64 }]);
  });

  it('accepts a text file of exactly 20 MB', async () => {
    const bytes = new Uint8Array(MAX_PLAN_TEXT_BYTES).fill(0x41);
    expect((await readPlanSource(bytes, 'plan.txt')).text.length).toBe(MAX_PLAN_TEXT_BYTES);
  });

  it('reads pasted text as it is, and refuses blank or oversized pastes', () => {
    expect(readPastedText(seedText())).toEqual({ reader: 'paste', text: seedText(), dropped: [] });
    expect(() => readPastedText(' \n\t ')).toThrow(new PlanParseError('plan.empty'));
    expect(() => readPastedText('一'.repeat(MAX_PLAN_TEXT_BYTES / 3 + 1))).toThrow(PlanParseError);
  });

  it('refuses binary junk: NUL bytes, control characters, undecodable bytes, other ZIP files', async () => {
    let seed = 12345;
    const random = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    expect((await readSourceError(random, 'plan.txt')).code).toBe('plan.binary');
    expect((await readSourceError(new Uint8Array([0x31, 0x2e, 0x00, 0x41]), 'plan.txt')).code).toBe('plan.binary');
    expect(
      (
        await readSourceError(
          new Uint8Array(1000).map((_, i) => 1 + (i % 8)),
          'plan.txt',
        )
      ).code,
    ).toBe('plan.binary');
    expect((await readSourceError(new Uint8Array(100).fill(0xff), 'plan.txt')).code).toBe('plan.binary');
    expect((await readSourceError(await buildDocx(['一、任务']), 'data.zip')).code).toBe('plan.binary');
  });

  it('tolerates a stray control character in real text', async () => {
    const bytes = concat(seedBytes(), new Uint8Array([0x1a]));
    expect((await readPlanSource(bytes, 'plan.txt')).text).toBe(`${seedText()}\u001a`);
  });

  it('hands 5 MB of structureless text to the parser, which refuses it', async () => {
    const text = '这是一段没有任何编号结构的文字,'.repeat(110_000);
    const decoded = await readPlanSource(new TextEncoder().encode(text), 'big.txt');
    expect(decoded.text.length).toBe(text.length);
    expect(() => parsePlanText(decoded.text)).toThrow(new PlanParseError('plan.no_structure'));
  });
});
