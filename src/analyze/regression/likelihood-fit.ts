import type { FitStatistics } from './regression-result.js';

/**
 * Fit statistics of a maximum-likelihood model with k parameters: deviance −2 log L, AIC = −2 log L + 2k,
 * BIC = −2 log L + k·log N (R: `logLik`, `AIC`, `BIC`); null log L (sampling weights: no likelihood)
 * leaves them null. R², σ and F do not apply.
 */
export function likelihoodFit(logLik: number | null, parameters: number, nobs: number, dfModel: number, dfResidual: number): FitStatistics {
  const has = logLik !== null;
  return {
    rSquared: null,
    adjRSquared: null,
    sigma: null,
    fStatistic: null,
    fPValue: null,
    dfModel,
    dfResidual,
    logLik,
    aic: has ? -2 * logLik + 2 * parameters : null,
    bic: has ? -2 * logLik + Math.log(nobs) * parameters : null,
    deviance: has ? -2 * logLik : null,
  };
}
