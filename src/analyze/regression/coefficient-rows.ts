import { normalQuantile, tQuantile, tUpperTail } from '../../math/distributions/index.js';
import type { CoefficientRow } from './regression-result.js';

/**
 * Wald rows: estimate / SE, two-sided p-value and interval from t(df) or, with df = Infinity, the
 * normal (R: `summary.lm`/`summary.glm` and `confint.default`; `confint.lm` for t).
 */
export function coefficientRows(names: readonly string[], estimates: ArrayLike<number>, covariance: Float64Array, size: number, offset: number, df: number, level: number): CoefficientRow[] {
  const critical = df === Infinity ? normalQuantile(0.5 + level / 2) : tQuantile(0.5 + level / 2, df);
  return names.map((term, j) => {
    const k = offset + j;
    const estimate = estimates[j];
    const standardError = Math.sqrt(covariance[k * size + k]);
    const statistic = estimate / standardError;
    return {
      term,
      estimate,
      standardError,
      statistic,
      pValue: 2 * tUpperTail(Math.abs(statistic), df),
      confLow: estimate - critical * standardError,
      confHigh: estimate + critical * standardError,
    };
  });
}
