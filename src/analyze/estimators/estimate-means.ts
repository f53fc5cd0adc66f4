import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { fUpperTail } from '../../math/distributions/f-upper-tail.js';
import { normalQuantile } from '../../math/distributions/normal-quantile.js';
import { tQuantile } from '../../math/distributions/t-quantile.js';
import { isDesignBased } from '../variance/design-variance.js';
import { designDifference, tDifference, type DomainDifference } from '../variance/domain-difference.js';
import type { DomainMean } from '../variance/domain-mean-result.js';
import { domainMean } from '../variance/domain-mean.js';
import { designMeansWaldTest } from './design-means-wald-test.js';
import { groupDomains, type Domain } from './group-domains.js';
import type { GroupTest } from './group-test.js';
import { numericValues } from './numeric-values.js';
import { variableLabel } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';
import { weightingKind, type WeightingKind } from '../variance/weighting-kind.js';

/** Which variable to average, by what group. */
export interface MeansSpec {
  variable: string;
  by?: string;
  level?: number;
  lang?: Lang;
}

/** The mean in one domain; NaN with a note when the domain has too few values. */
export interface MeanGroup {
  readonly by: string | null;
  readonly level: string;
  readonly code: Code | null;
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
  readonly deff: number;
  readonly note: string | null;
}

/** One-way analysis of variance of the groups (R `summary(aov(y ~ g))`). */
export interface OneWayAnova extends GroupTest {
  readonly test: 'aov';
  readonly sumSquaresBetween: number;
  readonly sumSquaresWithin: number;
  readonly dfBetween: number;
  readonly dfWithin: number;
  readonly statistic: number;
  readonly pValue: number;
}

/** Means overall and by group, the difference of two groups and the ANOVA of all groups. */
export interface MeansResult {
  readonly variable: string;
  readonly label: string;
  readonly level: number;
  readonly weights: WeightingKind;
  readonly by: string | null;
  readonly groups: readonly MeanGroup[];
  /** Second group − third when `by` has exactly two levels: Welch t (unweighted), svyttest (design-based). */
  readonly difference: DomainDifference | null;
  /**
   * Equal means in every group, when `by` has at least two groups with values: the one-way ANOVA
   * unweighted, the Wald F of `regTermTest(svyglm(y ~ g), ~g)` design-based.
   */
  readonly anova: OneWayAnova | GroupTest | null;
}

/** The one-way ANOVA of the groups from their n, means and SDs (R `summary(aov(y ~ g))`). */
export function anovaOf(groups: readonly MeanGroup[]): OneWayAnova | null {
  const valid = groups.filter((g) => g.n > 0);
  const n = valid.reduce((a, g) => a + g.n, 0);
  if (valid.length < 2 || n <= valid.length) return null;
  // The grand mean of the rows that have a group (rows missing `by` are not in the ANOVA).
  const grand = valid.reduce((a, g) => a + g.n * g.mean, 0) / n;
  const sumSquaresBetween = valid.reduce((a, g) => a + g.n * (g.mean - grand) ** 2, 0);
  const sumSquaresWithin = valid.reduce((a, g) => a + (g.n > 1 ? (g.n - 1) * g.sd * g.sd : 0), 0);
  const dfBetween = valid.length - 1;
  const dfWithin = n - valid.length;
  const statistic = sumSquaresBetween / dfBetween / (sumSquaresWithin / dfWithin);
  const pValue = fUpperTail(statistic, dfBetween, dfWithin);
  return { test: 'aov', sumSquaresBetween, sumSquaresWithin, dfBetween, dfWithin, statistic, df: dfBetween, ddf: dfWithin, pValue };
}

/** regTermTest of `svyglm(y ~ g)` over the groups with a mean (the rows with y and a group). */
function designAnova(design: Design, y: Float64Array, domains: readonly Domain[], means: readonly (DomainMean | null)[]): GroupTest | null {
  const used = domains.slice(1).filter((_, k) => means[k + 1] !== null);
  const rows = new Uint8Array(y.length);
  for (const d of used) for (let i = 0; i < y.length; i++) if (d.mask![i] && !Number.isNaN(y[i])) rows[i] = 1;
  return designMeansWaldTest(design, means.slice(1).filter((m): m is DomainMean => m !== null), rows);
}

/**
 * Mean, SD, SE, confidence interval and design effect of a numeric variable overall and in each
 * level of `by`. Unweighted (frequency weights expand rows): SE = s/√n and the t interval of
 * `t.test(y)`; two groups give Welch's `t.test(y ~ g)`, any groups the one-way `aov`. Design-based:
 * linearization SE and deff (R `svymean`/`svyby`, `deff = TRUE`), normal interval as
 * `confint(svymean(...))`, two groups `svyttest`, any groups `regTermTest(svyglm(y ~ g), ~g)`. Throws a UsageError for a text variable.
 * @example estimateMeans(design, { variable: 'income', by: 'area' }).difference?.pValue
 */
