import type { CrosstabResult } from '../estimators/estimate-crosstab.js';

/** The `crosstab --json` contract (DESIGN §2), exactly these keys; `ddf` is the Rao-Scott F's denominator df (null unweighted). */
export function crosstabJson(r: CrosstabResult) {
  return {
    rows: r.rows, cols: r.cols, row_levels: r.rowLevels, col_levels: r.colLevels, counts: r.counts,
    statistic: r.statistic, df: r.df, ddf: r.raoScott?.ddf ?? null, p_value: r.pValue, cramers_v: r.cramersV, test: r.test,
  };
}
