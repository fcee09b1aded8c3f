/**
 * A streaming view of OOXML parts: element names without their namespace prefix (x:row → row,
 * as some writers prefix SpreadsheetML), entities decoded, text handed over in pieces. Built on
 * htmlparser2's parser in XML mode, which never holds more than the current piece.
 */
import { Parser } from 'htmlparser2';

export interface XmlHandler {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

export interface XmlStream {
  write(text: string): void;
  /** Ends the input; returns how many elements are still open (more than 0 when the part was cut short). */
  end(): number;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export function xmlStream(handler: XmlHandler): XmlStream {
  // The parser closes each element once (explicitly or implied), so a depth counts what is open.
  let depth = 0;
  let ending = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth++;
        handler.open?.(localName(name), attributes);
      },
      ontext(text) {
        handler.text?.(text);
      },
      onclosetag(name) {
        // At the end the parser closes whatever is still open; those closings were never written.
        if (ending) return;
        depth--;
        handler.close?.(localName(name));
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  return {
    write: (text) => parser.write(text),
    end: () => {
      const unclosed = depth;
      ending = true;
      parser.end();
      return unclosed;
    },
  };
}

/** Runs `handler` over a whole part. */
export function scanXml(text: string, handler: XmlHandler): number {
  const stream = xmlStream(handler);
  stream.write(text);
  return stream.end();
}

/** The value of an attribute whatever its prefix (r:id, x:id…), or of the unprefixed one. */
export function attribute(attributes: Record<string, string>, name: string, prefixed = false): string | undefined {
  if (!prefixed) return attributes[name];
  for (const [key, value] of Object.entries(attributes)) if (key.includes(':') && localName(key) === name) return value;
  return undefined;
}

/** OOXML's escapes for characters XML cannot hold (_x000D_ for a carriage return); _x005F_ escapes the underscore itself. */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
