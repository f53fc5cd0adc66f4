import type { Design } from './design.js';
import { UsageError } from './errors.js';
import { hadamard } from './hadamard.js';
import { matchReplicateColumns, replicateDegreesOfFreedom, replicateScales, type ReplicateColumnsSpec, type ReplicateWeights } from './replicate-weights.js';

/** The types `--replicates` converts a linearization design to (R `as.svrepdesign(type = ...)`). */
export const CONVERSION_TYPES = ['JK1', 'JKn', 'BRR', 'Fay'] as const;
export type ConversionType = (typeof CONVERSION_TYPES)[number];

function replicateDesign(design: Design, weights: Float64Array, replicates: ReplicateWeights): Design {
  // A replicate design carries its sampling structure in the replicate weights (R's svyrep.design
  // has no strata or clusters); linearization never runs on it.
  return { ...design, weights, strata: null, clusters: null, populationSizes: null, replicates };
}

/**
 * A replicate-weight design from columns of the file (R `svrepdesign(data, repweights = "pattern",
 * type, weights = ~W, combined.weights = TRUE, rho, scale, rscales, mse)`): the columns whose names
 * match the regular expression are the replicates' analysis weights. Throws a UsageError when no
 * column (or the full-sample weight) matches, a replicate weight is missing, negative or not a
 * number, `--weight`, `--rho`, `--scale` or `--rscales` do not fit the type, or strata/clusters are given too.
 */
export function withReplicateColumns(design: Design, spec: ReplicateColumnsSpec): Design {
  const { table } = design;
  if (design.freq) throw new UsageError('--repweights are sampling replicate weights; they go with --weight, not --freq');
  if (!design.weights) throw new UsageError('--repweights needs --weight W, the full-sample weight the replicates go with', { hint: 'R svrepdesign(weights = ~W, repweights = ...)' });
  if (design.strata || design.clusters || design.populationSizes) {
    throw new UsageError('--strata, --cluster and --fpc describe a linearization design; with --repweights the replicate weights carry the design', {
      hint: 'drop them, or convert that design with --replicates JK1|JKn|BRR instead of --repweights',
    });
  }
  const columns = matchReplicateColumns(table.names, spec.pattern);
  if (columns.length === 0) {
    const shown = table.names.slice(0, 30).join(', ');
    throw new UsageError(`--repweights ${spec.pattern} matches no column`, { hint: `it is a regular expression over the column names (R svrepdesign): ${shown}${table.names.length > 30 ? ', …' : ''}` });
  }
  if (columns.includes(spec.weight)) {
    throw new UsageError(`--repweights ${spec.pattern} matches the full-sample weight ${spec.weight} too`, { hint: `anchor the pattern so that only the replicate columns match, e.g. "^${spec.weight}[0-9]+$"` });
  }
  if (columns.length < 2) throw new UsageError(`--repweights ${spec.pattern} matches one column (${columns[0]}); a replicate design needs two or more`);
  const weights = columns.map((name) => {
    const column = table.column(name);
    const choices = table.codebook.variables.find((v) => v.name === column.variable)?.choices?.length;
    if (column.kind !== 'number' || choices) throw new UsageError(`replicate weight ${name} is not numeric`, { hint: `--repweights ${spec.pattern} matched it; replicate weights are numbers` });
    column.values.forEach((w, i) => {
      if (!Number.isFinite(w) || w < 0) {
        throw new UsageError(`replicate weight ${name} is ${Number.isNaN(w) ? 'missing' : w} in row ${table.sourceRows[i]}`, { hint: 'every row needs a non-negative weight in every replicate (R svrepdesign stops on missing values)' });
      }
    });
    return column.values;
  });
  const { scale, rscales, rho } = replicateScales(spec.type, weights.length, spec);
  const replicates: ReplicateWeights = {
    type: spec.type,
    weights,
    scale,
    rscales,
    mse: spec.mse ?? false,
    rho,
    degf: replicateDegreesOfFreedom(weights, null),
    origin: { kind: 'columns', pattern: spec.pattern, columns, scaleGiven: spec.scale !== undefined, rscalesGiven: spec.rscales !== undefined },
  };
  return replicateDesign(design, design.weights, replicates);
}

/** PSUs of each stratum in order of first appearance, each PSU as its rows; strata in order of first appearance. */
function strataPsus(design: Design): { stratum: number; psus: number[][] }[] {
  const n = design.table.nrows;
  const byStratum = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < n; i++) {
    const h = design.strata ? design.strata[i] : 0;
    const psu = design.clusters ? design.clusters[i] : i;
    let psus = byStratum.get(h);
    if (!psus) byStratum.set(h, (psus = new Map()));
    let rows = psus.get(psu);
    if (!rows) psus.set(psu, (rows = []));
    rows.push(i);
  }
  return [...byStratum].map(([stratum, psus]) => ({ stratum, psus: [...psus.values()] }));
}

/**
 * Converts a linearization design (`--weight`, `--strata`, `--cluster`, `--fpc`) to replicate
 * weights, as R `as.svrepdesign(design, type, fay.rho, mse)`: JK1 (unstratified; delete one PSU,
 * the others × G/(G−1), scale (1 − f)(G − 1)/G), JKn (stratified; delete one PSU of stratum h,
 * its others × n_h/(n_h−1), rscales (1 − f_h)(n_h − 1)/n_h, census strata give no replicate), BRR
 * and Fay (exactly two PSUs per stratum; half-samples from R's Hadamard matrix, weights 2 − ρ and ρ,
 * scale 1/(R(1 − ρ)²)). The finite population correction is first-stage, as in R. Throws a
 * UsageError when the design does not fit the type.
 */
