import { parseFormula } from '../model/parse-formula.js';
import { namesIn } from '../run/load-plan.js';
import { feldtInterval } from './alpha-difference.js';

/** What an indicator estimates. */
export type IndicatorStatistic = 'share' | 'mean' | 'total' | 'quantile' | 'ratio' | 'coefficient' | 'alpha';

/** One estimate of a wave's results.json that another wave may have too: a share, mean, … in a group, or a model term. */
export interface Indicator {
  /** The same in every wave that estimates the same thing (command, variable, answers, group, term). */
  readonly key: string;
  readonly command: string;
  /** Which analysis of its results.json it comes from (0-based; not part of the key). */
  readonly analysis: number;
  readonly statistic: IndicatorStatistic;
  readonly variable: string | null;
  readonly values: readonly (number | string)[] | null;
  readonly by: string | null;
  /** The group: `all`, or a level of `by`. */
  readonly level: string;
  readonly model: string | null;
  readonly formula: string | null;
  readonly term: string | null;
  /** The codebook variables the estimate depends on (its variable and group; every variable of a model). */
  readonly variables: readonly string[];
  readonly estimate: number;
  readonly standardError: number;
  readonly confLow: number | null;
  readonly confHigh: number | null;
  readonly n: number | null;
  readonly count: number | null;
  /** Number of items of a reliability scale (Cronbach's α). */
  readonly items?: number;
}

/** A wave's indicators: as estimated on the sample (plain) and, where the plan weighted, on the weighted design. */
export interface WaveIndicators {
  readonly plain: ReadonlyMap<string, Indicator>;
  readonly weighted: ReadonlyMap<string, Indicator>;
}

const STATISTICS = ['share', 'mean', 'total', 'quantile', 'ratio'] as const;
type Json = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function formulaVariables(formula: string): string[] {
  try {
    const names = new Set<string>();
    for (const node of parseFormula(formula).variables.values()) namesIn(node, names);
    return [...names];
  } catch {
    return [];
  }
}

/**
 * Adds an indicator under its key. Two analyses can estimate the same thing (a share with and
 * without `by` both have its overall row; the same item under two CI methods): the same estimate
 * and SE is kept once. A different estimate under a key already taken gets `#2`, `#3`… in the order
 * of the analyses, so no estimate overwrites another and the same plan gives the same keys each wave.
 */
function put(out: Map<string, Indicator>, indicator: Indicator): void {
  const taken = out.get(indicator.key);
  if (!taken) {
    out.set(indicator.key, indicator);
    return;
  }
  if (taken.estimate === indicator.estimate && taken.standardError === indicator.standardError) return;
  let k = 2;
  while (out.has(`${indicator.key}#${k}`)) k += 1;
  const key = `${indicator.key}#${k}`;
  out.set(key, { ...indicator, key });
}

function groupIndicators(command: string, analysis: number, result: Json, out: Map<string, Indicator>): void {
  const groups = Array.isArray(result.groups) ? (result.groups as Json[]) : [];
  const variable = str(result.var);
  const values = Array.isArray(result.values) ? (result.values as (number | string)[]) : null;
  // A quantile's rule identifies it too (its prob is per group, below); a ratio's var is already num/den.
  const extra = ['qrule'].flatMap((k) => (result[k] === undefined ? [] : [`${k}=${JSON.stringify(result[k])}`]));
  for (const g of groups) {
    const statistic = STATISTICS.find((s) => num(g[s]) !== null);
    const se = num(g.se);
    if (!statistic || se === null) continue;
    const by = str(g.by);
    const level = str(g.level) ?? 'all';
    const prob = g.prob === undefined ? [] : [`prob=${JSON.stringify(g.prob)}`];
    const key = [command, variable, values ? JSON.stringify(values) : '', ...extra, ...prob, by ?? '', level].join('|');
    const variables = [str(result.num) ?? variable, str(result.den), by].filter((v): v is string => v !== null);
    put(out, {
      key, command, analysis, statistic, variable, values, by, level, model: null, formula: null, term: null, variables,
      estimate: num(g[statistic]) as number, standardError: se,
      confLow: num(g.conf_low), confHigh: num(g.conf_high), n: num(g.n), count: num(g.count),
    });
  }
}

function modelIndicators(analysis: number, result: Json, out: Map<string, Indicator>): void {
  const formula = str(result.formula) ?? '';
  const model = str(result.model) ?? '';
  const variables = formulaVariables(formula);
  const normalized = formula.replace(/\s+/g, '');
  // Robust SEs are another estimate of the same model: a key of their own (default SEs keep the plain key).
  const seType = str(result.se_type);
  const robust = seType && /^HC/.test(seType) ? [seType] : [];
  for (const c of Array.isArray(result.coefficients) ? (result.coefficients as Json[]) : []) {
    const term = str(c.term);
    const estimate = num(c.estimate);
    const se = num(c.std_error);
    if (term === null || estimate === null || se === null) continue;
    const key = ['regress', model, normalized, ...robust, term].join('|');
    put(out, {
      key, command: 'regress', analysis, statistic: 'coefficient', variable: null, values: null, by: null, level: 'all', model, formula, term, variables,
      estimate, standardError: se, confLow: num(c.conf_low), confHigh: num(c.conf_high), n: num(result.nobs), count: null,
    });
  }
}

