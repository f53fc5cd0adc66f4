import type { Rng } from './create-rng.js';
import { cutLatent } from './cut-latent.js';
import { drawLogistic } from './draw-logistic.js';
import { drawNormal } from './draw-normal.js';
import type { ParamGroup } from './group-rows.js';
import { ANSWERED, type SimulatedColumn, type SolvedCuts } from '../simulated-sample.js';
import type { PlanVariable } from '../spec/simulation-plan.js';
import { solveCutPoints } from './solve-cut-points.js';
import { termValue } from '../spec/term-value.js';

/**
 * Draws an ordinal item as a cut latent variable: latent = Σ coefficient × term + noise (standard
 * logistic or normal), with cut points solved within each target group on the answered rows so
 * that their shares equal the targets exactly. Rows that go missing still get a complete value.
 */
export function drawOrdinal(
  variable: PlanVariable,
  groups: readonly ParamGroup[],
  columns: ReadonlyMap<string, SimulatedColumn>,
  missing: Int16Array,
  rng: Rng,
): { values: Float64Array; cuts: SolvedCuts[] } {
  const n = missing.length;
  const noise = variable.noise === 'normal' ? drawNormal : drawLogistic;
  const sources = variable.terms.map((term) => columns.get(term.source) as SimulatedColumn);
  const latent = new Float64Array(n);
  for (let row = 0; row < n; row++) {
    let eta = 0;
    variable.terms.forEach((term, t) => {
      eta += term.coefficient * termValue(term, sources[t], row);
    });
    latent[row] = eta + noise(rng);
  }
  const values = new Float64Array(n);
  const cuts = groups.map((group) => {
    const answered = group.rows.filter((row) => missing[row] === ANSWERED).map((row) => latent[row]);
    const solved = solveCutPoints(answered, group.params.targets ?? []);
    for (const row of group.rows) values[row] = cutLatent(latent[row], solved);
    return { group: group.label, rows: answered.length, cuts: solved };
  });
  return { values, cuts };
}
