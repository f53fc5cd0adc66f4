import type { CoefficientRow, RegressionResult } from '../regression/regression-result.js';

const row = (r: CoefficientRow) => ({
  term: r.term,
  estimate: r.estimate,
  std_error: r.standardError,
  statistic: r.statistic,
  p_value: r.pValue,
  conf_low: r.confLow,
  conf_high: r.confHigh,
});
const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

/** The `regress --json` contract of DESIGN §2 (snake_case; fields that do not apply are null). */
export function regressionJson(result: RegressionResult): Record<string, unknown> {
  const f = result.fit;
  return {
    model: result.model,
    formula: result.formula,
    nobs: result.nobs,
    weights: result.weights,
    se_type: result.seType,
    coefficients: result.coefficients.map(row),
    thresholds: result.thresholds.map(row),
    fit: {
      r_squared: finite(f.rSquared),
      adj_r_squared: finite(f.adjRSquared),
      sigma: finite(f.sigma),
      f_statistic: finite(f.fStatistic),
      df_model: finite(f.dfModel),
      df_residual: finite(f.dfResidual),
      log_lik: finite(f.logLik),
      aic: finite(f.aic),
      bic: finite(f.bic),
      deviance: finite(f.deviance),
    },
  };
}
