/** Shared by the plan parser tests: fixtures, the seed, and a tiny .docx writer. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ZipFile } from 'yazl';
import { parsePlanText, type ParsePlanResult } from '../../../shared/plan';

const root = new URL('../../../', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`tests/fixtures/plans/${name}`, root))));
}

export function fixtureText(name: string): string {
  return new TextDecoder('utf-8').decode(fixtureBytes(name));
}

export function seedBytes(): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL('seeds/shandong-2016-quality-action-plan.txt', root))));
}

export function seedText(): string {
  return new TextDecoder('utf-8').decode(seedBytes());
}

/** Lines joined into one document. */
export function doc(...lines: string[]): string {
  return lines.join('\n');
}

/** Parses and expects no warnings; returns the plan. */
export function parseClean(text: string): ParsePlanResult['plan'] {
  const result = parsePlanText(text);
  if (result.warnings.length > 0) throw new Error(`unexpected warnings: ${JSON.stringify(result.warnings)}`);
  return result.plan;
}

/** Department names of a measure with their roles, 'name' or 'name:role' for lead/support. */
export function roles(measure: { departments: { name: string; role: string }[] }): string[] {
  return measure.departments.map((d) => (d.role === 'responsible' ? d.name : `${d.name}:${d.role}`));
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** An extra part of a .docx: bytes, or a stream when the part is too big to hold in memory. */
export interface DocxPart {
  name: string;
  data: Buffer | (() => NodeJS.ReadableStream);
  compress?: boolean;
}

/** A minimal .docx (one <w:p> per paragraph), the way Word stores one; `extra` adds more parts. */
export async function buildDocx(paragraphs: readonly string[], extra: readonly DocxPart[] = []): Promise<Uint8Array> {
  const zip = new ZipFile();
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  zip.addBuffer(
    Buffer.from(
      `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '[Content_Types].xml',
  );
  zip.addBuffer(
    Buffer.from(
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    '_rels/.rels',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('');
  zip.addBuffer(
    Buffer.from(
      `${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
    'word/document.xml',
  );
  for (const part of extra) {
    if (Buffer.isBuffer(part.data)) zip.addBuffer(part.data, part.name, { compress: part.compress ?? true });
    else zip.addReadStream(part.data() as never, part.name, { compress: part.compress ?? true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
