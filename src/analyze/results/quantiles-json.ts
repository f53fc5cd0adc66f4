import type { QuantilesResult } from '../estimators/estimate-quantiles.js';

/** The `quantiles --json` contract (DESIGN §2, the `means` shape with `prob` and `quantile`; R gives no deff, so null). */
export function quantilesJson(r: QuantilesResult) {
  return {
    var: r.variable,
    qrule: r.rule,
    groups: r.groups.map((g) => ({
      by: g.by, level: g.level, n: g.n, prob: g.prob, quantile: g.quantile, se: g.standardError, conf_low: g.confLow, conf_high: g.confHigh, deff: null,
    })),
  };
}
