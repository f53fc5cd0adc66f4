/** An IP cell split into the address and the region 问卷星 resolved for it. */
export interface WjxIp {
  address: string;
  region: string | null;
}

/**
 * Splits a 来自IP cell (`183.192.16.69(上海-上海)`) into address and region.
 * @example parseWjxIp('183.192.16.69(上海-上海)') // {address: '183.192.16.69', region: '上海-上海'}
 */
export function parseWjxIp(text: string): WjxIp {
  const m = /^\s*([^\s(（]+)\s*[(（](.*)[)）]\s*$/u.exec(text);
  if (m) return { address: m[1], region: m[2].trim() || null };
  return { address: text.trim(), region: null };
}
