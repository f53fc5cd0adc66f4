import { fUpperTail } from '../../math/distributions/index.js';
import { regressionHeader, type HeaderData } from '../results/regression-header.js';
import { coefficientRows } from './coefficient-rows.js';
import type { OlsResult, StandardErrorType } from './regression-result.js';
import { varianceInflation } from './variance-inflation.js';

/** What an OLS fit has worked out, in memory or streamed, before its result is assembled. */
export interface OlsFit {
  readonly formula: string;
  readonly data: HeaderData;
  readonly seType: StandardErrorType;
  readonly level: number;
  readonly names: readonly string[];
  readonly termOf: string[];
  readonly intercept: boolean;
  readonly coefficients: ArrayLike<number>;
  readonly covariance: Float64Array;
  /** (XᵀWX)⁻¹, for the variance inflation factors. */
  readonly classical: Float64Array;
  readonly dfResidual: number;
  readonly rss: number;
  /** Σw(y − ȳ)² with an intercept, Σwy² without. */
  readonly tss: number;
  /** Weighted SD of each model column and of the response (n − 1 divisor), for standardized coefficients. */
  readonly columnSd: readonly number[];
  readonly responseSd: number;
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
}

/**
 * The OLS result from a fit (R `summary.lm`): σ² = RSS/(N − p), R² = 1 − RSS/TSS,
 * F = (TSS − RSS)/(p − 1) ÷ σ², log L = −N/2·(log 2π + 1 − log N + log RSS); the likelihood
 * figures are null with sampling weights. Shared by fitOls and the streamed fit so both report alike.
 */
export function olsResult(fit: OlsFit): OlsResult {
  const { data, rss, tss, coefficients, names } = fit;
  const nobs = data.nobs;
  const p = names.length;
  const sigma2 = rss / (nobs - p);
  const dfModel = p - (fit.intercept ? 1 : 0);
  const rSquared = 1 - rss / tss;
  const likelihood = data.weightKind !== 'sampling';
  const logLik = -0.5 * nobs * (Math.log(2 * Math.PI) + 1 - Math.log(nobs) + Math.log(rss));
  const f = dfModel > 0 ? (tss - rss) / dfModel / sigma2 : null;
  return Object.freeze({
    ...regressionHeader('ols', fit.formula, data, fit.seType, fit.level),
    coefficients: coefficientRows(names, coefficients, fit.covariance, p, 0, fit.dfResidual, fit.level),
    thresholds: [],
    covariance: fit.covariance,
    termOf: fit.termOf,
    fit: {
      rSquared,
      adjRSquared: 1 - ((1 - rSquared) * (nobs - (fit.intercept ? 1 : 0))) / (nobs - p),
      sigma: likelihood ? Math.sqrt(sigma2) : null,
      fStatistic: likelihood ? f : null,
      fPValue: likelihood && f !== null ? fUpperTail(f, dfModel, nobs - p) : null,
      dfModel,
      dfResidual: fit.dfResidual,
      logLik: likelihood ? logLik : null,
      aic: likelihood ? -2 * logLik + 2 * (p + 1) : null,
      bic: likelihood ? -2 * logLik + Math.log(nobs) * (p + 1) : null,
      deviance: rss,
    },
    standardized: names.map((name, j) => (name === '(Intercept)' ? null : (coefficients[j] * fit.columnSd[j]) / fit.responseSd)),
    vif: varianceInflation(fit.classical, fit.termOf),
    residuals: fit.residuals,
    fitted: fit.fitted,
    rss,
  });
}
