import type { Variable } from '../core/types.js';

/** `missing[i]` of a row that was answered. */
export const ANSWERED = -1;
/** `missing[i]` of a row left empty. */
export const EMPTY = -2;

/** One generated variable over all rows. */
export interface SimulatedColumn {
  name: string;
  /** The codebook variable; absent for hidden helpers. */
  variable?: Variable;
  /** Complete values (before missingness): choice indexes for choice variables, else numbers. */
  values: Float64Array;
  /** Per row: ANSWERED, EMPTY, or k ≥ 0 for the declared missing code `variable.missing[k]`. */
  missing: Int16Array;
}

/** The cut points an ordinal item was given in one group of rows (`all`, or e.g. `area=2`). */
export interface SolvedCuts {
  group: string;
  rows: number;
  cuts: number[];
}

/** A synthetic sample: every generated column, row i being respondent `id` i + 1. */
export interface SimulatedSample {
  n: number;
  seed: number;
  /** Rows per stratum, indexed like the strata variable's choices. */
  strataSizes: number[];
  columns: Map<string, SimulatedColumn>;
  cuts: Map<string, SolvedCuts[]>;
}
