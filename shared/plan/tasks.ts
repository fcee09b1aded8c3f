/**
 * The text of one numbered item (measure or requirement): its title sentence, its candidate
 * tasks and its responsibility clauses.
 */
import { extractClause, type ResponsibilityClause } from './departments';
import { splitSentences, stripEndPunctuation } from './sentences';

export interface ItemParagraph {
  /** 1-based source line. */
  line: number;
  text: string;
  /** 'clause': a responsibility / 完成时限 paragraph that followed the item. */
  kind: 'body' | 'clause';
}

export interface ItemAnalysis {
  /** The first sentence (up to the first 。 outside brackets), without clause and final punctuation. */
  title: string;
  /** Everything after the title sentence, paragraphs joined by '\n'. */
  afterTitle: string;
  /** The other sentences (split at 。；;), without responsibility clauses and field lines. */
  tasks: string[];
  clauses: ResponsibilityClause[];
}

/**
 * Analyses an item's paragraphs; the first is the item's own paragraph after its number.
 * Linear in the length of the text.
 */
export function analyseItem(paragraphs: readonly ItemParagraph[]): ItemAnalysis {
  const clauses: ResponsibilityClause[] = [];
  const tasks: string[] = [];
  const afterTitle: string[] = [];
  let title = '';

  const addSentences = (text: string) => {
    for (const sentence of splitSentences(text)) {
      const found = extractClause(sentence.text);
      if (found) clauses.push(found.clause);
      const task = stripEndPunctuation(found ? found.rest : sentence.text);
      if (task !== '') tasks.push(task);
    }
  };

  paragraphs.forEach((paragraph, index) => {
    if (index === 0) {
      const first = splitSentences(paragraph.text, '。')[0];
      const titleEnd = first?.end ?? paragraph.text.length;
      const found = first ? extractClause(first.text) : null;
      if (found) clauses.push(found.clause);
      title = stripEndPunctuation(found ? found.rest : (first?.text ?? ''));
      const rest = paragraph.text.slice(titleEnd).trim();
      if (rest !== '') afterTitle.push(rest);
      addSentences(rest);
      return;
    }
    afterTitle.push(paragraph.text);
    const found = paragraph.kind === 'clause' ? extractClause(paragraph.text) : null;
    if (found) clauses.push(found.clause);
    else addSentences(paragraph.text);
  });

  return { title, afterTitle: afterTitle.join('\n'), tasks, clauses };
}