export function estimateMeans(design: Design, spec: MeansSpec): MeansResult {
  const level = spec.level ?? 0.95;
  const y = numericValues(design.table, spec.variable, 'mean');
  const designBased = isDesignBased(design);
  const domains = groupDomains(design, spec.by, spec.lang ?? 'zh');
  const means: (DomainMean | null)[] = [];
  const groups = domains.map((domain): MeanGroup => {
    const m = domainMean(design, y, domain.mask);
    means.push(m.n > 1 ? m : null);
    return meanGroup({ by: domain.by, level: domain.level, code: domain.code }, m, designBased, level);
  });
  let difference: DomainDifference | null = null;
  const [, a, b] = domains;
  const [, ma, mb] = means;
  if (domains.length === 3 && ma && mb) {
    if (designBased) {
      const rows = new Uint8Array(y.length);
      for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]) && (a.mask![i] || b.mask![i])) rows[i] = 1;
      difference = designDifference(design, [a.level, b.level], ma, mb, rows, level);
    } else difference = welchDifference(a.level, b.level, ma, mb, level);
  }
  const anova = !spec.by ? null : designBased ? designAnova(design, y, domains, means) : anovaOf(groups.slice(1));
  return meansResult(design, spec, groups, difference, anova);
}

/**
 * A domain's row of estimateMeans from its mean: SE, interval (normal design-based as
 * `confint(svymean)`, t on n − 1 df otherwise) and design effect, or a note when it has none.
 * `m` is kept for the tests between groups only when m.n > 1.
 */
export function meanGroup(base: Pick<MeanGroup, 'by' | 'level' | 'code'>, m: DomainMean, designBased: boolean, level: number): MeanGroup {
  // One value: t.test has no SE; svymean's linearization SE of a one-row domain is 0, and
  // confint() gives [mean, mean] (R svyby), so design-based estimates go on.
  if (!(m.n > 1) && !(designBased && m.n === 1)) {
    const note = m.n === 1 ? 'only one value in this group: no standard error' : 'no values in this group';
    return { ...base, n: m.n, mean: m.n === 1 ? m.mean : NaN, sd: NaN, standardError: NaN, confLow: NaN, confHigh: NaN, deff: NaN, note };
  }
  const standardError = Math.sqrt(m.variance);
  if (m.n === 1) return { ...base, n: 1, mean: m.mean, sd: NaN, standardError, confLow: m.mean, confHigh: m.mean, deff: NaN, note: 'only one value in this group: svymean gives standard error 0' };
  // t.test stops on "data are essentially constant" (SE below 10 ε |mean|): no interval.
  if (!designBased && standardError < 10 * Number.EPSILON * Math.abs(m.mean)) {
    return { ...base, n: m.n, mean: m.mean, sd: m.sd, standardError, confLow: NaN, confHigh: NaN, deff: m.deff, note: 'all values in this group are equal: t.test gives no interval' };
  }
  const q = designBased ? normalQuantile(1 - (1 - level) / 2) : tQuantile(1 - (1 - level) / 2, m.df);
  return { ...base, n: m.n, mean: m.mean, sd: m.sd, standardError, confLow: m.mean - q * standardError, confHigh: m.mean + q * standardError, deff: m.deff, note: null };
}

/** Welch's two-sample t: unequal variances, Satterthwaite degrees of freedom (R `t.test(var.equal = FALSE)`). */
export function welchDifference(first: string, second: string, ma: DomainMean, mb: DomainMean, level: number): DomainDifference {
  const va = ma.variance;
  const vb = mb.variance;
  const df = (va + vb) ** 2 / (va * va / (ma.n - 1) + vb * vb / (mb.n - 1));
  return tDifference(first, second, ma.mean - mb.mean, Math.sqrt(va + vb), df, level, 't.test (Welch)');
}

/** Assembles the result of estimateMeans (also of a streamed estimate). */
export function meansResult(design: Design, spec: MeansSpec, groups: MeanGroup[], difference: DomainDifference | null, anova: OneWayAnova | GroupTest | null): MeansResult {
  return {
    variable: spec.variable,
    label: variableLabel(design.table, spec.variable, spec.lang ?? 'zh'),
    level: spec.level ?? 0.95,
    weights: weightingKind(design),
    by: spec.by ?? null,
    groups,
    difference,
    anova,
  };
}
