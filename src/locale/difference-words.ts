import type { Lang } from './lang.js';

/** A two-group difference (first − second) with its 95% interval. */
export interface SignedDifference {
  first: string;
  second: string;
  estimate: number;
  confLow: number;
  confHigh: number;
}

/**
 * A difference in words, its interval in the same direction as the words: "城市比农村低29.5个百分点"
 * goes with "95%置信区间：27.9～31.1", not with −31.1 to −27.9 (a reviewer reads the minus sign
 * as "低" said twice). `unit` follows the number (元, 个百分点).
 * @example differenceWords({ first: '城市', second: '农村', estimate: -0.295, confLow: -0.311, confHigh: -0.279 }, 'zh', (x) => (100 * x).toFixed(1), '个百分点')
 * // { claim: '城市比农村低29.5个百分点', interval: '95%置信区间：27.9～31.1' }
 */
export function differenceWords(d: SignedDifference, lang: Lang, format: (x: number) => string, unit = ''): { claim: string; interval: string } {
  const lower = d.estimate < 0;
  // Said as "lower", the interval of second − first: both ends negated and swapped.
  const [low, high] = lower ? [-d.confHigh, -d.confLow] : [d.confLow, d.confHigh];
  if (lang === 'zh') {
    return { claim: `${d.first}比${d.second}${lower ? '低' : '高'}${format(Math.abs(d.estimate))}${unit}`, interval: `95%置信区间：${format(low)}～${format(high)}` };
  }
  const space = unit ? ` ${unit}` : '';
  return { claim: `${d.first} is ${format(Math.abs(d.estimate))}${space} ${lower ? 'lower' : 'higher'} than ${d.second}`, interval: `95% CI ${format(low)} to ${format(high)}` };
}
