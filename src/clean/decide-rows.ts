import type { CleanRules, RowRule } from './clean-rules.js';
import { findIpBursts } from './find-ip-bursts.js';
import { expectedChanceMatches } from './chance-matches.js';
import { findNearDuplicates } from './find-near-duplicates.js';
import type { RowProfiles } from './profile-rows.js';

/** What the row rules decided: the reasons per row (rule names, in rule order) and the speeder threshold used. */
export interface RowDecisions {
  reasons: (RowRule[] | null)[];
  medianDuration: number | null;
  speederSeconds: number | null;
}

/** The median of the finite values, or null when there are none. */
export function median(values: number[]): number | null {
  // A typed array sorts numbers natively, without a comparator call per comparison.
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Seconds per answered item, the median of them, and who is a speeder by the rules' thresholds. */
interface SpeedThresholds {
  /** The threshold in seconds for a respondent answering the median number of items (clean --json `speeder_seconds`). */
  seconds: number;
  medianPerItem: number;
  secondsPerItem(i: number): number;
  isSpeeder(i: number): boolean;
}

/**
 * The speeder rule. Relative (default): seconds per answered item t, threshold exp(m − k·s) on
 * log t with m the median and s the lower-half MAD (×1.4826) of log t — speeders form their own
 * cluster far below the bulk, and the quick tail of honest respondents is scaled by s — capped at
 * max_fraction × the median (a relative speed index ≥ 1/max_fraction, Leiner 2019) and never
 * below min_seconds_per_item. Fixed (min_seconds or median_fraction set): duration below
 * max(min_seconds, median_fraction × median duration). Null when no row has a duration.
 */
function speederThresholds(p: RowProfiles, rules: CleanRules): SpeedThresholds | null {
  const perItem = p.duration.map((d, i) => (Number.isFinite(d) && p.answered[i] > 0 ? d / p.answered[i] : Number.NaN));
  const medianPerItem = median(perItem);
  const medianDuration = median(p.duration);
  if (medianPerItem === null || medianDuration === null) return null;
  const r = rules.speeder;
  const secondsPerItem = (i: number) => perItem[i];
  if (r.min_seconds !== undefined || r.median_fraction !== undefined) {
    const seconds = Math.max(r.min_seconds ?? 60, (r.median_fraction ?? 1 / 3) * medianDuration);
    return { seconds, medianPerItem, secondsPerItem, isSpeeder: (i) => p.duration[i] < seconds };
  }
  const logs = perItem.filter((t) => t > 0).map(Math.log);
  const m = Math.log(medianPerItem);
  const spread = 1.4826 * (median(logs.filter((l) => l <= m).map((l) => m - l)) ?? 0);
  const perItemThreshold = Math.max(r.min_seconds_per_item, Math.min(r.max_fraction * medianPerItem, Math.exp(m - r.mad_k * spread)));
  const medianAnswered = median(p.answered.filter((a) => a > 0)) ?? 0;
  return { seconds: perItemThreshold * medianAnswered, medianPerItem, secondsPerItem, isSpeeder: (i) => perItem[i] < perItemThreshold };
}

/** Whether an earlier row with the same answers came from the same IP, or within `window` seconds. */
function corroborated(p: RowProfiles, group: readonly number[], i: number, window: number): boolean {
  for (const j of group) {
    if (j >= i) break;
    if (p.ip[i] !== null && p.ip[i] === p.ip[j]) return true;
    if (Math.abs(p.time[i] - p.time[j]) <= window) return true;
  }
  return false;
}

/**
 * Applies the row rules to the profiles of every row. Duplicates (exact, by id, near) keep the
 * first row and mark the later ones; blank and broken-off rows are not compared for duplicates.
 * An exact match counts as a duplicate only when chance cannot explain it (expectedChanceMatches),
 * helped by the metadata (same IP, close submission times).
 */
export function decideRows(p: RowProfiles, rules: CleanRules, width: number): RowDecisions {
  const reasons: (RowRule[] | null)[] = Array.from({ length: p.count }, () => null);
  const mark = (i: number, rule: RowRule) => {
    if (rules[rule].action !== 'off') (reasons[i] ??= []).push(rule);
  };
  const medianDuration = median(p.duration);
  const speed = speederThresholds(p, rules);
  const speederSeconds = speed?.seconds ?? null;
  const eligible = p.answered.map((a, i) => a > 0 && a >= rules['break-off'].min_answered * p.applicable[i]);
  const firstAnswers = new Map<number, number>();
  const firstIds = new Map<string | number, number>();
  const exact = new Array<boolean>(p.count).fill(false);
  // Rows whose answers an earlier row gave too, and every row of each such answer pattern.
  const candidates: number[] = [];
  const sameAnswers = new Map<number, number[]>();
  for (let i = 0; i < p.count; i++) {
    if (p.answered[i] === 0) mark(i, 'blank');
    else if (!eligible[i]) mark(i, 'break-off');
    if (speed && speed.isSpeeder(i)) mark(i, 'speeder');
    if (eligible[i]) {
      const first = firstAnswers.get(p.answerKey[i]);
      if (first !== undefined) {
        exact[i] = true;
        candidates.push(i);
        const group = sameAnswers.get(p.answerKey[i]);
        if (group) group.push(i);
        else sameAnswers.set(p.answerKey[i], [first, i]);
      } else firstAnswers.set(p.answerKey[i], i);
    }
    const id = p.idKey[i];
    if (id !== null) {
      if (firstIds.has(id)) mark(i, 'duplicate-id');
      else firstIds.set(id, i);
    }
  }
  const chance = expectedChanceMatches(p.cells, width, eligible, candidates);
  const rule = rules.duplicate;
  candidates.forEach((i, k) => {
    if (chance[k] <= rule.max_chance) mark(i, 'duplicate');
    else if (chance[k] <= rule.max_chance_with_metadata && corroborated(p, sameAnswers.get(p.answerKey[i]) as number[], i, rule.window_minutes * 60)) mark(i, 'duplicate');
  });
  const near = findNearDuplicates(p.cells, width, eligible.map((e, i) => e && !exact[i]), rules['near-duplicate'].similarity);
  const bursts = findIpBursts(p.ip, p.time, rules['ip-burst'].max_per_ip, rules['ip-burst'].window_minutes * 60);
  for (let i = 0; i < p.count; i++) {
    if (near[i] >= 0) mark(i, 'near-duplicate');
    const straight = p.straight[i];
    if (straight) {
      // A one-answer grid is excluded with more evidence: a long grid, a second such grid, or speed.
      const sl = rules['straight-lining'];
      const fast = speed !== null && speed.secondsPerItem(i) < sl.fast_fraction * speed.medianPerItem;
      const evidence = p.straightItems[i] >= sl.exclude_items || straight.length >= 2 || fast;
      mark(i, evidence ? 'straight-lining' : 'uniform-grid');
    }
    if (p.attentionFailed[i] && Object.keys(rules.attention.items).length) mark(i, 'attention');
    if (bursts[i]) mark(i, 'ip-burst');
  }
  return { reasons, medianDuration, speederSeconds };
}
