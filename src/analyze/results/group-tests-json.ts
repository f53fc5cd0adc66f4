import type { DomainDifference } from '../variance/domain-difference.js';
import type { GroupTest } from '../estimators/group-test.js';

/** Test names in the JSON: the R function each matches. */
const differenceTest: Record<string, string> = {
  't.test (Welch)': 't.test',
  'survey::svyttest': 'svyttest',
  'prop.test(correct = FALSE)': 'prop.test',
};

/**
 * The `comparison` (two groups: the first − second difference, its interval and test) and `anova`
 * (more than two groups) keys of `means`/`shares --json` (DESIGN §2). Both keys are present with
 * `--by` (null when they do not apply) and absent without it.
 */
export function groupTestsJson(r: { by: string | null; groups: readonly { by: string | null; n: number }[]; difference: DomainDifference | null; anova: GroupTest | null }) {
  if (r.by === null) return {};
  const d = r.difference;
  const comparison = d && {
    difference: d.estimate, se: d.standardError, conf_low: d.confLow, conf_high: d.confHigh,
    statistic: d.statistic, df: d.df, p_value: d.pValue, test: differenceTest[d.method] ?? d.method,
  };
  // Two groups are compared by `comparison`; the ANOVA/χ² test is the contract's for more.
  const groups = r.groups.filter((g) => g.by !== null && g.n > 0).length;
  const a = groups > 2 ? r.anova : null;
  return {
    comparison: comparison ?? null,
    anova: a && { statistic: a.statistic, df: a.df, ddf: a.ddf, p_value: a.pValue, test: a.test },
  };
}
