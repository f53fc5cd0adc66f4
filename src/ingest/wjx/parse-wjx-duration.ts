const UNIT_SECONDS: Record<string, number> = { 天: 86400, 小时: 3600, 时: 3600, 分钟: 60, 分: 60, 秒: 1 };
const DURATION = /^(?:(\d+(?:\.\d+)?)(天|小时|时|分钟|分|秒))+$/u;
const PART = /(\d+(?:\.\d+)?)(天|小时|时|分钟|分|秒)/gu;
const SECONDS = /^(\d+)秒$/;

/**
 * Parses a 问卷星 所用时间 cell (`136秒`, `2分3秒`, `1小时2分`) or a plain number of seconds.
 * Returns null when the text is not a duration.
 * @example parseWjxDuration('2分3秒') // 123
 */
export function parseWjxDuration(text: string): number | null {
  // Nearly every cell is whole seconds (`136秒`): read those without the general patterns.
  const whole = SECONDS.exec(text);
  if (whole) return Number(whole[1]);
  const compact = text.replace(/\s+/g, '');
  if (/^\d+(\.\d+)?$/.test(compact)) return Number(compact);
  if (!DURATION.test(compact)) return null;
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(PART)) seconds += Number(amount) * UNIT_SECONDS[unit];
  return seconds;
}
