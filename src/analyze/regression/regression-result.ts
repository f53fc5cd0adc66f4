/** Results of the regression estimators: immutable objects the CLI, JSON and reports read. */

/** One row of a coefficient table (and of an ordinal model's thresholds). */
export interface CoefficientRow {
  readonly term: string;
  readonly estimate: number;
  readonly standardError: number;
  /** t (OLS with finite df) or z. */
  readonly statistic: number;
  readonly pValue: number;
  readonly confLow: number;
  readonly confHigh: number;
}

/** Overall fit statistics; null where they do not apply to the model. */
export interface FitStatistics {
  readonly rSquared: number | null;
  readonly adjRSquared: number | null;
  readonly sigma: number | null;
  readonly fStatistic: number | null;
  readonly fPValue: number | null;
  readonly dfModel: number | null;
  readonly dfResidual: number | null;
  readonly logLik: number | null;
  readonly aic: number | null;
  readonly bic: number | null;
  readonly deviance: number | null;
}

/** A likelihood-ratio or Wald χ²/F test. */
export interface TestResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** `chisq` or `F` (with `df2`). */
  readonly distribution: 'chisq' | 'F';
  readonly df2?: number;
}

/** How standard errors were computed. */
export type StandardErrorType = 'classical' | 'HC0' | 'HC1' | 'HC2' | 'HC3' | 'CR1' | 'linearization' | 'hessian' | 'replicate';

/** What every regression result holds. */
export interface RegressionResult {
  readonly model: 'ols' | 'logit' | 'ologit' | 'oprobit';
  readonly formula: string;
  /** Cases: rows used, or the sum of frequency weights. */
  readonly nobs: number;
  /** Data rows used, and rows dropped for missing values (by variable, a row may count twice). */
  readonly rowsUsed: number;
  readonly rowsDropped: number;
  readonly missing: readonly { variable: string; rows: number }[];
  readonly weights: 'none' | 'frequency' | 'sampling';
  readonly seType: StandardErrorType;
  /** Confidence level of conf_low/conf_high (Wald intervals). */
  readonly confidenceLevel: number;
  readonly coefficients: readonly CoefficientRow[];
  readonly thresholds: readonly CoefficientRow[];
  /** Covariance of coefficients then thresholds, row-major. */
  readonly covariance: Float64Array;
  readonly fit: FitStatistics;
  /** Term of each coefficient (by label; `(Intercept)` for the intercept), for per-term tests. */
  readonly termOf: readonly string[];
}

/** OLS (R: `lm` + `summary.lm`, with sandwich / survey standard errors). */
export interface OlsResult extends RegressionResult {
  readonly model: 'ols';
  /** β·sd(x)/sd(y) per coefficient (null for the intercept), R: `lm.beta`. */
  readonly standardized: readonly (number | null)[];
  /** (Generalised) variance inflation factor per term, R: `car::vif`; empty without an intercept or with one term. */
  readonly vif: readonly { term: string; gvif: number; df: number; adjusted: number }[];
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
  readonly rss: number;
}

/** Binary logit (R: `glm(family = binomial)`; sampling weights: `survey::svyglm(family = quasibinomial)`). */
export interface LogitResult extends RegressionResult {
  readonly model: 'logit';
  /** exp(β) with exp of the Wald interval ends (R: `exp(confint.default(fit))`). */
  readonly oddsRatios: readonly { term: string; oddsRatio: number; confLow: number; confHigh: number }[];
  /** Against the intercept-only model (null with sampling weights). */
  readonly likelihoodRatio: TestResult | null;
  readonly pseudoR2: { mcfadden: number; nagelkerke: number; coxSnell: number } | null;
  /** Observed × predicted at cut-off 0.5 (weighted counts with weights). */
  readonly classification: { cutoff: number; table: [[number, number], [number, number]]; accuracy: number };
  readonly iterations: number;
}

/** Proportional-odds model (R: `MASS::polr`; sampling weights: `survey::svyolr`). */
export interface OrdinalResult extends RegressionResult {
  readonly model: 'ologit' | 'oprobit';
  readonly levels: readonly string[];
  readonly likelihoodRatio: TestResult | null;
  readonly pseudoR2: { mcfadden: number; nagelkerke: number; coxSnell: number } | null;
  /** Brant test of parallel lines: overall (`Omnibus`) then per term; null when it cannot be computed. */
  readonly brant: readonly ({ term: string } & TestResult)[] | null;
  readonly iterations: number;
}
