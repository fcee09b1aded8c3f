/**
 * A circular as a Word 97 .doc, made by LibreOffice (headless) from a flat OpenDocument file
 * the test writes: one paragraph a line, with a running head and a page-number footer the way
 * an official document has them. LibreOffice starts with a private profile per call, so
 * parallel test runs do not share (and lock) one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The first start of LibreOffice builds its profile: allow a minute. */
export const SOFFICE_TIMEOUT_MS = 120_000;

export interface DocOptions {
  /** Printed at the top of every page (left out of the plan as a running head). */
  header?: string;
  /** A footer with the page number as official documents print it: `— 3 —`. */
  pageNumbers?: boolean;
}

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A flat OpenDocument text (.fodt): paragraphs, and a page style with header and footer. */
export function flatOdt(text: string, options: DocOptions = {}): string {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<text:p text:style-name="Body">${escapeXml(line)}</text:p>`)
    .join('\n');
  const header = options.header ? `<style:header><text:p>${escapeXml(options.header)}</text:p></style:header>` : '';
  const footer = options.pageNumbers
    ? '<style:footer><text:p>— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>'
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
  <style:style style:name="Body" style:family="paragraph">
    <style:paragraph-properties fo:text-indent="0.74cm"/>
    <style:text-properties style:font-name-asian="FangSong" fo:font-size="16pt" style:font-size-asian="16pt"/>
  </style:style>
</office:styles>
<office:automatic-styles>
  <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm" fo:margin-bottom="3.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">${header}${footer}</style:master-page>
</office:master-styles>
<office:body><office:text>
${paragraphs}
</office:text></office:body>
</office:document>
`;
}

/**
 * Converts `source` (any file LibreOffice opens) to Word 97 in `dir` with soffice; returns the
 * new file's path, named after `source` with `.doc`.
 */
export async function convertToDoc(source: string, dir: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'planledger-soffice-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'doc:MS Word 97',
        '--outdir',
        dir,
        source,
      ],
      { timeout: SOFFICE_TIMEOUT_MS },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(dir, basename(source).replace(/\.[^.]+$/u, '.doc'));
}

/** Writes the circular (one paragraph a line) as `name` (.doc, or .wps: the same bytes) into `dir`; returns its path. */
export async function writeDoc(dir: string, name: string, text: string, options: DocOptions = {}): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'planledger-doc-'));
  try {
    const source = join(work, 'circular.fodt');
    writeFileSync(source, flatOdt(text, options));
    const doc = await convertToDoc(source, work);
    const path = join(dir, name);
    writeFileSync(path, readFileSync(doc));
    return path;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
