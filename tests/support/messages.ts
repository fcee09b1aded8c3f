export type MessageTree = { [key: string]: string | MessageTree };

/** Every message of a nested message module by its dotted key. */
export function messageLeaves(tree: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of messageLeaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The {{placeholders}} a message uses, sorted. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((match) => match[1] as string).sort();
}
