import { normalCdf, normalQuantile, normalUpperTail } from '../../math/distributions/index.js';

/** A cumulative link: F, its upper tail 1 − F (computed directly), density f, f′ and F⁻¹. */
export interface OrdinalLink {
  cdf(x: number): number;
  upper(x: number): number;
  density(x: number): number;
  densityDerivative(x: number): number;
  quantile(p: number): number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Logistic (R: `polr(method = "logistic")`) and probit (`method = "probit"`) links. */
export const ORDINAL_LINKS: Record<'ologit' | 'oprobit', OrdinalLink> = {
  ologit: {
    cdf: logistic,
    upper: (x) => logistic(-x),
    density: (x) => {
      const f = logistic(x);
      return f * (1 - f);
    },
    densityDerivative: (x) => {
      const f = logistic(x);
      return f * (1 - f) * (1 - 2 * f);
    },
    quantile: (p) => Math.log(p / (1 - p)),
  },
  oprobit: {
    cdf: normalCdf,
    upper: normalUpperTail,
    density: (x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI),
    densityDerivative: (x) => (-x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
    quantile: normalQuantile,
  },
};
