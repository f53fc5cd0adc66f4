import { lazyStdlib } from './lazy-stdlib.js';

const gammaln = lazyStdlib('@stdlib/math-base-special-gammaln');

/**
 * Natural log of |Γ(x)| (R: `lgamma(x)`): log binomial coefficients of exact tests.
 * @example logGamma(5) // = log(24)
 */
export function logGamma(x: number): number {
  return gammaln(x);
}
