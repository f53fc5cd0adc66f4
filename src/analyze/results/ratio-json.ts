import type { RatioResult } from '../estimators/estimate-ratio.js';

/** The `ratio --json` contract (DESIGN §2, the `means` shape with `ratio`; `var` is "num/den" as R names it). */
export function ratioJson(r: RatioResult) {
  return {
    var: r.variable,
    num: r.numerator,
    den: r.denominator,
    groups: r.groups.map((g) => ({ by: g.by, level: g.level, n: g.n, ratio: g.ratio, se: g.standardError, conf_low: g.confLow, conf_high: g.confHigh, deff: g.deff })),
  };
}
