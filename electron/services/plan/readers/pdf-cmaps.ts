/**
 * Adobe's predefined CMaps for pdf.js, packed (.bcmap, pdfjs-dist/cmaps, 1.7 MB). A Chinese PDF
 * whose font is not embedded (older producers and many government offices set STSong-Light or
 * STFangsong-Light with /UniGB-UCS2-H, /GBK-EUC-H or /GB-EUC-H over Adobe-GB1) can only be
 * turned into characters through them: without them its text layer reads as empty, a "scan".
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder build/scripts/build.mjs copies the CMaps to, beside the bundles in out/ (and so inside the packaged app). */
export const BUILT_CMAP_FOLDER = 'pdfjs-cmaps';
const SOURCE_CMAP_FOLDER = join('node_modules', 'pdfjs-dist', 'cmaps');
/** A CMap's file as pdf.js asks for it: Adobe's names are letters, digits and hyphens (UniGB-UCS2-H, 78ms-RKSJ-V). */
const CMAP_FILE_RE = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}\.bcmap$/u;

let folderFound: string | null | undefined;

/**
 * The CMap folder, with the trailing slash pdf.js insists on: out/pdfjs-cmaps/ found upwards
 * from the running bundle (out/cli/index.cjs, app.asar/out/main/index.cjs: fs reads inside
 * asar in Electron), else pdfjs-dist's own when running from the sources (tests, tsx).
 * Undefined when neither is there: pdf.js then reads non-embedded CJK fonts as no text.
 */
export function pdfCMapFolder(): string | undefined {
  if (folderFound === undefined) {
    folderFound = null;
    // import.meta.url is this file under Vitest and the bundle's own file in the CJS bundles (Vite rewrites it from __filename).
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let level = 0; level < 8 && folderFound === null; level++) {
      for (const candidate of [join(dir, BUILT_CMAP_FOLDER), join(dir, SOURCE_CMAP_FOLDER)]) {
        if (existsSync(join(candidate, 'UniGB-UCS2-H.bcmap'))) {
          folderFound = candidate;
          break;
        }
      }
      if (dirname(dir) === dir) break;
      dir = dirname(dir);
    }
  }
  return folderFound === null ? undefined : `${folderFound}/`;
}

/**
 * pdf.js's BinaryDataFactory for Node, narrowed: it reads CMaps only (no standard font data,
 * no wasm), and only a plain .bcmap file name inside the CMap folder. pdf.js already checks
 * the name a PDF gives against Adobe's list; this keeps a hostile name from ever reaching fs.
 */
export class PdfCMapFiles {
  private readonly folder: string | null;

  constructor({ cMapUrl }: { cMapUrl?: string | null }) {
    this.folder = cMapUrl ?? null;
  }

  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    if (kind !== 'cMapUrl') throw new Error(`PDF reader loads no ${kind} data`);
    if (!this.folder) throw new Error('the CMap folder (pdfjs-cmaps) is missing');
    if (!CMAP_FILE_RE.test(filename)) throw new Error(`not a CMap file name: ${JSON.stringify(filename.slice(0, 80))}`);
    return new Uint8Array(await readFile(join(this.folder, filename)));
  }
}
