import type { Design } from '../../core/design.js';
import { chisquareUpperTail } from '../../math/distributions/chisquare-upper-tail.js';
import { isDesignBased } from '../variance/design-variance.js';
import type { Domain } from './group-domains.js';
import type { GroupTest } from './group-test.js';
import { raoScottTest } from './rao-scott-test.js';

/**
 * Test that a share is the same in every group: the yes/no × group table tested for independence.
 * Unweighted: Pearson X² on G − 1 df (R `chisq.test(table(y, g))`, which applies no continuity
 * correction beyond 2×2; frequency weights count as cases). Design-based: the Rao-Scott F
 * (R `svychisq(~y + g, design)`). `y` is 1/0/NaN; `count`/`n` are each group's yes and valid
 * answers; groups without answers are left out. Null with fewer than two groups answering.
 */
export function sharesGroupTest(design: Design, y: Float64Array, domains: readonly Domain[], count: readonly number[], n: readonly number[]): GroupTest | null {
  const used = domains.map((_, k) => k).filter((k) => n[k] > 0);
  const g = used.length;
  if (g < 2) return null;
  if (isDesignBased(design)) {
    const cell = new Int32Array(y.length).fill(-1);
    used.forEach((k, j) => {
      const mask = domains[k].mask as Uint8Array;
      for (let i = 0; i < y.length; i++) if (mask[i] && !Number.isNaN(y[i])) cell[i] = (y[i] === 1 ? 1 : 0) + 2 * j;
    });
    const rs = raoScottTest(design, cell, 2, g);
    return { test: 'svychisq', statistic: rs.statistic, df: rs.ndf, ddf: rs.ddf, pValue: rs.pValue };
  }
  return pearsonSharesTest(count.filter((_, k) => n[k] > 0), n.filter((v) => v > 0));
}

/**
 * Pearson X² of the yes/no × group table from each group's yes count and valid answers, on G − 1
 * df (R `chisq.test(table(y, g))`); groups without answers left out by the caller. Needs only the
 * counts, so a streamed estimate gives it too.
 */
export function pearsonSharesTest(count: readonly number[], n: readonly number[]): GroupTest {
  const yes = count.reduce((a, c) => a + c, 0);
  const total = n.reduce((a, v) => a + v, 0);
  let statistic = 0;
  for (let k = 0; k < n.length; k++) {
    for (const [observed, share] of [[count[k], yes / total], [n[k] - count[k], 1 - yes / total]]) {
      const expected = n[k] * share;
      statistic += (observed - expected) ** 2 / expected;
    }
  }
  const g = n.length;
  return { test: 'chisq.test', statistic, df: g - 1, ddf: null, pValue: chisquareUpperTail(statistic, g - 1) };
}
