import { defaultRules, loadRules } from '../clean/clean-rules.js';
import type { LoadedPlan } from '../run/load-plan.js';
import type { CompareEntry } from '../run/plan-schema.js';
import type { Wave } from './compare-waves.js';
import { compareWords } from '../locale/compare-words.js';

/** The label a plan's wave gets: its `wave:`, else the year of its `date:` (2025年 / 2025), else its name. */
export function waveLabel(loaded: LoadedPlan): string {
  const { plan } = loaded;
  const year = /^(\d{4})/.exec(plan.date ?? '')?.[1];
  return plan.wave ?? (year ? compareWords(plan.lang).year(year) : plan.name);
}

/** The comparison's view of a plan's wave: its results, codebook, cleaning rules and weighting. */
export async function planWave(loaded: LoadedPlan, results: unknown, source: string, label: string, same?: CompareEntry['same']): Promise<Wave> {
  return {
    label,
    source,
    results,
    codebook: loaded.codebook,
    cleaning: { rules: loaded.rulesFile ? await loadRules(loaded.rulesFile) : defaultRules(), checks: loaded.codebook.checks },
    weighting: { spec: loaded.plan.weight ?? null, targets: loaded.targets },
    same: sameMap(same),
  };
}

/** The variables a `compare:` entry states comparable, with the reason given. */
export function sameMap(same: CompareEntry['same']): ReadonlyMap<string, string> | undefined {
  if (!same) return undefined;
  return Array.isArray(same) ? new Map(same.map((v) => [v, 'stated the same question'])) : new Map(Object.entries(same));
}

