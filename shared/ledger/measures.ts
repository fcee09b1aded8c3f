import { compactText } from './text';

/** A measure of the active plan as the import matches it. */
export interface MeasureRef {
  id: number;
  /** 2.1.1 */
  code: string;
  /** (一)1, as the app prints it */
  label: string;
  title: string;
  /** Whether the importing department carries it. */
  assigned: boolean;
}

/** How long a piece of a title must be to place a row by it (shorter pieces match too many measures). */
export const minTitleMatchLength = 8;

/** A label as typed: widths folded ((一)1), spaces gone, a trailing 、 . , or ． dropped. */
export function normaliseLabel(text: string): string {
  return compactText(text).replace(/[、.,，:：]+$/u, '');
}

function normaliseTitle(text: string): string {
  return compactText(text).replace(/[。.;；,，、:：]+$/u, '');
}

/**
 * Finds the measure a sheet cell names: by its label as the app prints it ((一)1, （一）1、),
 * by its code (2.1.1), by its exact title, by a label followed by the title ((一)1 加强…), or
 * by a piece of its title of at least minTitleMatchLength characters that fits only one
 * measure (a shortened title, or the title with the rest of the measure's sentence).
 */
export class MeasureMatcher {
  private readonly byLabel = new Map<string, MeasureRef>();
  private readonly byCode = new Map<string, MeasureRef>();
  private readonly byTitle = new Map<string, MeasureRef>();
  private readonly titles: { title: string; measure: MeasureRef }[] = [];
  /** Labels longest first, so (一)12 is tried before (一)1. */
  private readonly labelsLongestFirst: string[];
  private readonly cache = new Map<string, MeasureRef | null>();

  constructor(measures: readonly MeasureRef[]) {
    for (const measure of measures) {
      const label = normaliseLabel(measure.label);
      if (label !== '' && !this.byLabel.has(label)) this.byLabel.set(label, measure);
      if (!this.byCode.has(measure.code)) this.byCode.set(measure.code, measure);
      const title = normaliseTitle(measure.title);
      if (title !== '') {
        if (!this.byTitle.has(title)) this.byTitle.set(title, measure);
        this.titles.push({ title, measure });
      }
    }
    this.labelsLongestFirst = [...this.byLabel.keys()].sort((a, b) => b.length - a.length);
  }

  /** The measure `value` names, or null when none or more than one could be meant. */
  match(value: string): MeasureRef | null {
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    const found = this.find(value);
    this.cache.set(value, found);
    return found;
  }

  private find(value: string): MeasureRef | null {
    const label = normaliseLabel(value);
    if (label === '') return null;
    const exact = this.byLabel.get(label) ?? this.byCode.get(label) ?? this.byTitle.get(normaliseTitle(value));
    if (exact) return exact;
    const prefixed = this.labelPrefix(label);
    if (prefixed) return prefixed;
    return this.byTitlePiece(normaliseTitle(value));
  }

  /** '(一)1加强…': a label, then something that is not a digit (so (一)1 never takes (一)12's row). */
  private labelPrefix(text: string): MeasureRef | null {
    for (const label of this.labelsLongestFirst) {
      if (text.length > label.length && text.startsWith(label) && !/^[0-9]/u.test(text.slice(label.length))) {
        return this.byLabel.get(label) ?? null;
      }
    }
    return null;
  }

  private byTitlePiece(text: string): MeasureRef | null {
    if (text.length < minTitleMatchLength) return null;
    return this.unique(
      this.titles.filter(({ title }) => title.includes(text) || (title.length >= minTitleMatchLength && text.includes(title))),
    );
  }

  private unique(candidates: readonly { measure: MeasureRef }[]): MeasureRef | null {
    const ids = new Set(candidates.map(({ measure }) => measure.id));
    return ids.size === 1 ? (candidates[0]?.measure ?? null) : null;
  }
}
