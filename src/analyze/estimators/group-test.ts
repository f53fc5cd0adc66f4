/** A test that a mean or share is the same in every group of `--by` (more than two groups). */
export interface GroupTest {
  /**
   * The R call it matches: `aov` (one-way F), `regTermTest` (design-based Wald F of
   * `svyglm(y ~ g)`), `chisq.test` (Pearson X²), `svychisq` (Rao-Scott F).
   */
  readonly test: 'aov' | 'regTermTest' | 'chisq.test' | 'svychisq';
  readonly statistic: number;
  /** Degrees of freedom of X², or the numerator df of F. */
  readonly df: number;
  /** Denominator df of F; null for X². */
  readonly ddf: number | null;
  readonly pValue: number;
}
