/**
 * File names that are safe to create on Windows, macOS and Linux, from whatever name a
 * file arrived with (a browser upload, a dropped file, a stored attachment, a report
 * entry). One sanitiser for the whole app: the desktop copies opened for the user, uploads,
 * and report packages all go through it.
 */

/**
 * Windows reserves these as device names, with or without an extension (CON, nul.txt, COM1.log),
 * also with spaces or dots before the extension, which Windows drops (`CON .txt`).
 * The sanitiser and the report verifier (shared/report/manifest.ts) share these rules.
 */
export const windowsDeviceName = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])[ .]*(\.|$)/iu;
/**
 * A name shaped like a Windows 8.3 short name with its `~digit` tail (LONGFI~1.TXT): on a
 * volume with short names it may open another file (longfilename.txt). Package entries may
 * not look like one.
 */
export const windowsShortName = /^(?=[^.]{1,8}(?:\.|$))[^.]*~[0-9][^.]*(?:\.[^.]{1,3})?$/u;
/** Control, format (e.g. right-to-left override) and lone surrogate characters, and what Windows forbids. */
export const unsafeFileNameCharacter = /[\p{Cc}\p{Cf}\p{Cs}<>:"|?*]/u;
const unsafeCharacters = new RegExp(unsafeFileNameCharacter.source, 'gu');
/** Windows silently drops these at the end of a name. */
export const trailingDotsAndSpaces = /[. ]+$/u;
const maxExtensionLength = 10;

export interface SafeFileNameOptions {
  /** Longest name in UTF-16 code units (Windows counts those; 255 at most per name). Default 200. */
  maxLength?: number;
  /** The name used when nothing usable is left. Default "file". */
  fallback?: string;
}

/**
 * The last path segment of `name`, with control and format characters and Windows'
 * reserved `<>:"|?*` replaced by "_" (":" would otherwise name an NTFS alternate data
 * stream), without the trailing dots and spaces Windows silently drops, a device name such
 * as CON or LPT1 prefixed with "_", and shortened to `maxLength` keeping the extension and
 * never splitting a character.
 */
export function safeFileName(name: string, options: SafeFileNameOptions = {}): string {
  const maxLength = options.maxLength ?? 200;
  const fallback = options.fallback ?? 'file';
  const last = name.split(/[\\/]/u).pop() ?? '';
  let cleaned = last.replace(unsafeCharacters, '_').trim().replace(trailingDotsAndSpaces, '');
  if (cleaned === '') return fallback;
  if (windowsDeviceName.test(cleaned)) cleaned = `_${cleaned}`;
  if (cleaned.length > maxLength) cleaned = shorten(cleaned, maxLength).replace(trailingDotsAndSpaces, '');
  return cleaned === '' ? fallback : cleaned;
}

/**
 * A file name made from a piece of text such as a plan title or a department, in which a
 * slash is part of the text rather than a folder: slashes become "_", then as safeFileName.
 */
export function safeNamePart(text: string, maxLength = 200, fallback = 'file'): string {
  return safeFileName(text.replace(/[\\/]/gu, '_'), { maxLength, fallback });
}

function shorten(name: string, maxLength: number): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= maxExtensionLength ? name.slice(dot) : '';
  const base = [...name.slice(0, name.length - extension.length)];
  let length = base.join('').length;
  while (base.length > 0 && length + extension.length > maxLength) length -= (base.pop() as string).length;
  return base.join('') + extension;
}
