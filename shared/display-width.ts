/** Wide (CJK, full-width) characters: two columns in a terminal and about two in a spreadsheet. */
const wideCharacter = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** How many columns a text takes, wide characters counting two: for lining up tables and fitting column widths. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += wideCharacter.test(char) ? 2 : 1;
  return width;
}
