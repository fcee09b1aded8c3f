/** Items in document order under one chapter and group heading. */
export interface HeadingRun<T> {
  chapter: string | null;
  group: string | null;
  items: T[];
}

/** Items (measures) in document order, bunched under their chapter and group headings. */
export function groupByHeading<T extends { chapter: string | null; group: string | null }>(items: readonly T[]): HeadingRun<T>[] {
  const runs: HeadingRun<T>[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && last.chapter === item.chapter && last.group === item.group) last.items.push(item);
    else runs.push({ chapter: item.chapter, group: item.group, items: [item] });
  }
  return runs;
}
