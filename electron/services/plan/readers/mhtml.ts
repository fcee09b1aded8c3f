/**
 * Web pages saved as one file (.mht, .mhtml: "Web page, single file" in Chrome, Edge, IE and
 * WPS): a MIME multipart/related message whose first text/html part is the page. The part's
 * transfer encoding (quoted-printable or base64) is undone and its charset passed on to the
 * HTML reader. Only the headers are parsed here; the parts are found by their boundary.
 */
import { PlanParseError } from '../../../../shared/plan/errors';
import { readHtml } from './html';
import type { ReadSource } from './read-source';

export const MHTML_EXTENSIONS = new Set(['mht', 'mhtml']);

/** MIME headers first: `MIME-Version` and a multipart/related Content-Type within the first few KB. */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 4096));
  return /^[\w-]+:/u.test(head) && /^MIME-Version\s*:/imu.test(head) && /^Content-Type\s*:\s*multipart\/related/imu.test(head);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Headers (folded lines unfolded, names lower-cased) and the body after the first blank line. */
function splitHeaders(text: string): Part {
  const blank = /\r?\n\r?\n/u.exec(text);
  const headerText = blank ? text.slice(0, blank.index) : text;
  const body = blank ? text.slice(blank.index + blank[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of headerText.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

/** A parameter of a header value: `boundary` of 'multipart/related; boundary="--x"'. */
function headerParameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Quoted-printable (RFC 2045) back to bytes: `=XX` escapes and `=` soft line breaks. */
export function decodeQuotedPrintable(text: string): Uint8Array {
  const withoutSoftBreaks = text.replace(/=[ \t]*\r?\n/gu, '');
  const out = Buffer.alloc(withoutSoftBreaks.length);
  let length = 0;
  for (let i = 0; i < withoutSoftBreaks.length; i++) {
    const c = withoutSoftBreaks.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/u.test(withoutSoftBreaks.slice(i + 1, i + 3))) {
      out[length++] = Number.parseInt(withoutSoftBreaks.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      out[length++] = c & 0xff;
    }
  }
  return new Uint8Array(out.buffer, out.byteOffset, length);
}

function invalid(detail: string): PlanParseError {
  return new PlanParseError('plan.mhtml_invalid', { detail });
}

/** The page of an MHTML file, read by the HTML reader. Throws plan.mhtml_invalid when there is none. */
export function readMhtml(bytes: Uint8Array): ReadSource {
  // MIME is 7-bit or 8-bit text: latin1 keeps every byte as one character, so the page's own
  // bytes come back unchanged whatever its charset.
  const message = splitHeaders(latin1(bytes));
  const type = message.headers.get('content-type') ?? '';
  let parts: Part[];
  if (/^multipart\//iu.test(type)) {
    const boundary = headerParameter(type, 'boundary');
    if (!boundary) throw invalid('no boundary');
    const delimiter = `--${boundary}`;
    const sections = message.body.split(delimiter);
    if (sections.length < 3) throw invalid('boundary not found');
    // Before the first delimiter is the preamble; a section starting `--` is the end.
    parts = sections
      .slice(1)
      .filter((section) => !section.startsWith('--'))
      .map((section) => splitHeaders(section.replace(/^[ \t]*\r?\n/u, '')));
  } else {
    parts = [message];
  }
  const page = parts.find((part) => /^text\/html\b/iu.test(part.headers.get('content-type') ?? (parts.length === 1 ? 'text/html' : '')));
  if (!page) throw invalid('no text/html part');
  const encoding = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const body = page.body.replace(/\r?\n$/u, '');
  let html: Uint8Array;
  if (encoding === 'quoted-printable') html = decodeQuotedPrintable(body);
  else if (encoding === 'base64') html = new Uint8Array(Buffer.from(body.replace(/\s+/gu, ''), 'base64'));
  else html = new Uint8Array(Buffer.from(body, 'latin1'));
  return readHtml(html, headerParameter(page.headers.get('content-type') ?? '', 'charset'), 'mhtml');
}
