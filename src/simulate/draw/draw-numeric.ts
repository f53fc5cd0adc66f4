import type { Rng } from './create-rng.js';
import { drawNormal } from './draw-normal.js';
import type { ParamGroup } from './group-rows.js';
import { roundTo } from './round-to.js';
import { ANSWERED } from '../simulated-sample.js';
import type { PlanVariable } from '../spec/simulation-plan.js';

/**
 * Draws a normal or log-normal numeric row by row: normal(mean, sd), or exp(normal(μ, sdlog)) with
 * μ = ln(mean) − sdlog²/2 so that `mean` is the log-normal's mean. With `exactMean` each group's
 * draws are shifted (normal) or scaled (log-normal) so the answered rows' mean is exactly `mean`,
 * as cut points make ordinal shares exact. Then values are clamped and rounded.
 */
export function drawNumeric(
  variable: PlanVariable,
  groups: readonly ParamGroup[],
  missing: Int16Array,
  rng: Rng,
): Float64Array {
  const n = missing.length;
  const lognormal = variable.dist === 'lognormal';
  const values = new Float64Array(n);
  const groupOf = new Int32Array(n);
  groups.forEach((group, g) => group.rows.forEach((row) => (groupOf[row] = g)));
  for (let row = 0; row < n; row++) {
    const { mean = 0, sd = 1, sdlog = 1 } = groups[groupOf[row]].params;
    const z = drawNormal(rng);
    values[row] = lognormal ? Math.exp(Math.log(mean) - (sdlog * sdlog) / 2 + sdlog * z) : mean + sd * z;
  }
  for (const { rows, params } of groups) {
    const answered = rows.filter((row) => missing[row] === ANSWERED);
    if (variable.exactMean && answered.length > 0) {
      const target = params.mean ?? 0;
      const drawn = answered.reduce((sum, row) => sum + values[row], 0) / answered.length;
      for (const row of rows) values[row] = lognormal ? (values[row] * target) / drawn : values[row] + target - drawn;
    }
    for (const row of rows) {
      let x = values[row];
      if (params.clamp) x = Math.min(params.clamp[1], Math.max(params.clamp[0], x));
      values[row] = variable.round === undefined ? x : roundTo(x, variable.round);
    }
  }
  return values;
}
