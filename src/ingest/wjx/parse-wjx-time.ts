const DATE_TIME =
  /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u;

/**
 * Parses a 提交答卷时间 cell (`2016/12/17 14:25:31`) into an ISO 8601 local date-time
 * (`2016-12-17T14:25:31`); 问卷星 times carry no zone, so none is invented. Null when not a date.
 * @example parseWjxTime('2016/12/17 14:25:31') // '2016-12-17T14:25:31'
 */
export function parseWjxTime(text: string): string | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || Number(mi) > 59 || Number(s) > 59) {
    return null;
  }
  const pad = (v: string | number) => String(v).padStart(2, '0');
  return `${y}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(mi)}:${pad(s)}`;
}
