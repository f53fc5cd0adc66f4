/**
 * A spreadsheet number as a user sees it: at most 15 significant digits, as Excel shows and
 * saves numbers, so binary noise such as 0.30000000000000004 reads 0.3; then the shortest text.
 */
export function numberText(value: number): string {
  const text = String(value);
  // Text of 15 characters or fewer has at most 15 digits; toPrecision is slow, so skip it then.
  if (text.length <= 15 || !Number.isFinite(value)) return text;
  return String(Number(value.toPrecision(15)));
}

/** A spreadsheet boolean as Excel shows it. */
export function booleanText(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

/** A number format's letters, without quoted text, escapes, colours and locale codes. */
function formatTokens(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]/gi, '').toLowerCase();
}

/** Whether a number format shows a date or a time (y m d h s, or b for Buddhist years). */
export function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhsb]/.test(formatTokens(format));
}

/** A date format's date part (y d b; m alone is a month) and time part (h s). */
function formatParts(format: string): { date: boolean; time: boolean } {
  const tokens = formatTokens(format);
  const time = /[hs]/.test(tokens);
  return { date: /[ydb]/.test(tokens) || (!time && tokens.includes('m')), time };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A spreadsheet date as text in the 问卷星 style `YYYY/MM/DD HH:MM:SS`. The Date holds the cell's
 * wall-clock time in its UTC fields (no time zone applies to spreadsheet dates). A date-only
 * format at midnight gives `YYYY/MM/DD` and a time-only format before 1900 gives `HH:MM:SS`;
 * anything else keeps both parts, so no information is dropped.
 */
export function dateText(value: Date, format = ''): string {
  const d = new Date(Math.round(value.getTime() / 1000) * 1000);
  const day = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const parts = formatParts(format);
  if (parts.date && !parts.time && time === '00:00:00') return day;
  if (parts.time && !parts.date && d.getUTCFullYear() < 1900) return time;
  return `${day} ${time}`;
}

/** The Date whose UTC fields are the wall-clock time of an Excel serial day number. */
export function serialToDate(serial: number, date1904 = false): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}
