import type { CleanRules } from '../clean/clean-rules.js';
import type { Check } from '../core/types.js';
import type { WeightingTargets } from '../weight/weighting-targets.js';

/** One setting that differs between two waves: a cleaning rule's threshold, a check, a weighting target. */
export interface SettingChange {
  /** `speeder.median_fraction`, `checks.retired-age`, `targets.area=城市`, `weight.method`. */
  readonly setting: string;
  /** As the earlier and the later wave had it; null where it had none. */
  readonly from: string | null;
  readonly to: string | null;
}

const show = (v: unknown): string | null => (v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    // An empty map (attention.items: {}) is a setting in itself.
    if (!entries.length && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

function diffMaps(before: Map<string, unknown>, after: Map<string, unknown>): SettingChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.flatMap((k) => (show(before.get(k)) === show(after.get(k)) ? [] : [{ setting: k, from: show(before.get(k)), to: show(after.get(k)) }]));
}

/**
 * Cleaning settings that differ between two waves: every rule threshold and action as applied
 * (defaults filled in, so a rules file that restates a default is no difference), and the
 * codebook's consistency checks (added, removed, or with another expression).
 */
export function diffCleaning(earlier: { rules: CleanRules; checks: readonly Check[] }, later: { rules: CleanRules; checks: readonly Check[] }): SettingChange[] {
  const [a, b] = [new Map<string, unknown>(), new Map<string, unknown>()];
  flatten(earlier.rules, '', a);
  flatten(later.rules, '', b);
  const checks = (list: readonly Check[]) => new Map(list.map((c) => [`checks.${c.name}`, c.check.replace(/\s+/g, ' ').trim()]));
  return [...diffMaps(a, b), ...diffMaps(checks(earlier.checks), checks(later.checks))];
}

/** A wave's weighting: the plan's weight step (method, variables, trimming) and its targets; null when unweighted. */
export interface WaveWeighting {
  readonly spec: { method?: string; by?: readonly string[]; trim?: unknown } | null;
  readonly targets: WeightingTargets | null;
}

function targetEntries(targets: WeightingTargets | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!targets) return out;
  if (targets.total !== null) out.set('targets.total', targets.total);
  for (const table of targets.tables) {
    table.keys.forEach((levels, k) => out.set(`targets.${levels.map((level, j) => `${table.variables[j]}=${level}`).join(',')}`, table.values[k]));
  }
  return out;
}

/**
 * Weighting that differs between two waves: weighted or not, the method, the variables, trimming,
 * and every population target (total, margin or cell) as the targets files give them.
 */
export function diffWeighting(earlier: WaveWeighting, later: WaveWeighting): SettingChange[] {
  const spec = (w: WaveWeighting) => {
    const out = new Map<string, unknown>([['weight', w.spec ? 'yes' : 'no']]);
    if (w.spec) {
      out.set('weight.method', w.spec.method ?? '(default)');
      if (w.spec.by) out.set('weight.by', w.spec.by);
      if (w.spec.trim) out.set('weight.trim', w.spec.trim);
    }
    return out;
  };
  return [...diffMaps(spec(earlier), spec(later)), ...diffMaps(targetEntries(earlier.targets), targetEntries(later.targets))];
}