/**
 * A crosstab's row shares as shares by group (the row variable): the share of each column answer
 * within each row level, from the counts, with the binomial SE √(p(1 − p)/n) of a simple random
 * sample — crosstabs are counted unweighted, so their changes are tested as prop.test.
 */
function crosstabIndicators(analysis: number, result: Json, out: Map<string, Indicator>): void {
  const [rows, cols] = [str(result.rows), str(result.cols)];
  const rowLevels = Array.isArray(result.row_levels) ? (result.row_levels as string[]) : [];
  const colLevels = Array.isArray(result.col_levels) ? (result.col_levels as string[]) : [];
  const counts = Array.isArray(result.counts) ? (result.counts as number[][]) : [];
  if (rows === null || cols === null) return;
  rowLevels.forEach((level, r) => {
    const n = (counts[r] ?? []).reduce((a, b) => a + b, 0);
    if (!(n > 0)) return;
    colLevels.forEach((answer, c) => {
      const count = counts[r][c];
      const share = count / n;
      put(out, {
        key: ['crosstab', cols, JSON.stringify([answer]), rows, level].join('|'), command: 'crosstab', analysis, statistic: 'share', variable: cols, values: [answer], by: rows, level,
        model: null, formula: null, term: null, variables: [cols, rows], estimate: share, standardError: Math.sqrt((share * (1 - share)) / n), confLow: null, confHigh: null, n, count,
      });
    });
  });
}

/**
 * A multiple-response question's share of cases choosing each option, per group (`survey multi`):
 * a share of a 0/1 answer, compared as a share (prop.test on the counts when unweighted).
 */
function multiIndicators(analysis: number, result: Json, out: Map<string, Indicator>): void {
  const variable = str(result.var);
  if (variable === null) return;
  for (const g of Array.isArray(result.groups) ? (result.groups as Json[]) : []) {
    const by = str(g.by);
    const level = str(g.level) ?? 'all';
    for (const o of Array.isArray(g.options) ? (g.options as Json[]) : []) {
      const code = typeof o.code === 'number' || typeof o.code === 'string' ? o.code : null;
      const share = num(o.share_of_cases);
      const se = num(o.se);
      if (code === null || share === null || se === null) continue;
      put(out, {
        key: ['multi', variable, JSON.stringify([code]), by ?? '', level].join('|'), command: 'multi', analysis, statistic: 'share', variable, values: [code], by, level,
        model: null, formula: null, term: null, variables: [variable, by].filter((v): v is string => v !== null),
        estimate: share, standardError: se, confLow: num(o.conf_low), confHigh: num(o.conf_high), n: num(g.n), count: num(o.count),
      });
    }
  }
}

/** A scale's Cronbach's α, with Feldt's interval and SE (its items are the variables it depends on). */
function reliabilityIndicators(analysis: number, spec: Json, result: Json, out: Map<string, Indicator>): void {
  const alpha = num(result.alpha);
  const n = num(result.n);
  const items = (Array.isArray(result.items) ? (result.items as Json[]) : []).map((i) => str(i.item)).filter((v): v is string => v !== null);
  if (alpha === null || n === null || n < 6 || items.length < 2) return;
  const { low, high, se } = feldtInterval({ estimate: alpha, n, k: items.length }, 0.95);
  const scale = str(spec.group) ?? items.join(',');
  put(out, {
    key: ['reliability', scale, '', '', 'all'].join('|'), command: 'reliability', analysis, statistic: 'alpha', variable: str(spec.group), values: null, by: null, level: 'all',
    model: null, formula: null, term: null, variables: items, estimate: alpha, standardError: se, confLow: low, confHigh: high, n, count: null, items: items.length,
  });
}

function collect(spec: Json, analysis: number, results: unknown, out: Map<string, Indicator>): void {
  const command = str(spec.command) ?? '';
  for (const result of Array.isArray(results) ? (results as Json[]) : []) {
    if (command === 'regress') modelIndicators(analysis, result, out);
    else if (command === 'crosstab') crosstabIndicators(analysis, result, out);
    else if (command === 'reliability') reliabilityIndicators(analysis, spec, result, out);
    else if (command === 'multi') multiIndicators(analysis, result, out);
    else groupIndicators(command, analysis, result, out);
  }
}

/**
 * Every comparable estimate in a `survey run` results.json: the shares, means (and totals,
 * quantiles, ratios) of each group, each model coefficient (thresholds of ordinal models are
 * left out), each crosstab row share, each multiple-response option's share of cases and each
 * scale's Cronbach's α; frequency tables are not
 * compared (the shares say the same with an SE). Estimates without an SE are left out.
 */
export function waveIndicators(results: unknown): WaveIndicators {
  const plain = new Map<string, Indicator>();
  const weighted = new Map<string, Indicator>();
  const analyses = (results as { analyses?: Json[] } | null)?.analyses ?? [];
  (Array.isArray(analyses) ? analyses : []).forEach((a, k) => {
    collect(a, k, a.results, plain);
    if (a.weighted_results) collect(a, k, a.weighted_results, weighted);
  });
  return { plain, weighted };
}
