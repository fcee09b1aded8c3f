/** Collects parse warnings in line order, keeping only the first `max` (memory stays bounded). */
import { type PlanWarning, type PlanWarningCode } from './schema';

export const DEFAULT_MAX_WARNINGS = 500;
const MAX_WARNING_TEXT = 200;

/** The paragraph cut to about 200 characters, never in the middle of a surrogate pair. */
export function warningText(text: string): string {
  if (text.length <= MAX_WARNING_TEXT) return text;
  let end = MAX_WARNING_TEXT;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

interface Entry {
  warning: PlanWarning;
  seq: number;
}

const byPosition = (a: Entry, b: Entry) => a.warning.line - b.warning.line || a.seq - b.seq;

export class WarningCollector {
  private entries: Entry[] = [];
  private total = 0;
  private readonly max: number;

  constructor(max: number = DEFAULT_MAX_WARNINGS) {
    this.max = Math.max(0, Math.floor(max));
  }

  add(code: PlanWarningCode, line: number, text: string): void {
    this.entries.push({ warning: { code, line, text: warningText(text) }, seq: this.total++ });
    // Keep the first `max` by position; anything beyond can never be among them.
    if (this.entries.length > this.max * 2 + 64) this.prune();
  }

  private prune(): void {
    this.entries.sort(byPosition);
    this.entries.length = Math.min(this.entries.length, this.max);
  }

  /** The first `max` warnings in line order, and how many more there were. */
  result(): { warnings: PlanWarning[]; omitted: number } {
    this.prune();
    return { warnings: this.entries.map((e) => e.warning), omitted: this.total - this.entries.length };
  }
}
