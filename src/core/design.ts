import { UsageError } from './errors.js';
import type { DataTable } from './data-table.js';
import { populationSizes } from './population-sizes.js';
import { describeReplicates } from './replicate-design.js';
import type { ReplicateWeights } from './replicate-weights.js';

/**
 * The survey design every estimator takes (R survey's `svydesign` object): the data, and either
 * sampling weights with optional strata and clusters (design-based inference) or frequency weights
 * (a row counts as that many cases). The two kinds of weight are never mixed.
 */
export interface Design {
  readonly table: DataTable;
  /** Sampling (probability) weights; null for an unweighted design. */
  readonly weights: Float64Array | null;
  /** Frequency weights; null when rows are single cases. */
  readonly freq: Float64Array | null;
  /** Stratum index per row (0-based), or null for one stratum. */
  readonly strata: Int32Array | null;
  /** Cluster (PSU) index per row, unique across strata, or null when each row is its own PSU. */
  readonly clusters: Int32Array | null;
  /**
   * Population size N_h in PSUs per stratum index (`--fpc`): variances get the finite population
   * correction 1 − n_h/N_h. Absent (or null) when sampling is with replacement.
   */
  readonly populationSizes?: Float64Array | null;
  /** The variables that defined it, for results to say which design produced them. */
  readonly spec: DesignSpec;
  /**
   * How `weights` were calibrated to population targets (R survey's `design$postStrata`), so that
   * linearization variances account for the calibration; absent when the weights are fixed.
   */
  readonly calibration?: Calibration;
  /**
   * Replicate weights (`--repweights`, `--replicates`; R `svrepdesign` / `as.svrepdesign`): every
   * variance is then R's `svrVar` over re-estimates with each replicate's weights, not linearization.
   */
  readonly replicates?: ReplicateWeights | null;
}

/**
 * The record a calibration leaves for variance estimation (R `postStratify()` / `rake()`):
 * post-stratification keeps each row's cell and its weights before and after; raking keeps, per
 * margin, each row's level and the weights right after that margin's step in the last sweep.
 */
export type Calibration =
  | {
      readonly kind: 'poststratify';
      /** Post-stratum (cell) index per row. */
      readonly cells: Int32Array;
      readonly oldWeights: Float64Array;
      readonly weights: Float64Array;
      /** The targets file, for results to name it. */
      readonly source: string;
    }
  | {
      readonly kind: 'rake';
      readonly margins: readonly { readonly levels: Int32Array; readonly weights: Float64Array }[];
      readonly source: string;
    };

/** Which columns define a design (the CLI's `--weight`, `--freq`, `--strata`, `--cluster`). */
export interface DesignSpec {
  weight?: string;
  freq?: string;
  strata?: string;
  cluster?: string;
  /** Population size per stratum, or sampling fraction (`--fpc`, R `svydesign(fpc = ~F)`). */
  fpc?: string;
  /** Targets file the weights were post-stratified to (`--poststratify`). */
  poststratify?: string;
  /** Targets file the weights were raked to (`--rake`). */
  rake?: string;
}

function positiveColumn(table: DataTable, name: string, flag: string, allowZero: boolean): Float64Array {
  const column = table.column(name);
  if (column.kind !== 'number') throw new UsageError(`${flag} ${name} is not numeric`, { hint: `${flag} needs a numeric column` });
  column.values.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0 || (!allowZero && w === 0)) {
      throw new UsageError(`${flag} ${name} is ${Number.isNaN(w) ? 'missing' : w} in row ${table.sourceRows[i]}`, {
        hint: `every row needs a ${allowZero ? 'non-negative' : 'positive'} ${flag === '--freq' ? 'frequency' : 'weight'}`,
      });
    }
  });
  return column.values;
}

function indexColumn(table: DataTable, name: string, flag: string, within?: Int32Array | null): Int32Array {
  const column = table.column(name);
  const ids = new Map<string, number>();
  const out = new Int32Array(table.nrows);
  for (let i = 0; i < table.nrows; i++) {
    const v = column.values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
      throw new UsageError(`${flag} ${name} is missing in row ${table.sourceRows[i]}`, { hint: `every row needs a ${flag.slice(2)}` });
    }
    // Cluster ids are nested in strata (R survey's nest=TRUE), so the same id in two strata is two PSUs.
    const key = within ? `${within[i]}\u0000${v}` : String(v);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/**
 * Builds a design from column names (R: `svydesign(ids=~cluster, strata=~strata, weights=~w, fpc=~F)`;
 * with `freq`, `lm(..., weights=f)` / expanded rows). Unweighted when nothing is given.
 */
export function makeDesign(table: DataTable, spec: DesignSpec = {}): Design {
  if (spec.weight && spec.freq) {
    throw new UsageError('--weight and --freq are different things and cannot be combined', {
      hint: '--weight takes sampling weights (design-based inference); --freq takes frequency weights (a row counts as F cases)',
    });
  }
  if (spec.freq && (spec.strata || spec.cluster)) {
    throw new UsageError('--strata and --cluster describe a sample design; they go with --weight, not --freq');
  }
  if (spec.fpc && !spec.weight) {
    throw new UsageError('--fpc corrects the variance of a sample design; it goes with --weight', { hint: 'add --weight (and --strata/--cluster when the design has them)' });
  }
  const strata = spec.strata ? indexColumn(table, spec.strata, '--strata') : null;
  const clusters = spec.cluster ? indexColumn(table, spec.cluster, '--cluster', strata) : null;
  return {
    table,
    weights: spec.weight ? positiveColumn(table, spec.weight, '--weight', false) : null,
    freq: spec.freq ? positiveColumn(table, spec.freq, '--freq', true) : null,
    strata,
    clusters,
    populationSizes: spec.fpc ? populationSizes(table, spec.fpc, strata, clusters) : null,
    spec: { ...spec },
  };
}

/**
 * Which design produced a result, in R's words, e.g.
 * `svydesign(ids = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc); postStratify to population.yaml`;
 * `frequency weights Freq`; null for an unweighted simple random sample.
 */
export function describeDesign(design: Design): string | null {
  const s = design.spec;
  if (design.replicates) {
    const calibrated = s.poststratify ? `; postStratify to ${s.poststratify}` : s.rake ? `; rake to ${s.rake}` : '';
    const { poststratify: _p, rake: _r, ...plain } = s;
    return describeReplicates(design.replicates, s.weight, describeDesign({ ...design, replicates: null, spec: plain }), calibrated);
  }
  if (s.freq) return `frequency weights ${s.freq} (a row counts as ${s.freq} cases)`;
  if (!s.weight && !s.strata && !s.cluster) return null;
  const args = [`ids = ~${s.cluster ?? '1'}`, ...(s.strata ? [`strata = ~${s.strata}`] : []), ...(s.weight ? [`weights = ~${s.weight}`] : []), ...(s.fpc ? [`fpc = ~${s.fpc}`] : [])];
  const calibration = s.poststratify ? `; postStratify to ${s.poststratify}` : s.rake ? `; rake to ${s.rake}` : '';
  return `svydesign(${args.join(', ')})${calibration}`;
}
