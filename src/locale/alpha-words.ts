import type { Lang } from './lang.js';

/**
 * What a Cronbach's α says about a scale's internal consistency, by the bands social-science
 * reports use (after Nunnally 1978 and DeVellis 2017): below 0.6 low, 0.6–0.7 acceptable,
 * 0.7–0.8 good, 0.8 and above very good. The bands are a convention, not a test.
 * @example alphaVerdict(0.522, 'zh') // '内部一致性偏低（α<0.6），……'
 */
export function alphaVerdict(alpha: number, lang: Lang): string {
  if (!Number.isFinite(alpha)) return '';
  if (alpha < 0.6) {
    return lang === 'zh'
      ? '内部一致性偏低（α<0.6），各题项不宜合并为一个总分，宜逐项分析'
      : 'internal consistency is low (α < 0.6): analyse the items one by one rather than as one score';
  }
  if (alpha < 0.7) return lang === 'zh' ? '内部一致性可以接受（0.6≤α<0.7）' : 'internal consistency is acceptable (0.6 ≤ α < 0.7)';
  if (alpha < 0.8) return lang === 'zh' ? '内部一致性较好（0.7≤α<0.8）' : 'internal consistency is good (0.7 ≤ α < 0.8)';
  return lang === 'zh' ? '内部一致性良好（α≥0.8）' : 'internal consistency is very good (α ≥ 0.8)';
}
