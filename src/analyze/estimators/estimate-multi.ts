import { UsageError } from '../../core/errors.js';
import type { Design } from '../../core/design.js';
import type { Code, Variable } from '../../core/types.js';
import { chisquareUpperTail } from '../../math/distributions/chisquare-upper-tail.js';
import { categoryLevels } from '../../core/category-levels.js';
import { caseWeights, isDesignBased } from '../variance/design-variance.js';
import { domainMean } from '../variance/domain-mean.js';
import { groupDomains } from './group-domains.js';
import { binomialInterval, designShareInterval } from './proportion-interval.js';
import { raoScottTest } from './rao-scott-test.js';
import type { Lang } from '../../locale/lang.js';
import { weightingKind, type WeightingKind } from '../variance/weighting-kind.js';
import { inLang } from '../../locale/bilingual.js';
import { variableLabel } from '../../core/variable-labels.js';

/** Which multi-select question to tabulate, and by what group. */
export interface MultiSpec {
  variable: string;
  by?: string;
  level?: number;
  lang?: Lang;
}

/** One option in one domain. */
export interface MultiOption {
  readonly code: Code;
  readonly label: string;
  /** Selections (summed weights: frequency weights, or estimated population counts with sampling weights). */
  readonly count: number;
  /** count / all selections of the question (SPSS "Percent of Responses", 响应百分比). */
  readonly percentOfResponses: number;
  /** count / respondents answering (SPSS "Percent of Cases", 个案百分比; = `svymean` of the 0/1 column). */
  readonly percentOfCases: number;
  /** SE of percentOfCases (binomial unweighted, linearization design-based); a proportion, not ×100. */
  readonly standardError: number;
  readonly confLow: number;
  readonly confHigh: number;
}

/** The multiple-response table of one domain. */
export interface MultiGroup {
  readonly by: string | null;
  readonly level: string;
  readonly code: Code | null;
  /** Respondents who answered the question (summed frequency weights with `--freq`). */
  readonly n: number;
  /** Their summed weights (= n unless weighted). */
  readonly weightedN: number;
  /** All selections (Σ count), the denominator of % of responses. */
  readonly responses: number;
  /** Respondents who answered but chose no option (weighted like count). */
  readonly none: number;
  readonly options: readonly MultiOption[];
}

/** Does the share of respondents choosing an option differ across the groups? One test per option. */
export interface MultiTest {
  readonly code: Code;
  readonly label: string;
  /** Pearson X², or the Rao-Scott F when design-based. */
  readonly statistic: number;
  readonly df: number;
  /** Denominator df of the Rao-Scott F; null for Pearson. */
  readonly ddf: number | null;
  readonly pValue: number;
  readonly test: 'pearson' | 'rao-scott';
}

/** A multiple-response (多选题) table overall and by group, with a test per option. */
export interface MultiResult {
  readonly variable: string;
  readonly label: string;
  readonly weights: WeightingKind;
  readonly ciMethod: 'wilson' | 'logit';
  readonly level: number;
  readonly by: string | null;
  readonly byLabel: string | null;
  readonly groups: readonly MultiGroup[];
  /** One per option when `by` is given (options nobody or everybody chose in the answered rows have none). */
  readonly tests: readonly MultiTest[];
}

/** The multi-select variable and its 0/1 columns (`q6_1`, `q6_2`, … as ingest writes them), in choice order. */
export function multiColumns(design: Design, variable: string): { variable: Variable; columns: { code: Code; label: string; column: string }[] } {
  const { table } = design;
  const v = table.codebook.variables.find((x) => x.name === variable);
  if (!v) {
    const hint = table.has(variable) ? `${variable} is a single column; use freq or shares` : 'a multi-select question is declared in the codebook (type: multi); pass --codebook';
    throw new UsageError(`no multi-select question "${variable}"`, { hint });
  }
  if (v.type !== 'multi') throw new UsageError(`${variable} is a ${v.type} question, not a multi-select (type: multi)`, { hint: v.type === 'rank' ? 'a ranking question is tabulated per rank with freq on its columns' : 'use freq or shares' });
  const columns = (v.choices ?? [])
    .map((c) => ({ code: c.code, label: c.label, column: `${v.name}_${c.code}` }))
    .filter((c) => table.has(c.column) && table.column(c.column).variable === v.name);
  if (!columns.length) throw new UsageError(`the data has none of ${variable}'s option columns (${variable}_1, ${variable}_2, …)`, { hint: 'ingest the export with the codebook first' });
  return { variable: v, columns };
}

