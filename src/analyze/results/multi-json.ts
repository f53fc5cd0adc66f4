import type { MultiResult } from '../estimators/estimate-multi.js';

/** The `multi --json` contract (README): shares are proportions (0–1), counts summed weights. */
export function multiJson(r: MultiResult) {
  return {
    var: r.variable,
    label: r.label,
    by: r.by,
    weights: r.weights,
    ci_method: r.ciMethod,
    groups: r.groups.map((g) => ({
      by: g.by, level: g.level, n: g.n, weighted_n: g.weightedN, responses: g.responses, none: g.none,
      options: g.options.map((o) => ({
        code: o.code, label: o.label, count: o.count, share_of_responses: o.percentOfResponses, share_of_cases: o.percentOfCases,
        se: o.standardError, conf_low: o.confLow, conf_high: o.confHigh,
      })),
    })),
    tests: r.tests.map((t) => ({ code: t.code, label: t.label, statistic: t.statistic, df: t.df, ddf: t.ddf, p_value: t.pValue, test: t.test })),
  };
}
