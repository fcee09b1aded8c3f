import { parsePeriod } from '../report/period';

/**
 * The CLI spelling of a report period (2016, 2016-H2, 2016-Q3, 2016-07) from its dates, as
 * `planledger office-status --period` takes it; dates that are no such period are written
 * `from..to`, which parsePeriod reads back as a custom period.
 */
export function periodKeyOf(from: string, to: string): string {
  const year = from.slice(0, 4);
  const candidates = [year, `${year}-H1`, `${year}-H2`, ...[1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`), from.slice(0, 7)];
  for (const key of candidates) {
    const period = parsePeriod(key);
    if (period && period.from === from && period.to === to) return period.key;
  }
  return `${from}..${to}`;
}