function labelOf(v: Variable, code: Code, label: string, lang: Lang): string {
  return inLang(lang, label, v.choices?.find((c) => c.code === code)?.labelEn);
}

/**
 * Multiple-response table of a multi-select question (SPSS MULT RESPONSE, SPSSAU 多选题): per
 * option the selections, % of responses and % of cases, and the respondents answering (rows with
 * any option column present; all-zero rows are answering respondents who chose nothing). % of
 * cases is the mean of the option's 0/1 column over those respondents, with a Wilson interval
 * unweighted, or design-based (= R `svymean(~q6_1 + …, na.rm = TRUE)`, `svyciprop(method = "logit")`).
 * With `by`, each option is tested for independence from the group on the answering rows:
 * Pearson X² (`chisq.test(correct = FALSE)`) unweighted, Rao-Scott F (`svychisq`) design-based —
 * one test per option, since a respondent's selections are not independent of each other.
 * @example estimateMulti(design, { variable: 'q6', by: 'q3' }).groups[0].options[0].percentOfCases
 */
export function estimateMulti(design: Design, spec: MultiSpec): MultiResult {
  const lang = spec.lang ?? 'zh';
  const level = spec.level ?? 0.95;
  const { table } = design;
  const { variable, columns } = multiColumns(design, spec.variable);
  const designBased = isDesignBased(design);
  const w = caseWeights(design);
  const freq = design.freq;
  const ys = columns.map(({ column }) => {
    const c = table.column(column);
    if (c.kind !== 'number') throw new UsageError(`${column} holds text; a multi-select option column holds 0 or 1`);
    return c.values;
  });
  // A respondent answered when any option column is present (ingest leaves all of them missing when skipped).
  const answered = new Uint8Array(table.nrows);
  const chose = new Uint8Array(table.nrows);
  for (const y of ys) {
    for (let i = 0; i < y.length; i++) {
      if (Number.isNaN(y[i])) continue;
      answered[i] = 1;
      if (y[i] !== 0) chose[i] = 1;
    }
  }
  // Option columns missing for an answering respondent (an option the export had no column for) count as not chosen.
  const indicators = ys.map((y) => Float64Array.from(y, (v, i) => (answered[i] ? (Number.isNaN(v) ? 0 : v !== 0 ? 1 : 0) : Number.NaN)));
  const groups = groupDomains(design, spec.by, lang).map((domain): MultiGroup => {
    let n = 0;
    let weightedN = 0;
    let none = 0;
    for (let i = 0; i < table.nrows; i++) {
      if (!answered[i] || (domain.mask && !domain.mask[i]) || w[i] === 0) continue;
      n += freq ? freq[i] : 1;
      weightedN += w[i];
      if (!chose[i]) none += w[i];
    }
    const counts = indicators.map((y) => {
      let count = 0;
      for (let i = 0; i < y.length; i++) if (y[i] === 1 && (!domain.mask || domain.mask[i])) count += w[i];
      return count;
    });
    const responses = counts.reduce((a, b) => a + b, 0);
    const inDomain = designBased ? answered.map((a, i) => (a && (!domain.mask || domain.mask[i]) ? 1 : 0)) : null;
    const options = columns.map((c, k): MultiOption => {
      const base = { code: c.code, label: labelOf(variable, c.code, c.label, lang), count: counts[k], percentOfResponses: responses > 0 ? counts[k] / responses : Number.NaN };
      if (n === 0) return { ...base, percentOfCases: Number.NaN, standardError: Number.NaN, confLow: Number.NaN, confHigh: Number.NaN };
      if (!designBased) {
        const p = counts[k] / weightedN;
        const [confLow, confHigh] = binomialInterval(p * n, n, 'wilson', level);
        return { ...base, percentOfCases: p, standardError: Math.sqrt((p * (1 - p)) / n), confLow, confHigh };
      }
      // The answering rows are the domain (R: a subset of the design), which sets the degrees of freedom.
      const m = domainMean(design, indicators[k], inDomain);
      const standardError = Math.sqrt(m.variance);
      const [confLow, confHigh] = designShareInterval('logit', m.mean, standardError, m.df, m.n, level);
      return { ...base, percentOfCases: m.mean, standardError, confLow, confHigh };
    });
    return { by: domain.by, level: domain.level, code: domain.code, n, weightedN, responses, none, options };
  });
  const tests = spec.by ? testsByGroup(design, spec.by, columns, indicators, variable, lang) : [];
  return {
    variable: spec.variable,
    label: inLang(lang, variable.label, variable.labelEn) ?? spec.variable,
    weights: weightingKind(design),
    ciMethod: designBased ? 'logit' : 'wilson',
    level,
    by: spec.by ?? null,
    byLabel: spec.by ? variableLabel(design.table, spec.by, lang) : null,
    groups,
    tests,
  };
}

