import { UsageError } from './errors.js';
import type { DataTable } from './data-table.js';

/**
 * Population size N_h (in PSUs) of each stratum from an `--fpc` column, as R `svydesign(fpc = ~F)`
 * (`survey:::as.fpc`, one stage): values all ≥ 1 are population sizes; values all ≤ 1 are sampling
 * fractions f_h, and N_h = n_h / f_h with n_h the PSUs sampled in the stratum. The result is indexed
 * by stratum (one entry without strata); at a later stage of a multistage design the "strata" are the
 * units of the stage above (`group` names them in messages). Throws a UsageError for a missing or non-positive value,
 * a mix of sizes and fractions, a value that varies within a stratum (R only warns, then uses the
 * first row of each PSU; one number per stratum is what the formula means), and N_h < n_h.
 */
export function populationSizes(table: DataTable, name: string, strata: Int32Array | null, psus: Int32Array | null, group = 'stratum'): Float64Array {
  const column = table.column(name);
  if (column.kind !== 'number') throw new UsageError(`--fpc ${name} is not numeric`, { hint: '--fpc needs population sizes per stratum, or sampling fractions ≤ 1' });
  const values = column.values;
  const stratumCount = strata ? strata.reduce((a, h) => Math.max(a, h + 1), 0) : 1;
  const given = new Float64Array(stratumCount).fill(NaN);
  for (let i = 0; i < table.nrows; i++) {
    const f = values[i];
    if (!Number.isFinite(f) || f <= 0) {
      throw new UsageError(`--fpc ${name} is ${Number.isNaN(f) ? 'missing' : f} in row ${table.sourceRows[i]}`, { hint: 'every row needs a positive population size or sampling fraction' });
    }
    const h = strata ? strata[i] : 0;
    if (Number.isNaN(given[h])) given[h] = f;
    else if (given[h] !== f) {
      throw new UsageError(`--fpc ${name} varies within a ${group} (${given[h]} and ${f} in row ${table.sourceRows[i]})`, { hint: `give one population size (or sampling fraction) per ${group}` });
    }
  }
  const sizes = given.some((f) => f > 1);
  if (sizes && given.some((f) => f < 1)) {
    throw new UsageError(`--fpc ${name} mixes population sizes (> 1) and sampling fractions (< 1)`, { hint: 'give all population sizes or all sampling fractions' });
  }
  const sampled = unitsPerGroup(strata, psus, stratumCount, table.nrows);
  return given.map((f, h) => {
    const n = sampled[h];
    const N = sizes ? f : n / f;
    if (N < n) throw new UsageError(`--fpc ${name} gives a population of ${N} PSUs where ${n} were sampled`, { hint: 'the population size must be at least the sample size' });
    return N;
  });
}

/** Sampled units per group (stratum or parent unit): how many distinct `units` each group has. */
export function unitsPerGroup(groups: Int32Array | null, units: Int32Array | null, groupCount: number, nrows: number): Float64Array {
  const counts = new Float64Array(groupCount);
  const seen = new Set<number>();
  for (let i = 0; i < nrows; i++) {
    const u = units ? units[i] : i;
    if (seen.has(u)) continue;
    seen.add(u);
    counts[groups ? groups[i] : 0]++;
  }
  return counts;
}
