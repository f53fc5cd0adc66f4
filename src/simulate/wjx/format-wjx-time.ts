/**
 * Writes a submission time as 问卷星 does (`2025/03/14 09:12:44`), from the first fieldwork day
 * (`YYYY-MM-DD`) and seconds since its midnight; computed in UTC so no time zone shifts it.
 */
export function formatWjxTime(start: string, seconds: number): string {
  const iso = new Date(Date.parse(`${start}T00:00:00Z`) + seconds * 1000).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}
