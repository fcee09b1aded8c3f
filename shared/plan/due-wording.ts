/**
 * The words a measure's deadline is written in, so the import preview can show them beside
 * how they were read (2017年6月底前 → 30 June 2017, 每季度末 → every quarter). The parser
 * keeps only the reading; this finds the wording again in the measure's text.
 */
import { findDatePhrases } from './deadlines';
import type { PlanMeasure } from './schema';

/** A 完成时限 field, inline or on its own line, up to the end of its clause. */
const DUE_FIELD_RE = /(?:完成时限|完成时间|时间要求|时限要求|时间节点)\s{0,2}[:：]\s{0,2}([^\n。;；)）]{1,60})/u;
const TRAILING_PUNCTUATION_RE = /[\s,，、.]+$/u;
const BEFORE_RE = /^(?:之前|以前|前)/u;

/** The 完成时限 value, else the "…前" phrase the due date was read from; null when the text has neither. */
export function dueWording(measure: Pick<PlanMeasure, 'text' | 'due'>): string | null {
  const field = DUE_FIELD_RE.exec(measure.text);
  if (field?.[1]) return field[1].replace(TRAILING_PUNCTUATION_RE, '') || null;
  if (measure.due === null) return null;
  // Phrases without a year take the due date's: the one that reads as the due date is the one.
  const year = Number(measure.due.slice(0, 4));
  const phrase = findDatePhrases(measure.text, year).find((found) => found.before && found.date === measure.due);
  if (!phrase) return null;
  const before = BEFORE_RE.exec(measure.text.slice(phrase.end))?.[0] ?? '';
  return measure.text.slice(phrase.start, phrase.end) + before;
}
