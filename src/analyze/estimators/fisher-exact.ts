import { logGamma } from '../../math/distributions/log-gamma.js';

/** Fisher's exact test of a 2×2 table. */
export interface FisherExactResult {
  /** Two-sided p-value: the probability of tables no more likely than the observed one. */
  readonly pValue: number;
  /** Conditional maximum-likelihood odds ratio (0 or Infinity at the boundary). */
  readonly oddsRatio: number;
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Fisher's exact test of [[a, b], [c, d]] given the margins (R `fisher.test`): X = a is
 * hypergeometric; p sums P(x) ≤ P(a)·(1 + 1e-7) (R's relative tolerance for ties); the odds ratio
 * solves E_ψ[X] = a under the noncentral hypergeometric, to machine precision (R's `uniroot`
 * stops at ~1e-4). Counts must be whole numbers.
 * @example fisherExact([[3, 1], [1, 3]]).pValue // 0.4857…
 */
export function fisherExact(table: readonly (readonly number[])[]): FisherExactResult {
  const [[a, b], [c, d]] = table;
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let x = lo; x <= hi; x++) support.push(x);
  const logd = support.map((x) => logChoose(m, x) + logChoose(n, k - x));
  const top = Math.max(...logd);
  const density = logd.map((l) => Math.exp(l - top));
  const total = density.reduce((s, v) => s + v, 0);
  const observed = density[a - lo];
  const pValue = Math.min(1, density.filter((v) => v <= observed * (1 + 1e-7)).reduce((s, v) => s + v, 0) / total);
  return { pValue, oddsRatio: conditionalOddsRatio(support, logd, a) };
}

/** Mean of the noncentral hypergeometric with odds ratio e^θ (weights computed stably in logs). */
function noncentralMean(support: readonly number[], logd: readonly number[], theta: number): number {
  const logs = logd.map((l, i) => l + theta * support[i]);
  const top = Math.max(...logs);
  let sum = 0;
  let weighted = 0;
  logs.forEach((l, i) => {
    const w = Math.exp(l - top);
    sum += w;
    weighted += w * support[i];
  });
  return weighted / sum;
}

function conditionalOddsRatio(support: readonly number[], logd: readonly number[], a: number): number {
  if (a === support[0]) return 0;
  if (a === support[support.length - 1]) return Infinity;
  // E_θ[X] increases in θ = log ψ: bisect on θ until the bracket stops shrinking.
  let lo = -1;
  let hi = 1;
  while (noncentralMean(support, logd, lo) > a) lo *= 2;
  while (noncentralMean(support, logd, hi) < a) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (noncentralMean(support, logd, mid) < a) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
