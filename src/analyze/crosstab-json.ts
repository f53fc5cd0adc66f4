import type { CrosstabResult } from './estimate-crosstab.js';

/** The `crosstab --json` contract (DESIGN §2), exactly these keys. */
export function crosstabJson(r: CrosstabResult) {
  return {
    rows: r.rows, cols: r.cols, row_levels: r.rowLevels, col_levels: r.colLevels, counts: r.counts,
    statistic: r.statistic, df: r.df, p_value: r.pValue, cramers_v: r.cramersV, test: r.test,
  };
}
