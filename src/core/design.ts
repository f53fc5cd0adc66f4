import { UsageError } from './errors.js';
import type { DataTable } from './data-table.js';
import { checkNested, indexColumn, laterStages, stageColumns, type IndexedColumn, type LaterStage } from './design-stages.js';
import { describeReplicates } from './describe-replicates.js';
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
  /**
   * The stages below the PSUs of a multistage design (`--cluster dnum+snum`), stage 2 first; their
   * variance is added only when every stage has its `--fpc`, as R's `svyrecvar` does.
   */
  readonly laterStages?: readonly LaterStage[];
  /** A stratum with one PSU: R's `options(survey.lonely.psu)`; `fail` when absent. */
  readonly lonelyPsu?: LonelyPsu;
  /** The value of each stratum index in the data, for messages. */
  readonly strataNames?: readonly string[];
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

/** What to do with a stratum that has one PSU (R `options(survey.lonely.psu = ...)`). */
export type LonelyPsu = 'fail' | 'adjust' | 'average' | 'remove' | 'certainty';

/** The lonely-PSU choices, in the order `--help` lists them. */
export const LONELY_PSU: readonly LonelyPsu[] = ['fail', 'adjust', 'average', 'remove', 'certainty'];

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
  /** Cluster columns, one per stage, `+`-joined (`dnum+snum`, R `svydesign(ids = ~dnum + snum)`). */
  cluster?: string;
  /** Population size per stratum, or sampling fraction, one column per stage (`--fpc fpc1+fpc2`, R `svydesign(fpc = ~F)`). */
  fpc?: string;
  /** Cluster ids are only unique within strata (`--nest`, R `nest = TRUE`). */
  nest?: boolean;
  /** A stratum with one PSU (`--lonely-psu`, R `options(survey.lonely.psu)`). */
  lonelyPsu?: LonelyPsu;
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

/**
 * Builds a design from column names (R: `svydesign(ids = ~c1 + c2, strata = ~s, weights = ~w,
 * fpc = ~f1 + f2, nest)`; with `freq`, `lm(..., weights = f)` / expanded rows). Unweighted when
 * nothing is given; with `--fpc` and no weights, the weights the population sizes imply (R).
 */
export function makeDesign(table: DataTable, spec: DesignSpec = {}): Design {
  if (spec.weight && spec.freq) {
    throw new UsageError('--weight and --freq are different things and cannot be combined', {
      hint: '--weight takes sampling weights (design-based inference); --freq takes frequency weights (a row counts as F cases)',
    });
  }
  if (spec.freq && (spec.strata || spec.cluster || spec.fpc)) {
    throw new UsageError('--strata, --cluster and --fpc describe a sample design; they go with --weight, not --freq');
  }
  if (spec.lonelyPsu && !LONELY_PSU.includes(spec.lonelyPsu)) {
    throw new UsageError(`--lonely-psu ${spec.lonelyPsu} is not a choice`, { hint: `choose one of ${LONELY_PSU.join(', ')} (R options(survey.lonely.psu))` });
  }
  const strata = spec.strata ? indexColumn(table, spec.strata, '--strata', null) : null;
  const clusterNames = spec.cluster ? stageColumns(table, spec.cluster) : [];
  const stages: IndexedColumn[] = [];
  for (const [k, name] of clusterNames.entries()) {
    // Stage 1 is nested in strata only with --nest; later stages always in the unit above (R's interaction).
    stages.push(indexColumn(table, name, '--cluster', k === 0 ? (spec.nest ? strata?.index ?? null : null) : stages[k - 1].index));
  }
  if (stages.length > 0) {
    if (strata && !spec.nest) checkNested(stages[0], strata, clusterNames[0]);
    if (stages[0].names.length === 1 && !(spec.nest && strata)) {
      throw new UsageError(`--cluster ${clusterNames[0]} has a single value: the design has only one primary sampling unit`, { hint: 'a variance needs at least two PSUs; check the column' });
    }
  }
  const fpcNames = spec.fpc ? stageColumns(table, spec.fpc) : [];
  const { laterStages: later, fpcWeights, populationSizes } = laterStages(table, strata, stages, clusterNames, fpcNames);
  return {
    table,
    weights: spec.weight ? positiveColumn(table, spec.weight, '--weight', false) : fpcWeights,
    freq: spec.freq ? positiveColumn(table, spec.freq, '--freq', true) : null,
    strata: strata?.index ?? null,
    clusters: stages[0]?.index ?? null,
    populationSizes,
    laterStages: later,
    lonelyPsu: spec.lonelyPsu ?? 'fail',
    strataNames: strata?.names,
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
  if (!s.weight && !s.strata && !s.cluster && !s.fpc) return null;
  const formula = (text: string) => `~${stageColumns(design.table, text).join(' + ')}`;
  const args = [
    `ids = ${s.cluster ? formula(s.cluster) : '~1'}`,
    ...(s.strata ? [`strata = ~${s.strata}`] : []),
    ...(s.weight ? [`weights = ~${s.weight}`] : []),
    ...(s.fpc ? [`fpc = ${formula(s.fpc)}`] : []),
    ...(s.nest ? ['nest = TRUE'] : []),
  ];
  const lonely = design.lonelyPsu && design.lonelyPsu !== 'fail' ? `; options(survey.lonely.psu = "${design.lonelyPsu}")` : '';
  const calibration = s.poststratify ? `; postStratify to ${s.poststratify}` : s.rake ? `; rake to ${s.rake}` : '';
  return `svydesign(${args.join(', ')})${lonely}${calibration}`;
}
