/**
 * Calendar dates: days are YYYY-MM-DD strings; the local ones are in the machine's time
 * zone, the arithmetic is on whole calendar days and never depends on it.
 */

const dayMs = 86_400_000;

/** The calendar date of `date` in the machine's time zone, as YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `date` as ISO 8601 in the machine's time zone with its offset, e.g. 2026-11-25T14:03:00+08:00. */
export function isoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The first and last instants (ISO, UTC) of a span of local calendar days. */
export function localDayRange(from: string, to: string): { start: string; end: string } {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return {
    start: new Date(fy, fm - 1, fd, 0, 0, 0, 0).toISOString(),
    end: new Date(ty, tm - 1, td, 23, 59, 59, 999).toISOString(),
  };
}

/** Whole days from `from` to `to`, both YYYY-MM-DD (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** The day `days` after `date` (before it when negative), both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The number of days in a month (1–12) of the Gregorian calendar, which is also its last day. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
