import { UsageError } from '../../core/errors.js';
import { betaQuantile } from '../../math/distributions/beta-quantile.js';
import { normalQuantile } from '../../math/distributions/normal-quantile.js';
import { tQuantile } from '../../math/distributions/t-quantile.js';

/** Interval methods of a design-based share (R `svyciprop`'s `method`). */
export type DesignCiMethod = 'logit' | 'xlogit' | 'beta' | 'mean' | 'likelihood' | 'asin';

/** Interval methods of an unweighted (binomial) share. */
export type BinomialCiMethod = 'wilson' | 'clopper-pearson' | 'agresti-coull' | 'jeffreys';

/** Confidence interval methods for a share. */
export type CiMethod = BinomialCiMethod | DesignCiMethod;

export const BINOMIAL_CI_METHODS: readonly BinomialCiMethod[] = ['wilson', 'clopper-pearson', 'agresti-coull', 'jeffreys'];
export const DESIGN_CI_METHODS: readonly DesignCiMethod[] = ['logit', 'xlogit', 'beta', 'mean', 'likelihood', 'asin'];
export const CI_METHODS: readonly [CiMethod, ...CiMethod[]] = [...BINOMIAL_CI_METHODS, ...DESIGN_CI_METHODS] as [CiMethod, ...CiMethod[]];

/** True for the intervals of design-based shares. */
export function isDesignCiMethod(method: CiMethod): method is DesignCiMethod {
  return (DESIGN_CI_METHODS as readonly CiMethod[]).includes(method);
}

/** Parses a `--ci` value. */
export function parseCiMethod(text: string): CiMethod {
  const method = CI_METHODS.find((m) => m === text.toLowerCase());
  if (!method) throw new UsageError(`unknown confidence interval method "${text}"`, { hint: `use one of ${CI_METHODS.join(', ')}` });
  return method;
}

/**
 * Confidence interval for a binomial share of `count` out of `n` cases.
 * - wilson: score interval (R `prop.test(x, n, correct = FALSE)$conf.int`)
 * - clopper-pearson: exact, qbeta(α/2; x, n−x+1) … qbeta(1−α/2; x+1, n−x) (R `binom.test`)
 * - agresti-coull: p̃ ± z√(p̃(1−p̃)/ñ), ñ = n + z², p̃ = (x + z²/2)/ñ, clipped to [0, 1]
 * - jeffreys: Beta(x + ½, n − x + ½) quantiles, 0 when x = 0 and 1 when x = n
 * @example binomialInterval(552, 1000, 'wilson', 0.95) // [0.5211…, 0.5825…]
 */
export function binomialInterval(count: number, n: number, method: BinomialCiMethod, level: number): [number, number] {
  const alpha = 1 - level;
  const z = normalQuantile(1 - alpha / 2);
  const p = count / n;
  switch (method) {
    case 'wilson': {
      const z2 = z * z;
      const center = (p + z2 / (2 * n)) / (1 + z2 / n);
      const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      // prop.test sets the bound at a share of 0 or 1 to exactly 0 or 1 (center ∓ half rounds).
      return [count <= 0 ? 0 : Math.max(0, center - half), count >= n ? 1 : Math.min(1, center + half)];
    }
    case 'clopper-pearson':
      return [count === 0 ? 0 : betaQuantile(alpha / 2, count, n - count + 1), count === n ? 1 : betaQuantile(1 - alpha / 2, count + 1, n - count)];
    case 'agresti-coull': {
      const nTilde = n + z * z;
      const pTilde = (count + (z * z) / 2) / nTilde;
      const half = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
      return [Math.max(0, pTilde - half), Math.min(1, pTilde + half)];
    }
    case 'jeffreys':
      return [count === 0 ? 0 : betaQuantile(alpha / 2, count + 0.5, n - count + 0.5), count === n ? 1 : betaQuantile(1 - alpha / 2, count + 0.5, n - count + 0.5)];
  }
}

/**
 * Confidence interval of a design-based share p with linearization SE s, `df` design degrees of
 * freedom (R `degf()`) and `n` sample rows, as R `survey::svyciprop(method = ...)`, t = t_{df}(1 − α/2):
 * - logit: the Wald interval of the intercept-only quasibinomial `svyglm`; xlogit: `svycontrast` of
 *   log(p/(1−p)) on `svymean`. Both are expit(logit p ± t · s/(p(1−p))) (the sandwich SE of that
 *   intercept is the delta-method SE), so they share `logitInterval`.
 * - mean: the Wald interval p ± t · s (`confint(svymean, df = degf)`), not clipped to [0, 1].
 * - asin: `svycontrast` of asin(√p), sin²(asin √p ± t · s/(2√(p(1−p)))), as R (sin² folds a bound
 *   past 0 or π/2 back into [0, 1]).
 * - likelihood needs the rows, not only p and s: see likelihoodShareInterval.
 * - beta: Korn & Graubard — effective n* = p(1−p)/s² · (t_{n−1}/t_{df})², then
 *   qbeta(α/2; n*p, n*(1−p) + 1) … qbeta(1 − α/2; n*p + 1, n*(1−p)).
 * A share of 0 or 1 has no logit or arcsine to scale: xlogit, asin and beta are NaN as in R; R's
 * logit fit does not converge there and prints an interval that does not hold the estimate
 * (≈ [1e-11, 3e-10] around a share of 0, or [0, NaN]), so logit is NaN too (see degenerateShareNote).
 * With no design degrees of freedom (a domain in one PSU) every t-based interval is NaN, as R's.
 */
export function designShareInterval(method: Exclude<DesignCiMethod, 'likelihood'>, share: number, standardError: number, df: number, n: number, level: number): [number, number] {
  const alpha = 1 - level;
  switch (method) {
    case 'logit':
    case 'xlogit':
      return logitInterval(share, standardError, df, level);
    case 'mean': {
      const half = tQuantile(1 - alpha / 2, df) * standardError;
      return [share - half, share + half];
    }
    case 'asin': {
      const half = (tQuantile(1 - alpha / 2, df) * standardError) / (2 * Math.sqrt(share * (1 - share)));
      const centre = Math.asin(Math.sqrt(share));
      return [Math.sin(centre - half) ** 2, Math.sin(centre + half) ** 2];
    }
    case 'beta': {
      if (share <= 0 || share >= 1) return [NaN, NaN];
      const nEff = ((share * (1 - share)) / (standardError * standardError)) * (tQuantile(alpha / 2, n - 1) / tQuantile(alpha / 2, df)) ** 2;
      return [betaQuantile(alpha / 2, nEff * share, nEff * (1 - share) + 1), betaQuantile(1 - alpha / 2, nEff * share + 1, nEff * (1 - share))];
    }
  }
}

/**
 * Logit interval of a design-based share: expit(logit p ± t_{df} · SE/(p(1−p))), the Wald interval
 * of the intercept-only quasibinomial `svyglm` (R `survey::svyciprop(method = "logit")`).
 * A share of 0 or 1 has no logit: NaN.
 */
function logitInterval(share: number, standardError: number, df: number, level: number): [number, number] {
  if (share <= 0 || share >= 1) return [NaN, NaN];
  const t = tQuantile(1 - (1 - level) / 2, df);
  const logit = Math.log(share / (1 - share));
  const half = (t * standardError) / (share * (1 - share));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return [expit(logit - half), expit(logit + half)];
}
