import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOleFile } from '../../../electron/services/plan/readers/ole';
import { readPlanSource } from '../../../electron/services/plan/source';
import { parsePlanText } from '../../../shared/plan';
import { SOFFICE_TIMEOUT_MS, writeDoc } from '../../support/plan-fixtures/doc';
import { directoryEntryOffset, fatEntryOffset, HEADER_FAT_SECTORS, oleFile, patchInt32 } from '../../support/plan-fixtures/ole';
import { buildDocx, seedText, readSourceError } from './helpers';

const seedPlan = parsePlanText(seedText()).plan;
const seedLines = seedText()
  .split('\n')
  .filter((line) => line !== '');
const HEADER = '山东省人民政府办公厅文件';

let dir = '';
let seedDoc = new Uint8Array(0);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planledger-doc-test-'));
  seedDoc = new Uint8Array(readFileSync(await writeDoc(dir, 'seed.doc', seedText(), { header: HEADER, pageNumbers: true })));
}, SOFFICE_TIMEOUT_MS);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The seed .doc with bytes of its WordDocument stream's start (the FIB) replaced. */
function patchFib(patch: (fib: DataView) => void): Uint8Array {
  const copy = new Uint8Array(seedDoc);
  const stream = checkOleFile(copy).root.get('WordDocument');
  if (!stream || stream.size < 4096) throw new Error('expected a WordDocument stream in regular sectors');
  const sectorSize = 1 << new DataView(copy.buffer).getUint16(30, true);
  patch(new DataView(copy.buffer, (stream.start + 1) * sectorSize, 0x200));
  return copy;
}

describe('Word 97 documents (.doc) and WPS files in the same format', () => {
  it('reads the seed saved as .doc by LibreOffice to exactly the seed’s text and plan', async () => {
    const read = await readPlanSource(seedDoc, '山东省贯彻实施质量发展纲要2016年行动计划.doc');
    expect(read.reader).toBe('doc');
    expect(read.text.split('\n')).toEqual(seedLines);
    const { plan, warnings } = parsePlanText(read.text);
    expect(warnings).toEqual([]);
    expect(plan).toEqual(seedPlan);
  });

  it('reports the running head and the page numbers as dropped, not as text', async () => {
    const read = await readPlanSource(seedDoc, 'seed.doc');
    expect(read.dropped[0]).toEqual({ kind: 'running_head', text: HEADER, page: null, line: null });
    expect(read.dropped.slice(1).map((d) => d.kind)).toEqual(['page_number']);
    expect(read.text).not.toContain(HEADER);
  });

  it('reads the same bytes named .wps, .dot, with no extension or a wrong one', async () => {
    for (const name of ['方案.wps', '方案.WPT', '方案.dot', 'download', '方案.txt']) {
      const read = await readPlanSource(seedDoc, name);
      expect(read.reader, name).toBe('doc');
      expect(parsePlanText(read.text).plan, name).toEqual(seedPlan);
    }
  });

  it('reads a .docx renamed .doc or .wps as the .docx it is', async () => {
    const docx = await buildDocx(seedLines);
    for (const name of ['方案.doc', '方案.wps']) expect((await readPlanSource(docx, name)).reader).toBe('docx');
  });
});

describe('files that are not Word 97 documents', () => {
  it('asks for .docx or PDF for a compound file that is not Word (an Excel workbook renamed, a Works file)', async () => {
    const workbook = oleFile([{ name: 'Workbook', data: new Uint8Array(5000).fill(9) }]);
    expect((await readSourceError(workbook, '方案.doc')).code).toBe('plan.doc_unsupported');
    expect((await readSourceError(oleFile([{ name: 'CONTENTS', data: new Uint8Array(4096) }]), '方案.wps')).code).toBe(
      'plan.doc_unsupported',
    );
  });

  it('asks for .docx or PDF for Word 6/95 and password-protected documents', async () => {
    const word95 = patchFib((fib) => fib.setUint16(0, 0xa5dc, true));
    expect((await readSourceError(word95, '方案.doc')).code).toBe('plan.doc_unsupported');
    const encrypted = patchFib((fib) => fib.setUint16(10, fib.getUint16(10, true) | 0x0100, true));
    expect((await readSourceError(encrypted, '方案.doc')).code).toBe('plan.doc_unsupported');
  });

  it('asks for .docx or PDF for RTF, whatever its name', async () => {
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi\\ansicpg936 一、任务}');
    for (const name of ['方案.doc', '方案.rtf', '方案.txt']) expect((await readSourceError(rtf, name)).code).toBe('plan.doc_unsupported');
  });

  it('refuses as not a Word document: an executable, random bytes or text named .doc/.wps', async () => {
    const executable = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...randomBytes(64 * 1024)]);
    for (const [bytes, name] of [
      [executable, '方案.doc'],
      [executable, '方案.wps'],
      [new Uint8Array(randomBytes(4096)), '方案.doc'],
      [new TextEncoder().encode(seedText()), '方案.doc'],
    ] as const) {
      expect((await readSourceError(bytes, name)).code, name).toBe('plan.doc_invalid');
    }
  });

  it('refuses a truncated or damaged .doc as not readable', async () => {
    expect((await readSourceError(seedDoc.slice(0, 12), '方案.doc')).code).toBe('plan.doc_invalid');
    expect((await readSourceError(seedDoc.slice(0, Math.floor(seedDoc.length / 3)), '方案.doc')).code).toBe('plan.doc_invalid');
    // A WordDocument stream that is not Word's: its tables point nowhere.
    const junk = oleFile([
      // Word 97's magic and flags (not encrypted, tables in 1Table), then noise.
      { name: 'WordDocument', data: new Uint8Array([0xec, 0xa5, 0xc1, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, ...randomBytes(6000)]) },
      { name: '1Table', data: new Uint8Array(randomBytes(5000)) },
    ]);
    expect((await readSourceError(junk, '方案.doc')).code).toBe('plan.doc_invalid');
  });
});

