import { safeFileName, safeNamePart } from '../../../shared/file-names';
import { EntryNames, isSafeEntryPath } from '../../../shared/report/manifest';

/** The verifier's limit for a whole entry path (see isSafeEntryPath). */
const maxPathBytes = 255;
/** Folder names are measure codes like 2.1.1; anything longer or stranger gets a plain name. */
const maxFolderBytes = 64;
const maxExtensionChars = 10;
/** Long names are cut to this many characters too: extracted paths stay readable and within Windows' 260. */
const maxNameChars = 80;
/** Copies numbered (2)…(maxCopies) before the content hash takes over as the name. */
const maxCopies = 99;
const hashChars = 12;

/**
 * Package paths for evidence files: attachments/<measure code>/<name>, with the name made
 * safe for every file system (the verifier is strict), short enough for the verifier's
 * 255-byte limit, and unique within the package. Every call ends after a bounded number of
 * candidates, whatever the name: the readable name (shortened to the bytes the folder
 * leaves), numbered copies of it, the first hex digits of the content's SHA-256, and last a
 * plain counter that cannot collide.
 */
export class AttachmentPaths {
  private readonly taken = new EntryNames();
  private fallbacks = 0;

  pathFor(measureCode: string, name: string, sha256: string): string {
    const folder = `attachments/${safeFolderName(measureCode)}/`;
    const budget = maxPathBytes - utf8Bytes(folder);
    // Length is fitted to the byte budget below, so the sanitiser may keep the whole name.
    const { base, extension } = splitExtension(safeFileName(name, { maxLength: 255 }));

    for (let copy = 1; copy <= maxCopies; copy += 1) {
      const suffix = copy === 1 ? '' : `(${copy})`;
      const fitted = fitName(base, `${suffix}${extension}`, budget) ?? fitName(base, suffix, budget);
      if (fitted !== null && this.claim(folder + fitted)) return folder + fitted;
    }
    const hash = /^[0-9a-f]{64}$/u.test(sha256) ? sha256.slice(0, hashChars) : 'file';
    const tail = isSafeEntryPath(`${folder}${hash}${extension}`) ? extension : '';
    if (this.claim(`${folder}${hash}${tail}`)) return `${folder}${hash}${tail}`;
    // Only reached by hundreds of files of one name and one content. Every candidate here is
    // safe and new, and only the names claimed so far are taken: this ends within as many steps.
    for (;;) {
      this.fallbacks += 1;
      const candidate = `${folder}${hash}-${this.fallbacks}${tail}`;
      if (this.claim(candidate)) return candidate;
    }
  }

  /** Takes `path` when it is safe and not taken yet (as a case-insensitive, normalising file system sees it, files and folders alike). */
  private claim(path: string): boolean {
    return isSafeEntryPath(path) && this.taken.add(path);
  }
}

/**
 * The measure code as one folder name when it is safe as one (codes like 2.1.1 are); else the
 * code cleaned up (slashes become _), and when even that is not safe, `measure`.
 */
function safeFolderName(code: string): string {
  if (!code.includes('/') && utf8Bytes(code) <= maxFolderBytes && isSafeEntryPath(`attachments/${code}/x`)) return code;
  const cleaned = truncateBytes(safeNamePart(code, 200, ''), maxFolderBytes).replace(/[. ]+$/u, '');
  return cleaned !== '' && isSafeEntryPath(`attachments/${cleaned}/x`) ? cleaned : 'measure';
}

function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > maxExtensionChars) return { base: name, extension: '' };
  return { base: name.slice(0, dot), extension: name.slice(dot) };
}

/**
 * `base` cut (at a character boundary) so that it and `tail` fit `budget` UTF-8 bytes and
 * maxNameChars characters; null when not even one character of it fits. Without a tail, the
 * dots and spaces a cut leaves at the end go too (Windows would drop them).
 */
function fitName(base: string, tail: string, budget: number): string | null {
  const tailChars = [...tail].length;
  const room = budget - utf8Bytes(tail);
  if (room <= 0 || tailChars >= maxNameChars) return null;
  const cut = truncateBytes(base, room, maxNameChars - tailChars);
  const trimmed = tail === '' ? cut.replace(/[. ]+$/u, '') : cut;
  return trimmed === '' ? null : `${trimmed}${tail}`;
}

/** The longest prefix of `text`, whole code points only, of at most `maxBytes` UTF-8 bytes and `maxChars` code points. */
function truncateBytes(text: string, maxBytes: number, maxChars = Number.POSITIVE_INFINITY): string {
  let bytes = 0;
  let chars = 0;
  let end = 0;
  for (const char of text) {
    bytes += utf8Bytes(char);
    chars += 1;
    if (bytes > maxBytes || chars > maxChars) break;
    end += char.length;
  }
  return text.slice(0, end);
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
