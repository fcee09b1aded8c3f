/**
 * Where a plan's text came from, and what the reader left out of it: the contract between
 * the readers (PDF, OFD, Word, web pages, pasted text…) and the import preview.
 */
import { FURNITURE_KINDS } from './layout';

/** The reader that turned a source into text. `seed` is the embedded plan. */
export const PLAN_READERS = ['text', 'paste', 'docx', 'doc', 'pdf', 'ofd', 'html', 'mhtml', 'json', 'seed'] as const;
export type PlanReader = (typeof PLAN_READERS)[number];

/**
 * What a reader or the text parser left out as not part of the plan: page furniture (page
 * numbers, running heads, the red masthead) and, for web pages, the site's navigation,
 * breadcrumbs, metadata tables, share bars and footers (`web_chrome`).
 */
export const DROPPED_KINDS = [...FURNITURE_KINDS, 'web_chrome'] as const;
export type DroppedKind = (typeof DROPPED_KINDS)[number];

export interface DroppedText {
  kind: DroppedKind;
  /** As printed; long blocks are cut to MAX_DROPPED_TEXT characters with an ellipsis. */
  text: string;
  /** 1-based page of a fixed-layout source (PDF, OFD), else null. */
  page: number | null;
  /** 1-based line of the text the parser read, for text the parser itself dropped, else null. */
  line: number | null;
}

export const MAX_DROPPED_TEXT = 120;

/** `text` cut to MAX_DROPPED_TEXT characters, whitespace runs made single spaces. */
export function droppedText(kind: DroppedKind, text: string, page: number | null = null, line: number | null = null): DroppedText {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const cut = [...flat].length > MAX_DROPPED_TEXT ? `${[...flat].slice(0, MAX_DROPPED_TEXT - 1).join('')}…` : flat;
  return { kind, text: cut, page, line };
}
