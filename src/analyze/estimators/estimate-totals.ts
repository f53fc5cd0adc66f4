import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { normalQuantile } from '../../math/distributions/normal-quantile.js';
import { categoryLevels } from '../../core/category-levels.js';
import { caseWeights } from '../variance/design-variance.js';
import { groupDomains } from './group-domains.js';
import { numericValues } from './numeric-values.js';
import { totalDesignEffect, totalVariance } from '../variance/total-variance.js';
import { variableLabel, variableOf } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';
import { weightingKind, type WeightingKind } from '../variance/weighting-kind.js';

/** Which variable to total, by what group. */
export interface TotalsSpec {
  variable: string;
  by?: string;
  /** Confidence level, default 0.95. */
  level?: number;
  lang?: Lang;
}

/** The estimated total in one domain (of the variable, or of one category's count). */
export interface TotalGroup {
  readonly by: string | null;
  readonly level: string;
  readonly code: Code | null;
  /** The category counted (its label), or null for the total of a numeric variable. */
  readonly value: string | null;
  readonly valueCode: Code | null;
  /** Rows in the domain with a value (summed frequency weights with `--freq`). */
  readonly n: number;
  /** Of those, rows in the category (categorical variables; = n for numeric ones). */
  readonly count: number;
  readonly total: number;
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
  /** svytotal's design effect (deff = TRUE); NaN without sampling weights, where R's is infinite. */
  readonly deff: number;
  readonly note: string | null;
}

/** Totals of one variable overall and by group. */
export interface TotalsResult {
  readonly variable: string;
  readonly label: string;
  /** True when the variable is categorical: one total (estimated count) per category. */
  readonly categorical: boolean;
  readonly level: number;
  readonly weights: WeightingKind;
  readonly by: string | null;
  /** Domain by domain ("all" first); within a domain, category by category. */
  readonly groups: readonly TotalGroup[];
}

/**
 * Horvitz-Thompson total Σ wᵢyᵢ over the rows where `domain` is 1 (all rows when null) and y is not
 * NaN: the point estimate of R `svytotal` (`svyby(…, svytotal)` for a domain) as a pure function of
 * the weights, so replicate weights can re-run it.
 * @example totalWith(Float64Array.of(2, 3), Float64Array.of(10, 20), null) // 80
 */
export function totalWith(weights: Float64Array, y: Float64Array, domain: Uint8Array | null): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) if ((!domain || domain[i]) && !Number.isNaN(y[i])) total += weights[i] * y[i];
  return total;
}

/** 1 where the value indicates category k, 0 for another category, NaN where missing. */
function indicator(index: Int32Array, k: number): Float64Array {
  const y = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) y[i] = index[i] < 0 ? NaN : index[i] === k ? 1 : 0;
  return y;
}

interface DomainTotal {
  n: number;
  count: number;
  total: number;
  variance: number;
  deff: number;
}

/** The total of y in a domain, its variance from the influence values wᵢyᵢ, and svytotal's deff. */
function domainTotal(design: Design, y: Float64Array, domain: Uint8Array | null): DomainTotal {
  const w = caseWeights(design);
  const z = new Float64Array(y.length);
  const mask = new Uint8Array(y.length);
  let n = 0;
  let count = 0;
  for (let i = 0; i < y.length; i++) {
    if ((domain && !domain[i]) || Number.isNaN(y[i])) continue;
    mask[i] = 1;
    z[i] = w[i] * y[i];
    n += design.freq ? design.freq[i] : 1;
    if (y[i] !== 0) count += design.freq ? design.freq[i] : 1;
  }
  const total = totalWith(w, y, domain);
  const variance = totalVariance(design, z, mask, { estimate: total, with: (wr) => totalWith(wr, y, domain) });
  return { n, count, total, variance, deff: totalDesignEffect(design, y, mask, variance) };
}

/**
 * Estimated population totals of a variable overall and in each level of `by`: the total Σ wᵢyᵢ of a
 * numeric variable, or the estimated count of each category of a categorical one (R `svytotal(~y)`,
 * `svytotal(~factor)`, `svyby(~y, ~by, design, svytotal, deff = TRUE, na.rm = TRUE)`). SE from the
 * linearization variance of the influence values wᵢyᵢ (zero outside the domain), normal interval as
 * `confint(svytotal(...))`, deff = V / (svyvar(y) N² (N − n)/(N n)). Without sampling weights the
 * design is R's `svydesign(ids = ~1, weights = ~one)`: the sample total, SE √(n/(n − 1) Σ(zᵢ − z̄)²)
 * (= n × s/√n overall), deff NaN; frequency weights count as expanded rows.
 * @example estimateTotals(design, { variable: 'enroll', by: 'stype' }).groups[0].total
 */
export function estimateTotals(design: Design, spec: TotalsSpec): TotalsResult {
  const lang = spec.lang ?? 'zh';
  const level = spec.level ?? 0.95;
  const { table } = design;
  const variable = variableOf(table, spec.variable);
  const categorical = table.column(spec.variable).kind === 'text' || Boolean(variable?.choices?.length);
  const columns: { value: string | null; valueCode: Code | null; y: Float64Array }[] = [];
  if (categorical) {
    const levels = categoryLevels(table, spec.variable, lang);
    levels.codes.forEach((code, k) => columns.push({ value: levels.labels[k], valueCode: code, y: indicator(levels.index, k) }));
  } else {
    columns.push({ value: null, valueCode: null, y: numericValues(table, spec.variable, 'total') });
  }
  const q = normalQuantile(1 - (1 - level) / 2);
  const groups: TotalGroup[] = [];
  for (const domain of groupDomains(design, spec.by, lang)) {
    for (const { value, valueCode, y } of columns) {
      const t = domainTotal(design, y, domain.mask);
      const standardError = Math.sqrt(t.variance);
      groups.push({
        by: domain.by, level: domain.level, code: domain.code, value, valueCode, n: t.n, count: categorical ? t.count : t.n,
        total: t.total, standardError, confLow: t.total - q * standardError, confHigh: t.total + q * standardError, deff: t.deff,
        note: t.n === 0 ? 'no values in this group' : null,
      });
    }
  }
  return { variable: spec.variable, label: variableLabel(table, spec.variable, lang), categorical, level, weights: weightingKind(design), by: spec.by ?? null, groups };
}
