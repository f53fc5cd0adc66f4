import type { TotalsResult } from '../estimators/estimate-totals.js';

/**
 * The `totals --json` contract (DESIGN §2, the `means` shape with `total`): a categorical variable
 * adds `value` (the category) and `count` (rows in it) to each group, one group per domain and category.
 */
export function totalsJson(r: TotalsResult) {
  return {
    var: r.variable,
    groups: r.groups.map((g) => ({
      by: g.by, level: g.level, ...(r.categorical ? { value: g.value } : {}), n: g.n, ...(r.categorical ? { count: g.count } : {}),
      total: g.total, se: g.standardError, conf_low: g.confLow, conf_high: g.confHigh, deff: g.deff,
    })),
  };
}
