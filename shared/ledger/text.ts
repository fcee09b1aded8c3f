/**
 * Text normalisation for matching what people type in spreadsheets against what the app
 * holds: full-width forms folded (NFKC: （一）→(一), ４０％→40%), whitespace of every kind
 * (line breaks from Alt+Enter, ideographic spaces, NBSP) collapsed.
 */

/** Folds full-width/half-width forms and collapses whitespace runs to one space, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Folds full-width/half-width forms and drops all whitespace: for short keys (headings, labels, status words). */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * A task's identity within its measure: its text with whitespace runs collapsed, and gone
 * beside Chinese characters (where Chinese puts none), so a line break Excel put in a cell
 * or a doubled space does not make it another task.
 */
export function taskIdentity(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(?<=\P{ASCII}) | (?=\P{ASCII})/gu, '');
}

/** The task text to store from a cell: trimmed, Windows line breaks made plain. */
export function taskTextFromCell(text: string): string {
  return text.replace(/\r\n?/gu, '\n').trim();
}
