import { cleanContext, type CleanContext } from '../../clean/clean-context.js';
import { defaultRules, type CleanRules } from '../../clean/clean-rules.js';
import { decideRows, median } from '../../clean/decide-rows.js';
import { findIpBursts } from '../../clean/find-ip-bursts.js';
import { profileRows } from '../../clean/profile-rows.js';
import { UsageError } from '../../core/errors.js';
import type { Codebook } from '../../core/types.js';
import type { CodedRow } from '../../ingest/ingest-file.js';
import type { Lang } from '../../locale/lang.js';
import type { SubmissionRecord } from '../storage/submission-store.js';
import { codedSubmissions, exportOutputs } from './coded-submissions.js';
import { clusteredPoints } from './gps-clusters.js';
import { interviewerEffects, type DistributionTest } from './interviewer-effects.js';
import { QUALITY_THRESHOLDS as T, type QualityFlag, type QualityRule } from './quality-flags.js';
import { qualityWords, type FlagFigures } from '../../locale/quality-words.js';

/** What the quality view shows of one enumerator. */
export interface EnumeratorQuality {
  enumerator: string;
  interviews: number;
  medianDuration: number | null;
  speeders: number;
  straightLined: number;
  /** Share of the questions asked left blank or answered 说不清/拒答, and the same for all the other enumerators. */
  nonresponse: number | null;
  nonresponseOthers: number | null;
  duplicates: number;
  inBursts: number;
  gps: { points: number; clustered: number } | null;
  tests: Omit<DistributionTest, 'enumerator'>[];
  flags: QualityFlag[];
}

/** The per-enumerator quality view of a fieldwork. */
export interface QualityReport {
  interviews: number;
  medianDuration: number | null;
  /** The cleaning rules' speeder threshold for an interview of the median length (clean --json `speeder_seconds`). */
  speederSeconds: number | null;
  /** The variables whose distributions were compared. */
  variables: string[];
  tests: number;
  /** Enumerators left out of the reference distribution as clear deviators (interviewer-effects.ts). */
  setAside: string[];
  alpha: number;
  burst: { max: number; minutes: number };
  enumerators: EnumeratorQuality[];
}

export interface QualityOptions {
  /** The plan's cleaning rules (default: survey clean's defaults). */
  rules?: CleanRules;
  /** The key variables whose answer distributions are compared (default: every single-choice question). */
  variables?: string[];
  alpha?: number;
  lang?: Lang;
}

/** Share of the questions asked that a row leaves without a substantive answer, as [unanswered, asked]. */
function nonresponseOf(ctx: CleanContext, row: CodedRow): [number, number] {
  let asked = 0;
  let unanswered = 0;
  for (const { columns } of ctx.items) {
    if (row.reasons[columns[0]] === 'skipped') continue;
    asked++;
    if (!columns.some((k) => row.values[k] !== null && row.reasons[k] !== 'declared')) unanswered++;
  }
  return [unanswered, asked];
}

/** Seconds since the epoch an interview ended: the device's end time (an offline batch arrives together), else its arrival. */
const endedSeconds = (s: SubmissionRecord) => Date.parse(s.endedAt ?? s.receivedAt) / 1000;

/** The key variables: those named (each must be a single-choice question), else every single-choice question. */
function keyVariables(ctx: CleanContext, names?: string[]): CleanContext['items'] {
  const singles = ctx.items.filter((item) => item.variable.type === 'single');
  if (!names?.length) return singles;
  return names.map((name) => {
    const item = singles.find((i) => i.variable.name === name);
    if (!item) throw new UsageError(`--vars ${name}: not a single-choice question of the codebook`, { hint: `single-choice questions: ${singles.map((i) => i.variable.name).join(', ')}` });
    return item;
  });
}

/**
 * The quality of each enumerator's interviews, from the paradata and the answers, so fabricated or
 * careless work is found while the team is in the field: durations and speeders, straight-lined
 * grids, duplicates and bursts by the cleaning rules' own functions (profileRows, decideRows,
 * findIpBursts — the thresholds of the plan's `rules:`), item non-response, GPS clusters, and a
 * chi-square test of each key variable's answers against the other enumerators' (Holm-adjusted
 * across all tests). Only active submissions count; each flag carries its reason in words.
 */
