import { execFileSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';

/**
 * Reading a .docx the way a test should: with tools that are not the writer (unzip and
 * fast-xml-parser), as the element tree in document order.
 */

/** An element: its name, attributes (without prefix) and children in order; text nodes are `#text`. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: false,
});

/** The part `name` of the zip `file` (`unzip -p`). */
export function zipPart(file: string, name: string): string {
  return execFileSync('unzip', ['-p', file, name], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/** The names of the parts in the zip `file`. */
export function zipParts(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file]).toString('utf8').split('\n').filter(Boolean);
}

export function parseXml(xml: string): XmlNode {
  const toNodes = (items: Record<string, unknown>[]): XmlNode[] =>
    items.map((item) => {
      const name = Object.keys(item).find((key) => key !== ':@') as string;
      if (name === '#text') return { name, attributes: {}, children: [], text: String(item[name]) };
      return {
        name,
        attributes: (item[':@'] as Record<string, string> | undefined) ?? {},
        children: toNodes(item[name] as Record<string, unknown>[]),
      };
    });
  return { name: '#document', attributes: {}, children: toNodes(parser.parse(xml) as Record<string, unknown>[]) };
}

/** Every element named `name` under `node`, in document order. */
export function all(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (current: XmlNode) => {
    for (const child of current.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}

/** The first element named `name` under `node`, or undefined. */
export function first(node: XmlNode, name: string): XmlNode | undefined {
  return all(node, name)[0];
}

/** The text of the w:t elements under `node`, joined. */
export function wordText(node: XmlNode): string {
  return all(node, 'w:t')
    .map((t) => t.children.map((child) => child.text ?? '').join(''))
    .join('');
}

/** A paragraph's style id, or null. */
export function paragraphStyle(paragraph: XmlNode): string | null {
  return first(paragraph, 'w:pStyle')?.attributes['w:val'] ?? null;
}

/** The paragraph style `id` of styles.xml. */
export function styleById(styles: XmlNode, id: string): XmlNode {
  const style = all(styles, 'w:style').find((candidate) => candidate.attributes['w:styleId'] === id);
  if (!style) throw new Error(`no style ${id}`);
  return style;
}
