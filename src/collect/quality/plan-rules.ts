import { defaultRules, loadRules, type CleanRules } from '../../clean/clean-rules.js';
import type { CollectionPlan } from '../read-collection-plan.js';

/**
 * The cleaning rules a plan's `rules:` names, so the quality view and the dashboard's 有效 judge
 * speeders, straight-lining and bursts by the thresholds `survey run` will clean with; an explicit
 * `--rules` file wins, and a plan without rules (or a bare codebook) gets `survey clean`'s defaults.
 */
export async function planRules(plan: CollectionPlan, rulesFile?: string): Promise<CleanRules> {
  const file = rulesFile ?? plan.rules;
  return file ? loadRules(file) : defaultRules();
}
