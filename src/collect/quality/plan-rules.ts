import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { defaultRules, loadRules, type CleanRules } from '../../clean/clean-rules.js';
import { parseYaml } from '../../io/parse-yaml.js';

/**
 * The cleaning rules a plan's `rules:` names (relative to the plan), so the quality view judges
 * speeders, straight-lining and bursts by the thresholds `survey run` will clean with; an explicit
 * `--rules` file wins, and a plan without rules (or a bare codebook) gets `survey clean`'s defaults.
 */
export async function planRules(planFile: string, rulesFile?: string): Promise<CleanRules> {
  if (rulesFile) return loadRules(rulesFile);
  const doc = parseYaml(readFileSync(planFile, 'utf8'), planFile, 'plan') as Record<string, unknown> | null;
  const named = doc && typeof doc.rules === 'string' ? doc.rules : null;
  if (!named) return defaultRules();
  return loadRules(isAbsolute(named) ? named : join(dirname(resolve(planFile)), named));
}
