import { UsageError } from '../../core/errors.js';
import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { chisquareUpperTail } from '../../math/distributions/chisquare-upper-tail.js';
import { normalQuantile } from '../../math/distributions/normal-quantile.js';
import { caseWeights, isDesignBased } from '../variance/design-variance.js';
import { replicateLogitStandardError } from '../variance/replicate-variance.js';
import { designDifference, type DomainDifference } from '../variance/domain-difference.js';
import type { DomainMean } from '../variance/domain-mean-result.js';
import { domainMean } from '../variance/domain-mean.js';
import { groupDomains } from './group-domains.js';
import type { GroupTest } from './group-test.js';
import { degenerateShareNote } from '../results/degenerate-share-note.js';
import { likelihoodShareInterval } from './likelihood-share-interval.js';
import { sharesGroupTest } from './shares-group-test.js';
import { binomialInterval, BINOMIAL_CI_METHODS, designShareInterval, isDesignCiMethod, type CiMethod, type DesignCiMethod } from './proportion-interval.js';
import { codeLabel, variableLabel, variableOf } from '../../core/variable-labels.js';
import type { Lang } from '../../locale/lang.js';
import { weightingKind, type WeightingKind } from '../variance/weighting-kind.js';

/** What share to estimate: of which answers (`values`, or the `top` K of an ordered item), by what group. */
export interface SharesSpec {
  variable: string;
  /** Answer codes (or their labels) counted as "yes". */
  values?: readonly (Code | string)[];
  /** The K highest categories of an ordered item (e.g. 2 → 比较幸福 + 非常幸福). */
  top?: number;
  by?: string;
  /** Interval method; default wilson unweighted, logit design-based (also xlogit, beta, mean, likelihood, asin there). */
  ci?: CiMethod;
  level?: number;
  lang?: Lang;
}

/** The share in one domain. `share` and its interval are NaN when the domain has no valid answer. */
export interface ShareGroup {
  readonly by: string | null;
  readonly level: string;
  readonly code: Code | null;
  /** Valid answers (summed frequency weights with `--freq`). */
  readonly n: number;
  /** Answers among `values`. */
  readonly count: number;
  readonly share: number;
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
  readonly deff: number;
  /** Why a number is missing, when it is. */
  readonly note: string | null;
}

/** Shares of one variable overall and by group, and the difference of two groups. */
export interface SharesResult {
  readonly variable: string;
  readonly label: string;
  readonly values: readonly Code[];
  readonly valueLabels: readonly string[];
  readonly ciMethod: CiMethod;
  readonly level: number;
  readonly weights: WeightingKind;
  readonly by: string | null;
  readonly groups: readonly ShareGroup[];
  /** Second group − third (the two levels of `by`), when `by` has exactly two levels. */
  readonly difference: DomainDifference | null;
  /** Equal shares in every group, when `by` has more than two groups answering: `chisq.test` unweighted, `svychisq` design-based. */
  readonly anova: GroupTest | null;
}

/** The answer codes counted as yes: `values` (codes or labels) or the `top` K categories. */
export function resolveValues(design: Design, spec: SharesSpec): Code[] {
  const { table } = design;
  const column = table.column(spec.variable);
  const variable = variableOf(table, spec.variable);
  const choices = variable?.choices ?? [];
  if (spec.values && spec.top !== undefined) throw new UsageError('give either --values or --top, not both');
  if (spec.values) {
    return spec.values.map((value) => {
      const byLabel = choices.find((c) => c.label === String(value) || c.labelEn === String(value));
      if (byLabel) return byLabel.code;
      if (column.kind === 'number') {
        const n = Number(value);
        if (String(value).trim() === '' || !Number.isFinite(n)) throw new UsageError(`--values: "${value}" is neither a code nor a label of ${spec.variable}`);
        return n;
      }
      return String(value);
    });
  }
  if (spec.top === undefined) throw new UsageError('say which answers to count: --values a,b or --top K');
  if (!Number.isInteger(spec.top) || spec.top < 1) throw new UsageError(`--top must be a positive integer, not ${spec.top}`);
  if (choices.length && !variable?.ordered) {
    throw new UsageError(`--top needs an ordered item, and ${spec.variable} is not ordered in the codebook`, { hint: 'use --values to name the answers' });
  }
  const codes = choices.length ? choices.map((c) => c.code) : [...new Set(column.values.filter((v) => v !== null && !(typeof v === 'number' && Number.isNaN(v))) as Code[])].sort((a, b) => (a < b ? -1 : 1));
  if (spec.top >= codes.length) throw new UsageError(`--top ${spec.top} would count every answer of ${spec.variable} (${codes.length} categories)`);
  return codes.slice(codes.length - spec.top);
}

