import type { DataTable } from './data-table.js';
import { UsageError } from './errors.js';
import { populationSizes, unitsPerGroup } from './population-sizes.js';

/**
 * One stage k ≥ 2 of a multistage design: each row's unit at that stage (numbered across the whole
 * design, so nested in its parent, as R's `svydesign` makes `ids[, k]` an interaction), its parent
 * unit (the stage above), and with `--fpc` the population size of such units in each parent and the
 * product of the sampling fractions of the stages above each parent (R `multistage`'s scaling).
 */
export interface LaterStage {
  readonly units: Int32Array;
  readonly parents: Int32Array;
  readonly populationSizes: Float64Array | null;
  readonly scale: Float64Array | null;
  /** The value of each parent index in the data, for messages. */
  readonly parentNames: readonly string[];
}

/** A column turned into 0-based indices, with the data's value of each index. */
export interface IndexedColumn {
  readonly index: Int32Array;
  readonly names: string[];
}

/**
 * The columns of a `+`-joined stage list (`dnum+snum`, as R's `~dnum + snum`), unless the whole
 * text is itself a column of the data.
 */
export function stageColumns(table: DataTable, text: string): string[] {
  if (table.has(text)) return [text];
  return text.split('+').map((s) => s.trim());
}

/**
 * Indices of a column's values, numbered by first appearance; `within` (a parent index per row)
 * makes the same value under two parents two units, as R's `interaction(parent, id)`.
 */
export function indexColumn(table: DataTable, name: string, flag: string, within: Int32Array | null): IndexedColumn {
  const column = table.column(name);
  // Categorical text is stored as codes: messages name a unit by its label in the data.
  const variable = table.codebook.variables.find((v) => v.name === column.variable);
  const label = (v: string | number) => String(variable?.choices?.find((c) => String(c.code) === String(v))?.label ?? v);
  const ids = new Map<string, number>();
  const names: string[] = [];
  const index = new Int32Array(table.nrows);
  for (let i = 0; i < table.nrows; i++) {
    const v = column.values[i];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
      throw new UsageError(`${flag} ${name} is missing in row ${table.sourceRows[i]}`, { hint: `every row needs a ${flag.slice(2)}` });
    }
    const key = within ? `${within[i]}\u0000${v}` : String(v);
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = names.length));
      names.push(label(v));
    }
    index[i] = id;
  }
  return { index, names };
}

/**
 * R's `check.strata`: without `--nest` a PSU id may appear in one stratum only, or the design is
 * ambiguous (numbers restarting in each stratum are different PSUs only with `nest = TRUE`).
 */
export function checkNested(clusters: IndexedColumn, strata: IndexedColumn, name: string): void {
  const stratumOf = new Int32Array(clusters.names.length).fill(-1);
  for (let i = 0; i < clusters.index.length; i++) {
    const c = clusters.index[i];
    const h = strata.index[i];
    if (stratumOf[c] === -1) stratumOf[c] = h;
    else if (stratumOf[c] !== h) {
      throw new UsageError(`--cluster ${name} = ${clusters.names[c]} appears in strata ${strata.names[stratumOf[c]]} and ${strata.names[h]}: clusters are not nested in strata`, {
        hint: 'add --nest if cluster numbers restart in each stratum (R svydesign(nest = TRUE)); otherwise check the strata',
      });
    }
  }
}

/** The stages of a multistage design below its PSUs, and the weights its `--fpc` implies. */
export interface StagesResult {
  readonly laterStages: LaterStage[];
  /** Π_k N_k/n_k per row (R `weights(fpc)` when no weights are given); null without `--fpc`. */
  readonly fpcWeights: Float64Array | null;
  readonly populationSizes: Float64Array | null;
}

/**
 * Stage 2, 3, … of `--cluster a+b+…` (each nested in the stage above) and, with `--fpc f1+f2+…`
 * (one column per stage, R `svydesign(fpc = ~f1 + f2)`), each stage's population sizes and the
 * product of the sampling fractions n/N of the stages above each unit: R's `multistage` scales a
 * unit's within-unit variance by them.
 */
export function laterStages(table: DataTable, strata: IndexedColumn | null, stages: IndexedColumn[], clusterNames: string[], fpcNames: string[]): StagesResult {
  const n = table.nrows;
  const levels = Math.max(stages.length, 1);
  if (fpcNames.length > 0 && fpcNames.length !== levels) {
    throw new UsageError(`--fpc gives ${fpcNames.length} column${fpcNames.length > 1 ? 's' : ''} for a design of ${levels} stage${levels > 1 ? 's' : ''}`, {
      hint: `give one population size (or sampling fraction) per stage of --cluster, +-joined: --fpc ${clusterNames.map((_, k) => `fpc${k + 1}`).join('+') || 'fpc'}`,
    });
  }
  const result: LaterStage[] = [];
  if (fpcNames.length === 0) {
    for (let k = 1; k < stages.length; k++) result.push({ units: stages[k].index, parents: stages[k - 1].index, populationSizes: null, scale: null, parentNames: stages[k - 1].names });
    return { laterStages: result, fpcWeights: null, populationSizes: null };
  }
  const first = stages[0] ?? null;
  const strataCount = strata ? strata.names.length : 1;
  const sizes1 = populationSizes(table, fpcNames[0], strata?.index ?? null, first?.index ?? null);
  const sampled1 = unitsPerGroup(strata?.index ?? null, first?.index ?? null, strataCount, n);
  const weights = new Float64Array(n);
  // fraction[i]: the product of the sampling fractions of the stages above row i's current unit.
  const fraction = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = strata ? strata.index[i] : 0;
    weights[i] = sizes1[h] / sampled1[h];
    fraction[i] = sampled1[h] / sizes1[h];
  }
  for (let k = 1; k < stages.length; k++) {
    const parents = stages[k - 1];
    const sizes = populationSizes(table, fpcNames[k], parents.index, stages[k].index, `unit of ${clusterNames[k - 1]}`);
    const sampled = unitsPerGroup(parents.index, stages[k].index, parents.names.length, n);
    const scale = new Float64Array(parents.names.length);
    for (let i = 0; i < n; i++) {
      const g = parents.index[i];
      scale[g] = fraction[i];
      weights[i] *= sizes[g] / sampled[g];
    }
    for (let i = 0; i < n; i++) fraction[i] *= sampled[parents.index[i]] / sizes[parents.index[i]];
    result.push({ units: stages[k].index, parents: parents.index, populationSizes: sizes, scale, parentNames: parents.names });
  }
  return { laterStages: result, fpcWeights: weights, populationSizes: sizes1 };
}