/**
 * Each option's 0/1 indicator crossed with the group on the answering rows. Unweighted: Pearson X²
 * of the G × 2 table (R `chisq.test(correct = FALSE)`); design-based: the Rao-Scott F of the
 * answering subset (R `svychisq(~by + q6_1, subset(design, answered))`). An option chosen by
 * nobody or everybody there, or a group with one level, has no test.
 */
function testsByGroup(design: Design, by: string, columns: { code: Code; label: string }[], indicators: Float64Array[], variable: Variable, lang: Lang): MultiTest[] {
  const levels = categoryLevels(design.table, by, lang);
  const w = caseWeights(design);
  const designBased = isDesignBased(design);
  return columns.flatMap((c, k): MultiTest[] => {
    const y = indicators[k];
    const cell = new Int32Array(y.length).fill(-1);
    const domain = new Uint8Array(y.length);
    const counts = levels.codes.map(() => [0, 0]);
    for (let i = 0; i < y.length; i++) {
      if (Number.isNaN(y[i]) || levels.index[i] < 0) continue;
      domain[i] = 1;
      counts[levels.index[i]][y[i]] += w[i];
    }
    // Levels with no answering row are left out, as crosstab leaves them out.
    const used = levels.codes.map((_, g) => g).filter((g) => counts[g][0] + counts[g][1] > 0);
    const at = new Map(used.map((g, j) => [g, j]));
    for (let i = 0; i < y.length; i++) if (domain[i]) cell[i] = (at.get(levels.index[i]) as number) + used.length * y[i];
    const table = used.map((g) => counts[g]);
    if (used.length < 2 || table.every((r) => r[0] === 0) || table.every((r) => r[1] === 0)) return [];
    const base = { code: c.code, label: labelOf(variable, c.code, c.label, lang) };
    if (designBased) {
      const rs = raoScottTest(design, cell, used.length, 2, domain);
      return [{ ...base, statistic: rs.statistic, df: rs.ndf, ddf: rs.ddf, pValue: rs.pValue, test: 'rao-scott' }];
    }
    const statistic = pearsonStatistic(table);
    const df = used.length - 1;
    return [{ ...base, statistic, df, ddf: null, pValue: chisquareUpperTail(statistic, df), test: 'pearson' }];
  });
}

/** Pearson X² of a table of counts (no continuity correction). */
function pearsonStatistic(counts: number[][]): number {
  const rowTotals = counts.map((r) => r[0] + r[1]);
  const colTotals = [0, 1].map((j) => counts.reduce((a, r) => a + r[j], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  let statistic = 0;
  counts.forEach((r, i) => r.forEach((o, j) => {
    const e = (rowTotals[i] * colTotals[j]) / total;
    statistic += (o - e) ** 2 / e;
  }));
  return statistic;
}
