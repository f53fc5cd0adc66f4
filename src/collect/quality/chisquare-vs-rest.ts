import { chisquareUpperTail } from '../../math/distributions/index.js';

/** Pearson's test of one enumerator's answers against everyone else's. */
export interface ChisquareTest {
  statistic: number;
  df: number;
  p: number;
}

/**
 * Pearson's chi-square test of homogeneity of a 2 × K table (this enumerator's answer counts, the
 * others'), without continuity correction — R's `chisq.test(rbind(mine, rest), correct = FALSE)`.
 * Answers neither row gave are left out (K counts the codes used); null when fewer than two are left
 * or a row is empty, where the test says nothing.
 * @example chisquareVsRest([10, 0], [5, 5]) // statistic 6.667, df 1, p 0.00982
 */
export function chisquareVsRest(mine: readonly number[], rest: readonly number[]): ChisquareTest | null {
  const used = mine.map((m, k) => [m, rest[k]] as const).filter(([m, r]) => m + r > 0);
  const nMine = used.reduce((s, [m]) => s + m, 0);
  const nRest = used.reduce((s, [, r]) => s + r, 0);
  if (used.length < 2 || nMine === 0 || nRest === 0) return null;
  const total = nMine + nRest;
  let statistic = 0;
  for (const [m, r] of used) {
    const column = m + r;
    const expectMine = (nMine * column) / total;
    const expectRest = (nRest * column) / total;
    statistic += (m - expectMine) ** 2 / expectMine + (r - expectRest) ** 2 / expectRest;
  }
  const df = used.length - 1;
  return { statistic, df, p: chisquareUpperTail(statistic, df) };
}

/**
 * Holm's step-down adjustment of p-values for multiple testing (R's `p.adjust(p, "holm")`): the
 * i-th smallest of m is multiplied by m − i + 1, kept monotone, capped at 1. Controls the
 * family-wise error rate, so a flag is unlikely to be chance among the many tests of the view.
 */
export function holmAdjust(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[i]));
    adjusted[i] = running;
  });
  return adjusted;
}
