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
