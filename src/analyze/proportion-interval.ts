import { UsageError } from '../core/errors.js';
import { betaQuantile } from '../math/distributions/beta-quantile.js';
import { normalQuantile } from '../math/distributions/normal-quantile.js';
import { tQuantile } from '../math/distributions/t-quantile.js';

/** Confidence interval methods for a share. */
export type CiMethod = 'wilson' | 'clopper-pearson' | 'agresti-coull' | 'jeffreys' | 'logit';

export const CI_METHODS: readonly CiMethod[] = ['wilson', 'clopper-pearson', 'agresti-coull', 'jeffreys', 'logit'];

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
export function binomialInterval(count: number, n: number, method: Exclude<CiMethod, 'logit'>, level: number): [number, number] {
  const alpha = 1 - level;
  const z = normalQuantile(1 - alpha / 2);
  const p = count / n;
  switch (method) {
    case 'wilson': {
      const z2 = z * z;
      const center = (p + z2 / (2 * n)) / (1 + z2 / n);
      const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      return [Math.max(0, center - half), Math.min(1, center + half)];
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
 * Logit interval of a design-based share: expit(logit p ± t_{df} · SE/(p(1−p))), the Wald interval
 * of the intercept-only quasibinomial `svyglm` (R `survey::svyciprop(method = "logit")`).
 * A share of 0 or 1 has no logit; its interval is the point itself.
 */
export function logitInterval(share: number, standardError: number, df: number, level: number): [number, number] {
  if (share <= 0 || share >= 1) return [share, share];
  const t = tQuantile(1 - (1 - level) / 2, df);
  const logit = Math.log(share / (1 - share));
  const half = (t * standardError) / (share * (1 - share));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return [expit(logit - half), expit(logit + half)];
}