export function convertToReplicates(design: Design, type: ConversionType, options: { mse?: boolean; rho?: number } = {}): Design {
  if (design.freq) throw new UsageError('--replicates converts a sample design; it goes with --weight (and --strata/--cluster), not --freq');
  const n = design.table.nrows;
  const pw = design.weights ?? new Float64Array(n).fill(1);
  const strata = strataPsus(design);
  const sizes = design.populationSizes ?? null;
  const stratified = design.strata !== null;
  const weights: Float64Array[] = [];
  const rscales: number[] = [];
  let scale = 1;
  let rho: number | null = null;
  if (type === 'JK1') {
    if (stratified) throw new UsageError('--replicates JK1 is for an unstratified design, and this one has --strata', { hint: 'use --replicates JKn (or BRR with two PSUs per stratum), as R as.svrepdesign' });
    const psus = strata[0].psus;
    const G = psus.length;
    if (G < 2) throw new UsageError('--replicates JK1 needs at least two PSUs');
    const f = sizes ? (sizes[0] - G) / sizes[0] : 1;
    if (f === 0) throw new UsageError('--fpc says every PSU of the population was sampled: there is no sampling variance to replicate');
    for (const drop of psus) {
      const w = Float64Array.from(pw, (v) => (v * G) / (G - 1));
      for (const i of drop) w[i] = 0;
      weights.push(w);
      rscales.push(1);
    }
    scale = (f * (G - 1)) / G;
  } else if (!stratified) {
    throw new UsageError(`--replicates ${type} needs a stratified design (--strata)`, { hint: 'use --replicates JK1 for an unstratified design, as R as.svrepdesign' });
  } else if (type === 'JKn') {
    for (const { stratum, psus } of strata) {
      const nh = psus.length;
      const f = sizes ? (sizes[stratum] - nh) / sizes[stratum] : 1;
      if (f === 0) continue; // a stratum sampled completely has no replicate (R survey.drop.replicates)
      if (nh < 2) {
        throw new UsageError(`stratum ${stratumLabel(design, psus[0][0])} has a single PSU, so --replicates JKn cannot delete it`, {
          hint: 'merge it with a neighbouring stratum (R jknweights stops: "has only one PSU")',
        });
      }
      for (const drop of psus) {
        const w = Float64Array.from(pw);
        for (const rows of psus) for (const i of rows) w[i] = rows === drop ? 0 : (pw[i] * nh) / (nh - 1);
        weights.push(w);
        rscales.push((f * (nh - 1)) / nh);
      }
    }
    if (weights.length === 0) throw new UsageError('--fpc says every stratum was sampled completely: there is no sampling variance to replicate');
  } else {
    if (sizes) throw new UsageError(`--fpc cannot be used with --replicates ${type} (R as.svrepdesign drops it with a warning)`, { hint: 'drop --fpc, or use --replicates JKn' });
    const misfit = strata.find((s) => s.psus.length !== 2);
    if (misfit) {
      throw new UsageError(`--replicates ${type} needs exactly two PSUs in every stratum, and stratum ${stratumLabel(design, misfit.psus[0][0])} has ${misfit.psus.length}`, {
        hint: 'use --replicates JKn, or collapse strata into pairs of PSUs first',
      });
    }
    rho = type === 'Fay' ? options.rho ?? NaN : 0;
    if (type === 'Fay' && !(rho >= 0 && rho < 1)) throw new UsageError('--replicates Fay needs --rho, Fay\'s ρ in [0, 1)');
    if (type === 'BRR' && options.rho !== undefined) throw new UsageError('--rho is Fay\'s ρ; use --replicates Fay --rho R');
    // R brrweights: strata sorted by their value as text (as.character of the codes in the data, not
    // their labels), PSUs by first row; Hadamard row k + 1 for stratum k.
    const strataColumn = design.table.column(design.spec.strata!);
    const valueText = (row: number) => String(strataColumn.values[row]);
    const sorted = [...strata].sort((a, b) => {
      const [x, y] = [valueText(a.psus[0][0]), valueText(b.psus[0][0])];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const H = hadamard(sorted.length);
    for (let c = 0; c < H.length; c++) {
      const w = new Float64Array(n);
      sorted.forEach(({ psus: [first, second] }, k) => {
        const [a, b] = H[k + 1][c] === 1 ? [2 - rho!, rho!] : [rho!, 2 - rho!];
        for (const i of first) w[i] = pw[i] * a;
        for (const i of second) w[i] = pw[i] * b;
      });
      weights.push(w);
      rscales.push(1);
    }
    scale = 1 / (H.length * (1 - rho) ** 2);
  }
  const replicates: ReplicateWeights = {
    type: type === 'BRR' || type === 'Fay' ? (rho ? 'Fay' : 'BRR') : type,
    weights,
    scale,
    rscales: Float64Array.from(rscales),
    mse: options.mse ?? false,
    rho: type === 'Fay' ? rho : null,
    degf: replicateDegreesOfFreedom(weights, null),
    origin: { kind: 'converted' },
  };
  return replicateDesign(design, pw, replicates);
}

/** A stratum's value as the file has it: the answer text of a choice column (inferred from text, or a codebook label), else the value. */
function stratumLabel(design: Design, row: number): string {
  const { table } = design;
  const column = table.column(design.spec.strata!);
  const value = column.values[row];
  const choice = table.codebook.variables.find((v) => v.name === column.variable)?.choices?.find((c) => String(c.code) === String(value));
  return choice ? choice.label : String(value);
}
