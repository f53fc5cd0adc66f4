import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { normalQuantile } from '../../math/distributions/normal-quantile.js';
import { caseWeights } from '../variance/design-variance.js';
import { groupDomains } from './group-domains.js';
import { numericValues } from './numeric-values.js';
import { totalDesignEffect, totalVariance } from '../variance/total-variance.js';
import { variableLabel } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';
import { weightingKind, type WeightingKind } from '../variance/weighting-kind.js';

/** Which ratio of totals, by what group. */
export interface RatioSpec {
  numerator: string;
  denominator: string;
  by?: string;
  /** Confidence level, default 0.95. */
  level?: number;
  lang?: Lang;
}

/** The ratio of totals in one domain. */
export interface RatioGroup {
  readonly by: string | null;
  readonly level: string;
  readonly code: Code | null;
  /** Rows in the domain with both values (summed frequency weights with `--freq`). */
  readonly n: number;
  readonly ratio: number;
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
  /** svyratio's design effect (deff = TRUE); NaN without sampling weights, where R's is infinite. */
  readonly deff: number;
  /** Why a number is missing (a denominator totalling 0), when it is. */
  readonly note: string | null;
}

/** A ratio of two totals overall and by group. */
export interface RatioResult {
  readonly numerator: string;
  readonly denominator: string;
  /** "numerator/denominator", as R names the ratio. */
  readonly variable: string;
  readonly label: string;
  readonly level: number;
  readonly weights: WeightingKind;
  readonly by: string | null;
  readonly groups: readonly RatioGroup[];
}

/**
 * Ratio of totals Σ wᵢaᵢ / Σ wᵢbᵢ over the rows where `domain` is 1 (all when null) and both a and b
 * are present: R `svyratio(~a, ~b, design)`'s point estimate as a pure function of the weights, so
 * replicate weights can re-run it. NaN (0/0) or ±Infinity when the denominator totals 0.
 * @example ratioWith(Float64Array.of(1, 1), Float64Array.of(2, 4), Float64Array.of(1, 2), null) // 2
 */
export function ratioWith(weights: Float64Array, a: Float64Array, b: Float64Array, domain: Uint8Array | null): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    if ((domain && !domain[i]) || Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
    num += weights[i] * a[i];
    den += weights[i] * b[i];
  }
  return num / den;
}

/**
 * Ratio of the totals of two numeric variables overall and in each level of `by` (R `svyratio(~a,
 * ~b, design, deff = TRUE, na.rm = TRUE)`, `svyby(~a, ~by, design, svyratio, denominator = ~b)`):
 * R̂ = Σwa/Σwb over rows with both values; linearization SE from the influence values
 * wᵢ(aᵢ − R̂bᵢ)/Σwb; normal interval as `confint(svyratio(...))`; deff as svyratio's (that of the
 * total of (a − R̂b)/Σwb). Without sampling weights: weight 1 as `svydesign(ids = ~1, weights = ~one)`
 * (frequency weights: expanded rows), deff NaN. A denominator totalling 0 gives NaN with a note.
 * @example estimateRatio(design, { numerator: 'api_stu', denominator: 'enroll' }).groups[0].ratio
 */
export function estimateRatio(design: Design, spec: RatioSpec): RatioResult {
  const lang = spec.lang ?? 'zh';
  const level = spec.level ?? 0.95;
  const a = numericValues(design.table, spec.numerator, 'ratio');
  const b = numericValues(design.table, spec.denominator, 'ratio');
  const w = caseWeights(design);
  const q = normalQuantile(1 - (1 - level) / 2);
  const groups = groupDomains(design, spec.by, lang).map((domain): RatioGroup => {
    const base = { by: domain.by, level: domain.level, code: domain.code };
    const inDomain = (i: number) => (!domain.mask || domain.mask[i] === 1) && !Number.isNaN(a[i]) && !Number.isNaN(b[i]);
    let n = 0;
    let den = 0;
    for (let i = 0; i < a.length; i++) {
      if (!inDomain(i)) continue;
      n += design.freq ? design.freq[i] : 1;
      den += w[i] * b[i];
    }
    const ratio = ratioWith(w, a, b, domain.mask);
    if (den === 0 || n === 0) {
      const note = n === 0 ? 'no rows with both values in this group' : `the denominator ${spec.denominator} totals 0 in this group`;
      return { ...base, n, ratio: NaN, standardError: NaN, confLow: NaN, confHigh: NaN, deff: NaN, note };
    }
    // r = (a − R̂b)/Σwb: the linearized ratio; its weighted total is the influence for the variance.
    const r = new Float64Array(a.length);
    const z = new Float64Array(a.length);
    const mask = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) {
      if (!inDomain(i)) continue;
      mask[i] = 1;
      r[i] = (a[i] - ratio * b[i]) / den;
      z[i] = r[i] * w[i];
    }
    const variance = totalVariance(design, z, mask, { estimate: ratio, with: (wr) => ratioWith(wr, a, b, domain.mask) });
    const standardError = Math.sqrt(variance);
    const deff = totalDesignEffect(design, r, mask, variance);
    return { ...base, n, ratio, standardError, confLow: ratio - q * standardError, confHigh: ratio + q * standardError, deff, note: null };
  });
  return {
    numerator: spec.numerator,
    denominator: spec.denominator,
    variable: `${spec.numerator}/${spec.denominator}`,
    label: `${variableLabel(design.table, spec.numerator, lang)} / ${variableLabel(design.table, spec.denominator, lang)}`,
    level,
    weights: weightingKind(design),
    by: spec.by ?? null,
    groups,
  };
}
