import type { MeansResult } from './estimate-means.js';
import type { SharesResult } from './estimate-shares.js';
import { UsageError } from '../../core/errors.js';

/** One group's unweighted and weighted estimate side by side. */
export interface WeightingDifference {
  readonly by: string | null;
  readonly level: string;
  readonly unweighted: number;
  readonly weighted: number;
  /** weighted − unweighted. */
  readonly difference: number;
  readonly weightedConfLow: number;
  readonly weightedConfHigh: number;
  /** True when the unweighted estimate lies outside the weighted confidence interval. */
  readonly differs: boolean;
}

/** Weighted against unweighted results of one variable, group by group. */
export interface WeightingComparison {
  readonly variable: string;
  readonly kind: 'share' | 'mean';
  readonly groups: readonly WeightingDifference[];
}

type Estimate = SharesResult | MeansResult;

function point(result: Estimate, k: number): number {
  return 'values' in result ? result.groups[k].share : result.groups[k].mean;
}

/**
 * Compares an unweighted and a weighted estimate of the same shares or means (same variable and
 * `by`), flagging each group whose unweighted estimate falls outside the weighted confidence
 * interval — the weighted interval carries the design's uncertainty (R: `svyciprop`/`confint(svymean)`
 * against `prop.test`/`t.test`). Groups are matched by level; a group missing from either is left out.
 * @example compareWeighting(estimateShares(plain, spec), estimateShares(weighted, spec)).groups.filter((g) => g.differs)
 */
export function compareWeighting(unweighted: Estimate, weighted: Estimate): WeightingComparison {
  if (unweighted.variable !== weighted.variable || unweighted.by !== weighted.by || 'values' in unweighted !== 'values' in weighted) {
    throw new UsageError(`cannot compare ${unweighted.variable} by ${unweighted.by ?? 'nothing'} with ${weighted.variable} by ${weighted.by ?? 'nothing'}`, {
      hint: 'compare the same estimate of the same variable and groups, once unweighted and once weighted',
    });
  }
  const groups = weighted.groups.flatMap((g, k): WeightingDifference[] => {
    const u = unweighted.groups.findIndex((x) => x.by === g.by && x.level === g.level);
    if (u < 0) return [];
    const before = point(unweighted, u);
    const after = point(weighted, k);
    return [{
      by: g.by,
      level: g.level,
      unweighted: before,
      weighted: after,
      difference: after - before,
      weightedConfLow: g.confLow,
      weightedConfHigh: g.confHigh,
      differs: before < g.confLow || before > g.confHigh,
    }];
  });
  return { variable: weighted.variable, kind: 'values' in weighted ? 'share' : 'mean', groups };
}
