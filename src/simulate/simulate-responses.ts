import { allocateCounts } from './draw/allocate-counts.js';
import { createRng } from './draw/create-rng.js';
import { drawCategorical } from './draw/draw-categorical.js';
import { drawMissing } from './draw/draw-missing.js';
import { drawNumeric } from './draw/draw-numeric.js';
import { drawOrdinal } from './draw/draw-ordinal.js';
import { groupRows } from './draw/group-rows.js';
import { shuffleInPlace } from './draw/shuffle-in-place.js';
import { ANSWERED, type SimulatedColumn, type SimulatedSample, type SolvedCuts } from './simulated-sample.js';
import type { SimulationPlan } from './spec/simulation-plan.js';

/** How many rows to draw and from which seed. */
export interface SimulateOptions {
  /** Total rows; strata sizes are scaled to it (largest remainder). Default: the strata sizes as given. */
  n?: number;
  seed: number;
  /** Names a family of streams, so that extra respondents (e.g. the base of faulty rows) are independent. */
  stream?: string;
}

/**
 * Draws a synthetic sample from a resolved spec: strata of exact sizes in random order, then each
 * variable in spec order from its own seeded stream, then its missing rows. The same plan, n and
 * seed give the same sample on every platform.
 */
export function simulateResponses(plan: SimulationPlan, options: SimulateOptions): SimulatedSample {
  const { seed } = options;
  const prefix = options.stream ? `${options.stream}/` : '';
  const total = plan.strata.sizes.reduce((a, b) => a + b, 0);
  const n = options.n ?? total;
  const strataSizes = allocateCounts(n, plan.strata.sizes);
  const strata = shuffleInPlace(
    createRng(seed, `${prefix}strata`),
    strataSizes.flatMap((size, level) => Array<number>(size).fill(level)),
  );
  const columns = new Map<string, SimulatedColumn>();
  columns.set(plan.strata.variable.name, {
    name: plan.strata.variable.name,
    variable: plan.strata.variable,
    values: Float64Array.from(strata),
    missing: new Int16Array(n).fill(ANSWERED),
  });
  const cuts = new Map<string, SolvedCuts[]>();
  for (const variable of plan.variables) {
    const rng = createRng(seed, `${prefix}values/${variable.name}`);
    const missing = drawMissing(variable.missing, n, createRng(seed, `${prefix}missing/${variable.name}`));
    const groups = groupRows(variable, columns, n);
    let values: Float64Array;
    if (variable.dist === 'categorical') {
      values = drawCategorical(groups, n, rng);
    } else if (variable.dist === 'ordinal') {
      const drawn = drawOrdinal(variable, groups, columns, missing, rng);
      values = drawn.values;
      cuts.set(variable.name, drawn.cuts);
    } else {
      values = drawNumeric(variable, groups, missing, rng);
    }
    columns.set(variable.name, { name: variable.name, variable: variable.variable, values, missing });
  }
  return { n, seed, strataSizes, columns, cuts };
}
