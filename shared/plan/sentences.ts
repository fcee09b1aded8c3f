/**
 * Bracket-aware sentence splitting. Quotes and brackets (《…》 “…” (…) 〔…〕) protect their
 * content; an unbalanced bracket (a typo) is ignored rather than swallowing the paragraph.
 */

/** Opening and closing characters by family; half- and full-width round brackets are one family. */
const FAMILIES: ReadonlyArray<readonly [string, string]> = [
  ['(（', ')）'],
  ['[［〔【', ']］〕】'],
  ['《〈', '》〉'],
  ['“', '”'],
  ['‘', '’'],
  ['「『', '」』'],
];

/**
 * BRACKETS[charCode] is family + 1 for an opening bracket, -(family + 1) for a closing one,
 * 0 otherwise: one array read per character.
 */
const BRACKETS = new Int8Array(0x10000);
FAMILIES.forEach(([open, close], family) => {
  for (const ch of open) BRACKETS[ch.charCodeAt(0)] = family + 1;
  for (const ch of close) BRACKETS[ch.charCodeAt(0)] = -(family + 1);
});

/**
 * partner[i] is the index of the bracket matching the one at i, or -1. Each family has its own
 * stack, so a stray bracket of one kind cannot unbalance another. Linear time.
 */
export function bracketPartners(text: string): Int32Array {
  const partner = new Int32Array(text.length).fill(-1);
  const stacks: number[][] = FAMILIES.map(() => []);
  for (let i = 0; i < text.length; i++) {
    const kind = BRACKETS[text.charCodeAt(i)] ?? 0;
    if (kind > 0) {
      stacks[kind - 1]?.push(i);
    } else if (kind < 0) {
      const opener = stacks[-kind - 1]?.pop();
      if (opener !== undefined) {
        partner[opener] = i;
        partner[i] = opener;
      }
    }
  }
  return partner;
}

export interface Sentence {
  /** The sentence without its terminator, trimmed. */
  text: string;
  /** Index just after the terminator (or the end of the input). */
  end: number;
}

export const SENTENCE_TERMINATORS = '。；;';

/** Splits at terminators outside quotes and brackets; empty pieces are dropped. */
export function splitSentences(text: string, terminators: string = SENTENCE_TERMINATORS): Sentence[] {
  const partner = bracketPartners(text);
  const ends = [...terminators].map((t) => t.charCodeAt(0));
  const out: Sentence[] = [];
  let depth = 0;
  let start = 0;
  const push = (stop: number, end: number) => {
    const piece = text.slice(start, stop).trim();
    if (piece !== '') out.push({ text: piece, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const other = partner[i] ?? -1;
    if (other > i) depth++;
    else if (other !== -1) depth--;
    else if (depth === 0 && ends.includes(text.charCodeAt(i))) push(i, i + 1);
  }
  push(text.length, text.length);
  return out;
}

/** If text ends with a matched ) or ）, the index of its opening bracket; else -1. */
export function trailingParenStart(text: string): number {
  const last = text[text.length - 1];
  if (last !== ')' && last !== '）') return -1;
  return bracketPartners(text)[text.length - 1] ?? -1;
}

const END_PUNCTUATION = new Set('。；;，,、：:！!？?');

/**
 * Without trailing punctuation that ends a sentence or list item, and trimmed. A loop, not
 * /[…]+$/, which is quadratic on long runs of punctuation.
 */
export function stripEndPunctuation(text: string): string {
  const trimmed = text.trim();
  let end = trimmed.length;
  while (end > 0) {
    const ch = trimmed[end - 1] ?? '';
    if (!END_PUNCTUATION.has(ch) && ch.trim() !== '') break;
    end--;
  }
  return trimmed.slice(0, end).trim();
}
