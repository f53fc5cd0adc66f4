/** R's logit link with its guards (`make.link("logit")` in C: ±30 thresholds, DBL_EPSILON floors). */
const THRESH = 30;
const expit = (eta: number) => {
  const x = eta < -THRESH ? Number.EPSILON : eta > THRESH ? 1 / Number.EPSILON : Math.exp(eta);
  return x / (1 + x);
};
const muEta = (eta: number) => (eta > THRESH || eta < -THRESH ? Number.EPSILON : Math.exp(eta) / (1 + Math.exp(eta)) ** 2);

/** The intercept-only logistic fit as R's `glm.fit` leaves it. */
export interface InterceptFit {
  /** The intercept where IRLS stopped (not exactly logit of the weighted share: R stops at a 1e-8 deviance change). */
  readonly coefficient: number;
  /** `summary(glm)$cov.unscaled`: 1/Σ working weights of the last iteration, which were computed from the mean before it. */
  readonly naiveVariance: number;
  /** Binomial deviance at an intercept b (R `binomial()$dev.resids` summed). */
  readonly deviance: (b: number) => number;
}

/**
 * Fits y ~ 1 by R's `glm.fit` with the (quasi)binomial family and prior weights `wt` (y in {0, 1}),
 * iteration for iteration: start μ = (wt·y + ½)/(wt + 1), IRLS until |Δdeviance|/(|deviance| + 0.1)
 * < 1e-8 (at most 25 iterations). Replicated rather than solved in closed form because R's
 * profile-likelihood interval depends on where the iteration stopped (see likelihoodShareInterval).
 */
export function quasibinomialIntercept(y: readonly number[], wt: readonly number[]): InterceptFit {
  const n = y.length;
  const deviance = (b: number) => {
    const mu = expit(b);
    let d = 0;
    for (let i = 0; i < n; i++) d += 2 * wt[i] * (y[i] === 1 ? -Math.log(mu) : -Math.log(1 - mu));
    return d;
  };
  let eta = y.map((v, i) => {
    const mu = (wt[i] * v + 0.5) / (wt[i] + 1);
    return Math.log(mu / (1 - mu));
  });
  let devOld = 0;
  for (let i = 0; i < n; i++) {
    const mu = expit(eta[i]);
    devOld += 2 * wt[i] * (y[i] === 1 ? -Math.log(mu) : -Math.log(1 - mu));
  }
  let coefficient = 0;
  let naiveVariance = NaN;
  for (let iteration = 0; iteration < 25; iteration++) {
    let sw = 0;
    let swz = 0;
    for (let i = 0; i < n; i++) {
      const mu = expit(eta[i]);
      const me = muEta(eta[i]);
      const w2 = (wt[i] * me * me) / (mu * (1 - mu));
      sw += w2;
      swz += w2 * (eta[i] + (y[i] - mu) / me);
    }
    coefficient = swz / sw;
    naiveVariance = 1 / sw;
    eta = eta.map(() => coefficient);
    const dev = deviance(coefficient);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) break;
    devOld = dev;
  }
  return { coefficient, naiveVariance, deviance };
}
