/**
 * Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (the usual encoding of
 * Chinese text files that are not UTF-8). Refuses binary files.
 */
import { PlanParseError } from '../../../../shared/plan/errors';
import { startsWith } from './magic';

/** Mostly control characters, private-use or replacement characters: not a text. */
export function looksBinary(text: string): boolean {
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d;
    if (control || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) suspicious++;
  }
  return suspicious > text.length * 0.1;
}

/** Strict decoding, except that a character cut off at the very end (a truncated file) is dropped. */
function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/** Throws plan.binary for bytes that are not text in any of the encodings above. */
export function decodeText(bytes: Uint8Array): string {
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = decode('utf-8', bytes);
  else if (startsWith(bytes, [0xff, 0xfe])) text = decode('utf-16le', bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = decode('utf-16be', bytes);
  else if (bytes.includes(0)) text = null;
  else text = decode('utf-8', bytes) ?? decode('gb18030', bytes);
  if (text === null || looksBinary(text)) throw new PlanParseError('plan.binary');
  return text;
}
