import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { cleanText } from '../../../shared/report/text';
import { wallClockDate } from './package/write';
import { entryMode } from './package/zip-layout';

/**
 * The parts of report.docx the `docx` package writes in a way an official document cannot
 * keep: its font table lists only embedded fonts (so Word and WPS would not know what to put
 * in place of 仿宋_GB2312 where it is missing), its document dates and zip entry times are
 * the clock's (so the same report would not give the same bytes twice).
 */

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface FontTableEntry {
  name: string;
  /** The font to use where `name` is not installed. */
  altName: string;
  panose: string;
  family: string;
  pitch: string;
}

/** word/fontTable.xml naming each font with its fallback, as GB2312 (charset 86) fonts. */
export function fontTableXml(fonts: readonly FontTableEntry[]): string {
  const entries = fonts.map(
    (font) =>
      `<w:font w:name="${xmlEscape(font.name)}"><w:altName w:val="${xmlEscape(font.altName)}"/><w:panose1 w:val="${font.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${wordNamespace}">${entries.join('')}</w:fonts>`;
}

/**
 * docProps/core.xml: the title and author Word shows in the file's properties, and the
 * report's generation time as the document's created and modified dates.
 */
export function coreXml({ title, creator, at }: { title: string; creator: string; at: string }): string {
  const when = new Date(at).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the program that wrote the document (Word shows it under the file's properties). */
export function appXml(application: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${xmlEscape(application)}</Application></Properties>`
  );
}

function xmlEscape(text: string): string {
  return cleanText(text).replace(/[&<>"]/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] as string);
}

/**
 * The same entries, in the same order, zipped again with every entry time set to the
 * report's generation time (its wall clock, as the report package does), so the bytes depend
 * on the report alone.
 */
export async function repackDeterministic(docx: Buffer, generatedAt: string): Promise<Buffer> {
  const entries = await readEntries(docx);
  const zip = new ZipFile();
  const mtime = wallClockDate(generatedAt);
  for (const { name, data } of entries) zip.addBuffer(data, name, { mtime, mode: entryMode, forceDosTimestamp: true, compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function readEntries(zipBytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true }, (openError, zip) => {
      if (openError) return reject(openError);
      const entries: { name: string; data: Buffer }[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
