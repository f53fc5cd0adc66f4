import type { Lang } from '../../locale/lang.js';

/**
 * When the quality view flags an enumerator (README "Supervision"). Shares are of the
 * enumerator's own interviews; each flag needs at least `min` interviews showing it, so one odd
 * interview is a question for the supervisor's review, not a flag on the person.
 */
export const QUALITY_THRESHOLDS = {
  /** Interviews below the cleaning rules' speeder threshold. */
  speeder: { share: 0.2, min: 2 },
  /** Interviews with a grid answered one way throughout (the straight-lining and uniform-grid rules). */
  straightLining: { share: 0.2, min: 2 },
  /** Item non-response (blank or 说不清/拒答 among the questions asked): at least this, and at least `ratio` × the others'. */
  nonresponse: { rate: 0.1, ratio: 2 },
  /** Interviews the duplicate / near-duplicate rules find (a copied questionnaire). */
  duplicate: { min: 1 },
  /** Interviews ending in a burst (the ip-burst rule's numbers, per enumerator). */
  burst: { min: 1 },
  /** Interview locations within `radius` metres of another of the same enumerator's. */
  gps: { radius: 15, share: 0.5, minPoints: 5 },
  /** Family-wise error rate of the distribution tests (Holm). */
  alpha: 0.05,
  /** Fewest answers an enumerator must give to a variable for its distribution to be tested. */
  minAnswers: 10,
} as const;

/** What a flag is about. */
export type QualityRule = 'speeder' | 'straight-lining' | 'nonresponse' | 'distribution' | 'duplicate' | 'burst' | 'gps';

/** A flag with its reason in words. */
export interface QualityFlag {
  rule: QualityRule;
  reason: string;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

/** The reason of a flag, in Chinese (default) or English, with the figures that raised it. */
export const flagReason: Record<QualityRule, (lang: Lang, f: Record<string, number | string>) => string> = {
  speeder: (lang, f) =>
    lang === 'en'
      ? `${f.n} of ${f.of} interviews (${pct(Number(f.share))}) faster than the speeder threshold (${f.seconds} s)`
      : `${f.of} 份中 ${f.n} 份（${pct(Number(f.share))}）用时低于过快阈值（${f.seconds} 秒）`,
  'straight-lining': (lang, f) =>
    lang === 'en'
      ? `${f.n} of ${f.of} interviews (${pct(Number(f.share))}) answer a grid with one answer throughout`
      : `${f.of} 份中 ${f.n} 份（${pct(Number(f.share))}）矩阵题全部选同一答案`,
  nonresponse: (lang, f) =>
    lang === 'en'
      ? `item non-response ${pct(Number(f.rate))} of the questions asked (other enumerators ${pct(Number(f.others))})`
      : `项目无回答率 ${pct(Number(f.rate))}（其他调查员 ${pct(Number(f.others))}）`,
  distribution: (lang, f) =>
    lang === 'en'
      ? `answers distributed unlike the other enumerators' on ${f.variables} (chi-square test, Holm-adjusted p < ${f.alpha})`
      : `${f.variables} 的答案分布与其他调查员显著不同（卡方检验，Holm 校正后 p < ${f.alpha}）`,
  duplicate: (lang, f) => (lang === 'en' ? `${f.n} interviews duplicate or nearly duplicate an earlier one` : `${f.n} 份问卷与之前的问卷（几乎）完全相同`),
  burst: (lang, f) =>
    lang === 'en'
      ? `${f.n} interviews ended in bursts (more than ${f.max} within ${f.minutes} minutes)`
      : `${f.n} 份问卷集中完成（${f.minutes} 分钟内超过 ${f.max} 份）`,
  gps: (lang, f) =>
    lang === 'en'
      ? `${f.n} of ${f.of} interview locations (${pct(Number(f.share))}) within ${f.radius} m of another of theirs`
      : `${f.of} 个访问地点中 ${f.n} 个（${pct(Number(f.share))}）与本人另一访问相距不到 ${f.radius} 米`,
};
