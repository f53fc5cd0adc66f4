import { UsageError } from '../../core/errors.js';
import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { dd, ddAdd } from '../../math/double-double.js';
import { tQuantile } from '../../math/distributions/t-quantile.js';
import { caseWeights } from '../variance/design-variance.js';
import { groupDomains } from './group-domains.js';
import { numericValues } from './numeric-values.js';
import { QUANTILE_RULES, weightedQuantile, type QuantileRule } from './quantile-rules.js';
import { domainDegreesOfFreedom, totalVariance } from '../variance/total-variance.js';
import { variableLabel } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';
import { weightingKind, type WeightingKind } from '../variance/weighting-kind.js';

/** Which quantiles of which variable, by what group. */
export interface QuantilesSpec {
  variable: string;
  /** Probabilities in [0, 1], e.g. [0.25, 0.5, 0.75]. */
  probs: readonly number[];
  by?: string;
  /** R survey's qrule; default "math". */
  rule?: QuantileRule;
  /** Confidence level, default 0.95. */
  level?: number;
  lang?: Lang;
}

/** One quantile in one domain, with its Woodruff interval and the SE derived from it. */
export interface QuantileGroup {
  readonly by: string | null;
  readonly level: string;
  readonly code: Code | null;
  /** Rows in the domain with a value (summed frequency weights with `--freq`). */
  readonly n: number;
  readonly prob: number;
  readonly quantile: number;
  /** (conf_high − conf_low) / (2 t_df); NaN when a limit is. */
  readonly standardError: number;
  /** NaN when the interval on the CDF scale leaves [0, 1] (R gives NaN) or the domain has df 0. */
  readonly confLow: number;
  readonly confHigh: number;
  /** Design degrees of freedom of the domain (R `degf()` of the subset). */
  readonly df: number;
  readonly note: string | null;
}

/** Quantiles of one variable overall and by group. */
export interface QuantilesResult {
  readonly variable: string;
  readonly label: string;
  readonly rule: QuantileRule;
  readonly level: number;
  readonly weights: WeightingKind;
  readonly by: string | null;
  /** Domain by domain ("all" first); within a domain, probability by probability. */
  readonly groups: readonly QuantileGroup[];
}

/**
 * The p-quantile of y over the rows where `domain` is 1 (all when null) and y is not NaN, with the
 * given weights (R `svyquantile`'s point estimate, `qrule` as there): a pure function of the weights,
 * so replicate weights can re-run it.
 * @example quantileWith(Float64Array.of(1, 1, 1), Float64Array.of(3, 1, 2), null, 0.5) // 2
 */
export function quantileWith(weights: Float64Array, y: Float64Array, domain: Uint8Array | null, p: number, rule: QuantileRule = 'math'): number {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if ((domain && !domain[i]) || Number.isNaN(y[i])) continue;
    x.push(y[i]);
    w.push(weights[i]);
  }
  return weightedQuantile(x, w, p, rule);
}

/**
 * The weights as R's svyquantile reads them: svydesign stores 1/w and `weights()` gives back 1/(1/w),
 * which can differ from w in the last bit; a step rule's p·Σw then ties a cumulative weight where R's does.
 */
function rWeights(design: Design): Float64Array {
  return design.weights ? design.weights.map((w) => 1 / (1 / w)) : caseWeights(design);
}

/** Rules that interpolate, so that weighted rows and expanded rows give different values. */
const INTERPOLATING = new Set<QuantileRule>(['hf4', 'hf5', 'hf6', 'hf7', 'hf8', 'hf9']);

/**
 * The rows and weights the rule is applied to: the design's own, or with frequency weights the rows
 * expanded (every rule then gives what it gives on the expanded data, even R's p = 0 edge, which
 * takes the second-smallest row). Fractional frequencies are used as weights by the step rules.
 */
function ruleInput(design: Design, y: Float64Array, mask: Uint8Array, rule: QuantileRule) {
  const weights = rWeights(design);
  const freq = design.freq;
  if (!freq) return { weights, y, mask };
  const whole = freq.every((f) => Number.isInteger(f));
  if (!whole && !INTERPOLATING.has(rule)) return { weights, y, mask };
  const values: number[] = [];
  freq.forEach((f, i) => {
    if (!Number.isInteger(f)) throw new UsageError(`--qrule ${rule} with --freq needs whole frequencies, not ${f} (row ${design.table.sourceRows[i]})`, { hint: 'use --qrule math, school, hf1, hf2 or hf3, which do not interpolate' });
    if (mask[i]) for (let k = 0; k < f; k++) values.push(y[i]);
  });
  return { weights: new Float64Array(values.length).fill(1), y: Float64Array.from(values), mask: null };
}

