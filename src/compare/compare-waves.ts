import type { CleanRules } from '../clean/clean-rules.js';
import type { Check, Codebook } from '../core/types.js';
import { alphaDifference } from './alpha-difference.js';
import { diffCodebooks, type CodebookChange } from './diff-codebooks.js';
import { diffCleaning, diffWeighting, type SettingChange, type WaveWeighting } from './diff-settings.js';
import { independentDifference, proportionsDifference, welchDifference, type WaveDifference } from './wave-difference.js';
import type { RecodeMapping } from './recode-mapping.js';
import { waveIndicators, type Indicator } from './wave-indicators.js';

/** An earlier wave ready for a run's comparison: the wave, and where its results came from (for manifest.json). */
export interface PreviousWave {
  wave: Wave;
  /** The results.json used, and its SHA-256. */
  results: string;
  sha256: string;
  /** True when an existing results.json was reused; false when the wave was run now. */
  reused: boolean;
}

/** One wave of a survey as the comparison sees it: its results.json and, when its plan is known, its codebook and settings. */
export interface Wave {
  /** How reports name it: 2024年. */
  readonly label: string;
  /** Where its results.json is (for messages and the JSON output). */
  readonly source: string;
  /** The parsed results.json of `survey run`. */
  readonly results: unknown;
  /** Null when only a results.json was given and its plan could not be found. */
  readonly codebook: Codebook | null;
  readonly cleaning: { rules: CleanRules; checks: readonly Check[] } | null;
  readonly weighting: WaveWeighting | null;
  /**
   * Variables stated comparable between this wave and the next despite a codebook change (the
   * mapping the plan states), with the reason given.
   */
  readonly same?: ReadonlyMap<string, string>;
  /** Codes mapped to the next wave's before comparing (the plan's `recode:`); its codebook and results are already recoded. */
  readonly recoded?: RecodeMapping;
}

/** How an estimate changed from one wave to the next. */
export interface ComparisonRow extends WaveDifference {
  /** The indicator as the later wave estimates it (its key, variable, group, term). */
  readonly indicator: Indicator;
  readonly earlier: Indicator;
  readonly from: string;
  readonly to: string;
  /** weighted: both waves weighted to their population; unweighted otherwise. */
  readonly basis: 'weighted' | 'unweighted';
  readonly significant: boolean;
  /** False when the question's wording or answers changed; null when a codebook was not available. */
  readonly comparable: boolean | null;
  /** The codebook changes that bear on this estimate (breaking or not). */
  readonly changes: readonly CodebookChange[];
  /** Variables the plan states comparable that had a breaking change, with the reason. */
  readonly stated: readonly { variable: string; reason: string }[];
  /** Variables of the estimate the earlier wave was recoded on, with the mapping (`1→5`). */
  readonly recoded: readonly { variable: string; codes: string }[];
}

/** Two consecutive waves: what differs in their questionnaires and settings, and every change of an estimate both have. */
export interface WavePair {
  readonly from: string;
  readonly to: string;
  /** Null when either codebook is not available. */
  readonly codebook: readonly CodebookChange[] | null;
  readonly cleaning: readonly SettingChange[] | null;
  readonly weighting: readonly SettingChange[] | null;
  readonly rows: readonly ComparisonRow[];
  /** Keys of estimates only one of the two waves has. */
  readonly unmatched: { readonly onlyEarlier: readonly string[]; readonly onlyLater: readonly string[] };
}

/** One indicator over every wave (a trend chart): estimate and interval per wave, null where a wave lacks it. */
export interface TrendSeries {
  readonly indicator: Indicator;
  readonly basis: 'weighted' | 'unweighted';
  readonly points: readonly ({ wave: string; estimate: number; confLow: number | null; confHigh: number | null } | { wave: string; estimate: null; confLow: null; confHigh: null })[];
}

/** The comparison of two or more waves, in order (earliest first). */
export interface WaveComparison {
  readonly waves: readonly { label: string; source: string }[];
  readonly level: number;
  readonly pairs: readonly WavePair[];
  /** Every indicator of the last wave that an earlier wave has too, over all waves. */
  readonly trends: readonly TrendSeries[];
}

/** Options of compareWaves. */
export interface CompareOptions {
  /** Confidence level of the intervals and tests (default 0.95). */
  level?: number;
  /** Compare the weighted estimates when both waves have them (default), or always the unweighted ones. */
  basis?: 'weighted' | 'unweighted';
}

