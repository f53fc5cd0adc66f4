import type { Design } from '../core/design.js';
import { weightDesign, type WeightingResult } from '../weight/weight-design.js';
import type { WeightingTargets } from '../weight/weighting-targets.js';
import type { Plan } from './plan-schema.js';

/** The plan's weight step: `survey weight` with the plan's targets, method, variables and trimming (a run, and a recoded earlier wave, weight alike). */
export function weightPlan(design: Design, targets: WeightingTargets, spec: NonNullable<Plan['weight']>): WeightingResult {
  const trim = spec.trim ? ('bounds' in spec.trim ? { bounds: spec.trim.bounds } : { quantiles: spec.trim.quantiles }) : undefined;
  return weightDesign(design, targets, { method: spec.method, by: spec.by, trim });
}
