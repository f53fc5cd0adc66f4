import type { SharesResult } from '../estimators/estimate-shares.js';
import { groupTestsJson } from './group-tests-json.js';

/** The `shares --json` contract (DESIGN §2), exactly these keys; `comparison` and `anova` with `--by`. */
export function sharesJson(r: SharesResult) {
  return {
    var: r.variable,
    values: r.values,
    ci_method: r.ciMethod,
    groups: r.groups.map((g) => ({
      by: g.by, level: g.level, n: g.n, count: g.count, share: g.share, se: g.standardError,
      conf_low: g.confLow, conf_high: g.confHigh, deff: g.deff,
    })),
    ...groupTestsJson(r),
  };
}