function differenceOf(a: Indicator, b: Indicator, basis: 'weighted' | 'unweighted', level: number): WaveDifference {
  if (a.statistic === 'alpha' && a.n && b.n && a.items && b.items) return alphaDifference({ estimate: a.estimate, n: a.n, k: a.items }, { estimate: b.estimate, n: b.n, k: b.items }, level);
  if (basis === 'unweighted' && a.statistic === 'share' && a.count !== null && b.count !== null && a.n && b.n) return proportionsDifference({ ...a, count: a.count, n: a.n }, { ...b, count: b.count, n: b.n }, level);
  if (basis === 'unweighted' && a.statistic === 'mean' && a.n && b.n && a.n > 1 && b.n > 1) return welchDifference({ ...a, n: a.n }, { ...b, n: b.n }, level);
  return independentDifference(a, b, level);
}

function comparePair(earlier: Wave, later: Wave, options: Required<CompareOptions>): WavePair {
  const codebook = earlier.codebook && later.codebook ? diffCodebooks(earlier.codebook, later.codebook) : null;
  const a = waveIndicators(earlier.results);
  const b = waveIndicators(later.results);
  const rows: ComparisonRow[] = [];
  const onlyLater: string[] = [];
  for (const [key, plainLater] of b.plain) {
    const plainEarlier = a.plain.get(key);
    if (!plainEarlier) {
      onlyLater.push(key);
      continue;
    }
    const weighted = options.basis === 'weighted' && a.weighted.has(key) && b.weighted.has(key);
    const [x, y] = weighted ? [a.weighted.get(key)!, b.weighted.get(key)!] : [plainEarlier, plainLater];
    const basis = weighted ? 'weighted' : 'unweighted';
    const difference = differenceOf(x, y, basis, options.level);
    const changes = codebook ? codebook.filter((c) => y.variables.includes(c.variable)) : [];
    const breaking = changes.filter((c) => c.breaks);
    const stated = [...new Set(breaking.map((c) => c.variable))].flatMap((v) => (earlier.same?.has(v) ? [{ variable: v, reason: earlier.same.get(v)! }] : []));
    const comparable = codebook ? breaking.every((c) => earlier.same?.has(c.variable)) : null;
    const recoded = y.variables.flatMap((v) => {
      const codes = earlier.recoded?.get(v);
      return codes ? [{ variable: v, codes: [...codes].map(([a, b]) => `${a}→${b}`).join(', ') }] : [];
    });
    rows.push({ ...difference, indicator: y, earlier: x, from: earlier.label, to: later.label, basis, significant: difference.pValue < 1 - options.level, comparable, changes, stated, recoded });
  }
  const onlyEarlier = [...a.plain.keys()].filter((k) => !b.plain.has(k));
  return {
    from: earlier.label,
    to: later.label,
    codebook,
    cleaning: earlier.cleaning && later.cleaning ? diffCleaning(earlier.cleaning, later.cleaning) : null,
    weighting: earlier.weighting && later.weighting ? diffWeighting(earlier.weighting, later.weighting) : null,
    rows,
    unmatched: { onlyEarlier, onlyLater },
  };
}

function trendsOf(waves: readonly Wave[], options: Required<CompareOptions>): TrendSeries[] {
  const all = waves.map((w) => waveIndicators(w.results));
  const last = all[all.length - 1];
  const series: TrendSeries[] = [];
  for (const [key, indicator] of last.plain) {
    const having = all.filter((w) => w.plain.has(key));
    if (having.length < 2) continue;
    const weighted = options.basis === 'weighted' && having.every((w) => w.weighted.has(key));
    series.push({
      indicator,
      basis: weighted ? 'weighted' : 'unweighted',
      points: all.map((w, k) => {
        const ind = (weighted ? w.weighted : w.plain).get(key);
        return ind ? { wave: waves[k].label, estimate: ind.estimate, confLow: ind.confLow, confHigh: ind.confHigh } : { wave: waves[k].label, estimate: null, confLow: null, confHigh: null };
      }),
    });
  }
  return series;
}

/**
 * Compares two or more waves of a survey, each with its own sample, design and weights: first the
 * comparability of consecutive waves (codebook diff, cleaning rules, weighting targets), then for
 * every share, mean, total and model term both estimate, the change later − earlier with its SE,
 * interval and test — design-based estimates as independent (`svycontrast`, normal), unweighted
 * shares as `prop.test` and unweighted means as Welch's `t.test`. An estimate whose question was
 * reworded or whose answers changed is marked not comparable unless the earlier wave states it
 * the same (`same`). With three or more waves, the trend of each indicator over all of them.
 */
export function compareWaves(waves: readonly Wave[], options: CompareOptions = {}): WaveComparison {
  const resolved: Required<CompareOptions> = { level: options.level ?? 0.95, basis: options.basis ?? 'weighted' };
  const pairs = waves.slice(1).map((later, k) => comparePair(waves[k], later, resolved));
  return { waves: waves.map((w) => ({ label: w.label, source: w.source })), level: resolved.level, pairs, trends: waves.length >= 2 ? trendsOf(waves, resolved) : [] };
}