/** 1 where the answer is one of `values`, 0 for another answer, NaN when missing. */
export function indicator(design: Design, variable: string, values: readonly Code[]): Float64Array {
  const column = design.table.column(variable);
  const wanted = new Set(values.map(String));
  // Codes repeat: each distinct one is turned into text and looked up once.
  const seen = new Map<Code, number>();
  const y = new Float64Array(column.values.length);
  for (let i = 0; i < y.length; i++) {
    const v = column.values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) y[i] = NaN;
    else {
      let hit = seen.get(v);
      if (hit === undefined) seen.set(v, (hit = wanted.has(String(v)) ? 1 : 0));
      y[i] = hit;
    }
  }
  return y;
}

/**
 * Answers in the domain (n, summed frequency weights with `--freq`) and those among the values
 * (count). Not inlined in the per-domain closure: V8 bailed out of that closure's hot loop on
 * every call (no type feedback yet for the code after it).
 */
function countAnswers(y: Float64Array, mask: Uint8Array | null, freq: Float64Array | null): { count: number; n: number } {
  let count = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    if ((mask && !mask[i]) || Number.isNaN(y[i])) continue;
    const f = freq ? freq[i] : 1;
    n += f;
    count += f * y[i];
  }
  return { count, n };
}

/** Two-sample z test of proportions with the Wald interval of the difference (R `prop.test(x, n, correct = FALSE)`). */
export function proportionDifference(a: ShareGroup, b: ShareGroup, level: number): DomainDifference {
  const estimate = a.share - b.share;
  const pooled = (a.count + b.count) / (a.n + b.n);
  const statistic = (estimate * estimate) / (pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const se = Math.sqrt((a.share * (1 - a.share)) / a.n + (b.share * (1 - b.share)) / b.n);
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return {
    first: a.level,
    second: b.level,
    estimate,
    standardError: se,
    confLow: Math.max(-1, estimate - half),
    confHigh: Math.min(1, estimate + half),
    statistic,
    statisticName: 'X-squared',
    df: 1,
    pValue: chisquareUpperTail(statistic, 1),
    method: 'prop.test(correct = FALSE)',
  };
}

/**
 * Share of answers among `values` overall and in each level of `by`, with SE, confidence interval
 * and design effect. Unweighted: p = x/n, SE = √(p(1−p)/n), interval by `ci` (Wilson = R
 * `prop.test(correct = FALSE)`); frequency weights count a row as f cases. Design-based (sampling
 * weights, strata, clusters): p = Σwy/Σw, linearization SE and deff (R `svymean`/`svyby`,
 * `deff = TRUE`), interval on degf by `ci` (R `svyciprop`, logit by default; see designShareInterval). Two levels of `by` also
 * give their difference: `prop.test` unweighted, `svyttest` design-based; more levels a test of
 * equal shares (`chisq.test` unweighted, `svychisq` design-based).
 * @example estimateShares(design, { variable: 'happiness', top: 2 }).groups[0].share // 0.552
 */
export function estimateShares(design: Design, spec: SharesSpec): SharesResult {
  const level = spec.level ?? 0.95;
  const ciMethod = sharesCiMethod(design, spec);
  const values = resolveValues(design, spec);
  const y = indicator(design, spec.variable, values);
  const freq = design.freq;
  const domains = groupDomains(design, spec.by, spec.lang ?? 'zh');
  const means: (DomainMean | null)[] = [];
  const groups = domains.map((domain): ShareGroup => {
    const { count, n } = countAnswers(y, domain.mask, freq);
    const base = { by: domain.by, level: domain.level, code: domain.code, n, count };
    means.push(null);
    if (n === 0 || !isDesignCiMethod(ciMethod)) return binomialShareGroup(base, ciMethod, level);
    const m = domainMean(design, y, domain.mask);
    means[means.length - 1] = m;
    const standardError = Math.sqrt(m.variance);
    // On a replicate design svyciprop's logit interval takes the replicate SE of logit(p) (each replicate
    // refits the intercept), which designShareInterval expects on the share's scale: × p(1 − p).
    const intervalSe = design.replicates && ciMethod === 'logit' && m.mean > 0 && m.mean < 1
      ? replicateLogitStandardError(design.replicates, m.mean, m.replicateEstimates!) * m.mean * (1 - m.mean)
      : standardError;
    const interval = ciMethod === 'likelihood'
      ? likelihoodShareInterval(y, caseWeights(design), domain.mask, m.mean, standardError, m.df, level)
      : designShareInterval(ciMethod as Exclude<DesignCiMethod, 'likelihood'>, m.mean, intervalSe, m.df, m.n, level);
    return designShareGroup(base, m, interval, ciMethod as DesignCiMethod);
  });
  let difference: DomainDifference | null = null;
  if (groups.length === 3 && groups[1].n > 0 && groups[2].n > 0) {
    const [, a, b] = domains;
    const [, ma, mb] = means;
    if (ma && mb && a.mask && b.mask) {
      const rows = new Uint8Array(y.length);
      for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i]) && (a.mask[i] || b.mask[i])) rows[i] = 1;
      difference = designDifference(design, [a.level, b.level], ma, mb, rows, level);
    } else {
      difference = proportionDifference(groups[1], groups[2], level);
    }
  }
  const anova = groups.slice(1).filter((g) => g.n > 0).length > 2 ? sharesGroupTest(design, y, domains.slice(1), groups.slice(1).map((g) => g.count), groups.slice(1).map((g) => g.n)) : null;
  return sharesResult(design, spec, values, ciMethod, groups, difference, anova);
}

