import type { QualityWords } from '../../locale/quality-words.js';

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

/** What a flag is about: one of the kinds the quality words give a reason for. */
export type QualityRule = keyof QualityWords['flag'];

/** A flag with its reason in words. */
export interface QualityFlag {
  rule: QualityRule;
  reason: string;
}
