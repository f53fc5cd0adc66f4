import type { Codebook, Variable } from '../../core/types.js';
import type { WjxSpec } from './spec-schema.js';

/** Distribution parameters after `by` overrides; shares and targets are indexed like the variable's choices. */
export interface ResolvedParams {
  mean?: number;
  sd?: number;
  sdlog?: number;
  clamp?: [number, number];
  shares?: number[];
  targets?: number[];
}

/** Parameters that differ for rows at some levels (choice indexes) of an earlier variable. */
export interface ResolvedBy {
  source: string;
  overrides: Map<number, ResolvedParams>;
}

/** One term of an ordinal item's linear predictor: a variable's value, its log, or a level indicator. */
export interface ResolvedTerm {
  /** The term as written in the spec, e.g. `log(income)` or `area=农村`. */
  text: string;
  source: string;
  transform: 'value' | 'log' | 'indicator';
  /** The choice index an indicator tests for. */
  level?: number;
  coefficient: number;
}

/** How rows of a variable go missing: an empty cell, or a declared missing code (index into `variable.missing`). */
export interface ResolvedMissing {
  kind: 'empty' | 'declared';
  index: number;
  rate: number;
}

/** One generated variable: its distribution, resolved against the codebook. */
export interface PlanVariable {
  name: string;
  /** The spec path, for errors found while drawing (`variables.income`). */
  path: string;
  /** The codebook variable; absent for hidden helpers, which are never written. */
  variable?: Variable;
  dist: 'categorical' | 'normal' | 'lognormal' | 'ordinal';
  base: ResolvedParams;
  by: ResolvedBy[];
  round?: number;
  /** Shift (normal) or scale (log-normal) each group's draws so their answered mean is exactly `mean`. */
  exactMean?: boolean;
  noise?: 'logistic' | 'normal';
  terms: ResolvedTerm[];
  missing: ResolvedMissing[];
}

/** A simulation spec resolved against its codebook: everything needed to draw a sample. */
export interface SimulationPlan {
  /** The spec file, for messages. */
  file: string;
  codebookFile: string;
  codebook: Codebook;
  seed?: number;
  idColumn: string;
  strata: { variable: Variable; sizes: number[] };
  /** Generators in spec order (each may use only the strata variable and those before it). */
  variables: PlanVariable[];
  /** Output columns after the id: the strata variable and the written variables, in codebook order. */
  columns: Variable[];
  wjx?: WjxSpec;
}