export function enumeratorQuality(codebook: Codebook, submissions: readonly SubmissionRecord[], options: QualityOptions = {}): QualityReport {
  const rules = options.rules ?? defaultRules();
  const lang = options.lang ?? 'zh';
  const alpha = options.alpha ?? T.alpha;
  const active = submissions.filter((s) => s.status === 'active');
  const ctx = cleanContext(codebook, exportOutputs(codebook), rules);
  const rows = codedSubmissions(ctx, active);
  const profiles = profileRows(ctx);
  for (const row of rows) profiles.add(row);
  const decisions = decideRows(profiles, rules, ctx.answerColumns.length);
  const burstRule = rules['ip-burst'];
  const bursts = findIpBursts(
    active.map((s) => s.enumerator),
    active.map(endedSeconds),
    burstRule.max_per_ip,
    burstRule.window_minutes * 60,
  );
  const byEnumerator = new Map<string, number[]>();
  active.forEach((s, i) => {
    const list = byEnumerator.get(s.enumerator);
    if (list) list.push(i);
    else byEnumerator.set(s.enumerator, [i]);
  });
  const has = (i: number, ...rules: string[]) => (decisions.reasons[i] ?? []).some((r) => rules.includes(r));
  const nonresponse = rows.map((row) => nonresponseOf(ctx, row));
  const totalNonresponse = nonresponse.reduce((sum, [u, a]) => [sum[0] + u, sum[1] + a], [0, 0]);

  // Distribution tests: every enumerator × key variable with enough answers, against the reference enumerators.
  const variables = keyVariables(ctx, options.variables);
  const counted = variables.map((item) => {
    const k = item.columns[0];
    // Substantive answers only: 说不清/拒答 are item non-response (measured above), and their rare
    // cells would make the chi-square approximation unreliable.
    const codes = (item.variable.choices ?? []).map((c) => String(c.code));
    const counts = new Map<string, number[]>();
    for (const [enumerator, indices] of byEnumerator) {
      const n = codes.map(() => 0);
      for (const i of indices) {
        const at = rows[i].values[k] === null ? -1 : codes.indexOf(String(rows[i].values[k]));
        if (at >= 0) n[at]++;
      }
      counts.set(enumerator, n);
    }
    return { variable: item.variable.name, counts };
  });
  const { tests, setAside } = interviewerEffects(counted, alpha, T.minAnswers);

  const enumerators = [...byEnumerator].map(([enumerator, indices]): EnumeratorQuality => {
    const count = (test: (i: number) => boolean) => indices.filter(test).length;
    const mine = indices.reduce((sum, i) => [sum[0] + nonresponse[i][0], sum[1] + nonresponse[i][1]], [0, 0]);
    const others = [totalNonresponse[0] - mine[0], totalNonresponse[1] - mine[1]];
    const located = indices.map((i) => active[i]).filter((s) => s.latitude !== null && s.longitude !== null) as { latitude: number; longitude: number }[];
    const quality: EnumeratorQuality = {
      enumerator,
      interviews: indices.length,
      medianDuration: median(indices.map((i) => active[i].durationS ?? Number.NaN)),
      speeders: count((i) => has(i, 'speeder')),
      straightLined: count((i) => has(i, 'straight-lining', 'uniform-grid')),
      nonresponse: mine[1] ? mine[0] / mine[1] : null,
      nonresponseOthers: others[1] ? others[0] / others[1] : null,
      duplicates: count((i) => has(i, 'duplicate', 'near-duplicate')),
      inBursts: count((i) => bursts[i]),
      gps: located.length ? { points: located.length, clustered: clusteredPoints(located, T.gps.radius) } : null,
      tests: tests.filter((t) => t.enumerator === enumerator).map(({ enumerator: _, ...t }) => t),
      flags: [],
    };
    quality.flags = flagsOf(quality, decisions.speederSeconds, alpha, { max: burstRule.max_per_ip, minutes: burstRule.window_minutes }, lang);
    return quality;
  });
  return {
    interviews: active.length,
    medianDuration: decisions.medianDuration,
    speederSeconds: decisions.speederSeconds,
    variables: variables.map((v) => v.variable.name),
    tests: tests.length,
    setAside,
    alpha,
    burst: { max: burstRule.max_per_ip, minutes: burstRule.window_minutes },
    enumerators,
  };
}

/** The flags an enumerator's figures raise (QUALITY_THRESHOLDS), each with its reason. */
function flagsOf(q: EnumeratorQuality, speederSeconds: number | null, alpha: number, burst: { max: number; minutes: number }, lang: Lang): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const words = qualityWords(lang);
  const flag = (rule: QualityRule, figures: FlagFigures) => flags.push({ rule, reason: words.flag[rule](figures) });
  const of = q.interviews;
  if (q.speeders >= T.speeder.min && q.speeders / of >= T.speeder.share) flag('speeder', { n: q.speeders, of, share: q.speeders / of, seconds: Math.round(speederSeconds ?? 0) });
  if (q.straightLined >= T.straightLining.min && q.straightLined / of >= T.straightLining.share) flag('straight-lining', { n: q.straightLined, of, share: q.straightLined / of });
  if (q.nonresponse !== null && q.nonresponse >= T.nonresponse.rate && q.nonresponse >= T.nonresponse.ratio * (q.nonresponseOthers ?? 0)) {
    flag('nonresponse', { rate: q.nonresponse, others: q.nonresponseOthers ?? 0 });
  }
  const different = q.tests.filter((t) => t.pHolm < alpha).map((t) => t.variable);
  if (different.length) flag('distribution', { variables: different.join(words.listSeparator), alpha });
  if (q.duplicates >= T.duplicate.min) flag('duplicate', { n: q.duplicates });
  if (q.inBursts >= T.burst.min) flag('burst', { n: q.inBursts, ...burst });
  if (q.gps && q.gps.points >= T.gps.minPoints && q.gps.clustered / q.gps.points >= T.gps.share) {
    flag('gps', { n: q.gps.clustered, of: q.gps.points, share: q.gps.clustered / q.gps.points, radius: T.gps.radius });
  }
  return flags;
}
