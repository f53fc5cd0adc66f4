import type { MeansResult } from '../estimators/estimate-means.js';
import { groupTestsJson } from './group-tests-json.js';

/** The `means --json` contract (DESIGN §2), exactly these keys; `comparison` and `anova` with `--by`. */
export function meansJson(r: MeansResult) {
  return {
    var: r.variable,
    groups: r.groups.map((g) => ({ by: g.by, level: g.level, n: g.n, mean: g.mean, se: g.standardError, conf_low: g.confLow, conf_high: g.confHigh, deff: g.deff })),
    ...groupTestsJson(r),
  };
}