/** The interval method of a share on this design (`spec.ci`, else wilson unweighted and logit design-based), or a UsageError when it does not fit the design. */
export function sharesCiMethod(design: Design, spec: SharesSpec): CiMethod {
  const designBased = isDesignBased(design);
  const ciMethod = spec.ci ?? (designBased ? 'logit' : 'wilson');
  if (designBased && !isDesignCiMethod(ciMethod)) {
    throw new UsageError(`--ci ${ciMethod} is for unweighted shares; design-based shares use the logit (default), xlogit, beta, mean, likelihood or asin interval (svyciprop)`, {
      hint: 'use one of those, or drop --weight/--strata/--cluster',
    });
  }
  if (!designBased && isDesignCiMethod(ciMethod)) {
    throw new UsageError(`--ci ${ciMethod} is a design-based interval; it needs --weight (or --strata/--cluster)`, { hint: `without a design use ${BINOMIAL_CI_METHODS.join(', ')}` });
  }
  return ciMethod;
}

/** A domain's counts, before its share is estimated. */
export type ShareCounts = Pick<ShareGroup, 'by' | 'level' | 'code' | 'n' | 'count'>;

/** The share of a domain without a design (or without answers): count/n, √(p(1 − p)/n) and a binomial interval. */
export function binomialShareGroup(base: ShareCounts, ciMethod: CiMethod, level: number): ShareGroup {
  if (base.n === 0) return { ...base, share: NaN, standardError: NaN, confLow: NaN, confHigh: NaN, deff: NaN, note: 'no valid answers in this group' };
  const share = base.count / base.n;
  const [confLow, confHigh] = binomialInterval(base.count, base.n, ciMethod as Exclude<CiMethod, DesignCiMethod>, level);
  return { ...base, share, standardError: Math.sqrt((share * (1 - share)) / base.n), confLow, confHigh, deff: 1, note: null };
}

/** The design-based share of a domain from its mean (ratio estimate, linearization variance) and interval. */
export function designShareGroup(base: ShareCounts, m: DomainMean, [confLow, confHigh]: [number, number], ciMethod: DesignCiMethod): ShareGroup {
  return { ...base, share: m.mean, standardError: Math.sqrt(m.variance), confLow, confHigh, deff: m.deff, note: degenerateShareNote(ciMethod, m.mean, m.df, confLow, confHigh) };
}

/** Assembles the result of estimateShares (also of a streamed estimate) from its groups and tests. */
export function sharesResult(design: Design, spec: SharesSpec, values: readonly Code[], ciMethod: CiMethod, groups: ShareGroup[], difference: DomainDifference | null, anova: GroupTest | null): SharesResult {
  const lang = spec.lang ?? 'zh';
  return {
    variable: spec.variable,
    label: variableLabel(design.table, spec.variable, lang),
    values,
    valueLabels: values.map((v) => codeLabel(design.table, spec.variable, v, lang)),
    ciMethod,
    level: spec.level ?? 0.95,
    weights: weightingKind(design),
    by: spec.by ?? null,
    groups,
    difference,
    anova,
  };
}