/**
 * Quantiles of a numeric variable overall and in each level of `by`, as R `svyquantile(~y, design,
 * probs, ci = TRUE, se = TRUE, na.rm = TRUE)` with its 4.x defaults (`qrule = "math"`,
 * `interval.type = "mean"`) and `svyby(…, svyquantile)`. The interval is Woodruff's: the estimated
 * CDF at the quantile, p̂ = svymean(y ≤ q̂), gets the interval p̂ ± t_df SE(p̂) (linearization SE,
 * df = degf of the domain), and its limits are mapped back through the quantile rule (NaN when a
 * limit leaves [0, 1]); SE = (upper − lower) / (2 t_df). Without sampling weights: the same with
 * weight 1, as `svydesign(ids = ~1, weights = ~one)` (frequency weights: as on the expanded rows).
 * @example estimateQuantiles(design, { variable: 'income', probs: [0.5] }).groups[0].quantile // the median
 */
export function estimateQuantiles(design: Design, spec: QuantilesSpec): QuantilesResult {
  const lang = spec.lang ?? 'zh';
  const level = spec.level ?? 0.95;
  const rule = spec.rule ?? 'math';
  if (!QUANTILE_RULES.includes(rule)) throw new UsageError(`unknown quantile rule "${rule}"`, { hint: `use one of ${QUANTILE_RULES.join(', ')}` });
  for (const p of spec.probs) {
    if (!(p >= 0 && p <= 1)) throw new UsageError(`probabilities must be between 0 and 1, not ${p}`, { hint: 'e.g. --probs 0.25,0.5,0.75' });
  }
  const y = numericValues(design.table, spec.variable, 'quantiles');
  const freq = design.freq;
  const groups: QuantileGroup[] = [];
  for (const domain of groupDomains(design, spec.by, lang)) {
    const mask = new Uint8Array(y.length);
    let n = 0;
    for (let i = 0; i < y.length; i++) {
      if ((domain.mask && !domain.mask[i]) || Number.isNaN(y[i])) continue;
      mask[i] = 1;
      n += freq ? freq[i] : 1;
    }
    const df = domainDegreesOfFreedom(design, mask);
    const input = ruleInput(design, y, mask, rule);
    const ruleAt = (p: number) => quantileWith(input.weights, input.y, input.mask, p, rule);
    for (const prob of spec.probs) {
      const base = { by: domain.by, level: domain.level, code: domain.code, n, prob, df };
      if (n === 0) {
        groups.push({ ...base, quantile: NaN, standardError: NaN, confLow: NaN, confHigh: NaN, note: 'no values in this group' });
        continue;
      }
      const quantile = ruleAt(prob);
      if (Number.isNaN(quantile)) {
        // hf4 at p = 1 (0/0 in R's interpolation weight): R's interval is then NA too.
        groups.push({ ...base, quantile, standardError: NaN, confLow: NaN, confHigh: NaN, note: `rule ${rule} gives no quantile at p = ${prob}` });
        continue;
      }
      const { confLow, confHigh, standardError } = woodruffInterval(design, y, mask, quantile, df, level, ruleAt);
      groups.push({ ...base, quantile, standardError, confLow, confHigh, note: df > 0 ? null : 'no degrees of freedom in this group (one PSU, or one row): no interval' });
    }
  }
  return { variable: spec.variable, label: variableLabel(design.table, spec.variable, lang), rule, level, weights: weightingKind(design), by: spec.by ?? null, groups };
}

/** R survey's `woodruffCI(method = "mean")` and the SE svyquantile derives from it. */
function woodruffInterval(design: Design, y: Float64Array, mask: Uint8Array, quantile: number, df: number, level: number, ruleAt: (p: number) => number) {
  // svymean(y <= q̂): Σ (Iᵢwᵢ)/Σw accumulated as R's colSums (long double; double-double here).
  const w = rWeights(design);
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < y.length; i++) if (mask[i]) (ddAdd(hi, lo, w[i], 0), ([hi, lo] = dd));
  const psum = hi + lo;
  hi = lo = 0;
  for (let i = 0; i < y.length; i++) if (mask[i] && y[i] <= quantile) (ddAdd(hi, lo, w[i] / psum, 0), ([hi, lo] = dd));
  const cdf = hi + lo;
  const z = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) if (mask[i]) z[i] = (((y[i] <= quantile ? 1 : 0) - cdf) * w[i]) / psum;
  const se = Math.sqrt(totalVariance(design, z, mask, {
    estimate: cdf,
    // svymean(I(y <= q̂)) with a replicate's weights: R's woodruffCI on a replicate design.
    with: (wr) => {
      let below = 0;
      let all = 0;
      for (let i = 0; i < y.length; i++) {
        if (!mask[i]) continue;
        all += wr[i];
        if (y[i] <= quantile) below += wr[i];
      }
      return below / all;
    },
  }));
  // tconfint: coef + SE · qt(c(a, 1 − a), df), a = (1 − level)/2.
  const a = (1 - level) / 2;
  const low = cdf + se * tQuantile(a, df);
  const high = cdf + se * tQuantile(1 - a, df);
  const confLow = Number.isNaN(low) || low < 0 ? NaN : ruleAt(low);
  const confHigh = Number.isNaN(high) || high > 1 ? NaN : ruleAt(high);
  const alpha = 1 - level;
  return { confLow, confHigh, standardError: (confHigh - confLow) / (2 * tQuantile(1 - alpha / 2, df)) };
}
