import type { Lang } from '../locale/lang.js';
import type { Codebook } from '../core/types.js';
import type { ComparisonRow, WaveComparison } from './compare-waves.js';
import { comparabilityReasons } from './comparability-reasons.js';
import { indicatorLabel } from './indicator-label.js';

const orNull = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

/** One comparison row as `survey compare --json` prints it. */
export function comparisonRowJson(row: ComparisonRow, codebook: Codebook | null, lang: Lang): Record<string, unknown> {
  const ind = row.indicator;
  return {
    indicator: indicatorLabel(codebook, ind, lang),
    key: ind.key,
    command: ind.command,
    statistic: ind.statistic,
    var: ind.variable,
    values: ind.values,
    model: ind.model,
    formula: ind.formula,
    term: ind.term,
    by: ind.by,
    level: ind.level,
    from: row.from,
    to: row.to,
    basis: row.basis,
    estimate_from: row.earlier.estimate,
    se_from: row.earlier.standardError,
    n_from: row.earlier.n,
    estimate_to: ind.estimate,
    se_to: ind.standardError,
    n_to: ind.n,
    difference: row.difference,
    se: row.standardError,
    conf_low: row.confLow,
    conf_high: row.confHigh,
    statistic_name: row.statisticName,
    statistic_value: row.statistic,
    df: orNull(row.df),
    ...(row.df2 === undefined ? {} : { df2: row.df2 }),
    p_value: row.pValue,
    test: row.test,
    significant: row.significant,
    comparable: row.comparable,
    reasons: comparabilityReasons(row, lang),
  };
}

/**
 * The `survey compare --json` document: the waves, for each consecutive pair the codebook,
 * cleaning and weighting differences, every comparison row, and the trends (three or more waves).
 */
export function comparisonJson(comparison: WaveComparison, codebook: Codebook | null, lang: Lang): Record<string, unknown> {
  return {
    waves: comparison.waves,
    level: comparison.level,
    changes: comparison.pairs.map((p) => ({
      from: p.from,
      to: p.to,
      codebook: p.codebook,
      cleaning: p.cleaning,
      weighting: p.weighting,
      only_from: p.unmatched.onlyEarlier,
      only_to: p.unmatched.onlyLater,
    })),
    rows: comparison.pairs.flatMap((p) => p.rows.map((r) => comparisonRowJson(r, codebook, lang))),
    trends: comparison.waves.length >= 3
      ? comparison.trends.map((t) => ({ indicator: indicatorLabel(codebook, t.indicator, lang), key: t.indicator.key, level: t.indicator.level, basis: t.basis, points: t.points.map((p) => ({ wave: p.wave, estimate: p.estimate, conf_low: p.confLow, conf_high: p.confHigh })) }))
      : [],
  };
}