describe('hostile compound files are refused at once', () => {
  const workbook = () => oleFile([{ name: 'WordDocument', data: new Uint8Array(5000).fill(1) }]);

  it('refuses a FAT chain that loops (which would make word-extractor collect sectors until memory runs out)', async () => {
    // The stream's chain 2 → 3 → … made to run back from sector 3 to 2.
    const looped = patchInt32(workbook(), { [fatEntryOffset(3)]: 2 });
    expect(() => checkOleFile(looped)).toThrow(/loops/u);
    const started = performance.now();
    expect((await readSourceError(looped, '方案.doc')).code).toBe('plan.doc_invalid');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses the real seed .doc with its directory chain looped through another sector', async () => {
    const view = new DataView(seedDoc.buffer, seedDoc.byteOffset, seedDoc.byteLength);
    const sectorSize = 1 << view.getUint16(30, true);
    const fatSector = view.getInt32(76, true);
    const directory = view.getInt32(48, true);
    const other = directory === 0 ? 1 : 0;
    const entry = (sector: number) => (fatSector + 1) * sectorSize + sector * 4;
    const looped = patchInt32(seedDoc, { [entry(directory)]: other, [entry(other)]: directory });
    const started = performance.now();
    expect((await readSourceError(looped, 'seed.doc')).code).toBe('plan.doc_invalid');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a header declaring millions of FAT sectors, a FAT pointing past the end, a directory tree that loops', async () => {
    const huge = patchInt32(workbook(), { [HEADER_FAT_SECTORS]: 0x7fffffff });
    const pastEnd = patchInt32(workbook(), { [fatEntryOffset(2)]: 1_000_000 });
    // The stream entry's right sibling made the stream itself.
    const treeLoop = patchInt32(workbook(), { [directoryEntryOffset(1) + 72]: 1 });
    const started = performance.now();
    for (const bytes of [huge, pastEnd, treeLoop]) expect((await readSourceError(bytes, '方案.doc')).code).toBe('plan.doc_invalid');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses Word tables that would keep word-extractor scanning for minutes: too many formatting pages, fields nested too deep', async () => {
    // PlcfBteChpx claiming a million formatting pages in a document of a few.
    const pages = patchFib((fib) => fib.setUint32(0xfe, 8 * 1_000_000, true));
    expect((await readSourceError(pages, 'seed.doc')).code).toBe('plan.doc_invalid');
    // The title's 30 characters made field starts (\x13), each a level word-extractor unwraps in a pass of its own.
    const nested = new Uint8Array(seedDoc);
    const at = Buffer.from(nested).indexOf(Buffer.from(seedLines[0] ?? '', 'utf16le'));
    expect(at).toBeGreaterThan(0);
    for (let i = 0; i < 30; i++) nested.set([0x13, 0], at + i * 2);
    expect((await readPlanSource(nested, 'seed.doc')).reader).toBe('doc');
    for (let i = 30; i < 70; i++) nested.set([0x13, 0], at + i * 2);
    expect((await readSourceError(nested, 'seed.doc')).code).toBe('plan.doc_invalid');
  });

  it('reads a well-formed compound file through the checks (the writer itself is sound)', () => {
    const file = checkOleFile(workbook());
    expect([...file.root.keys()]).toEqual(['WordDocument']);
    expect(file.readStart(file.root.get('WordDocument') as never, 4)).toEqual(new Uint8Array([1, 1, 1, 1]));
  });
});
