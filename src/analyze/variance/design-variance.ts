import type { Design } from '../../core/design.js';
import { residualizeCalibration } from '../../weight/residualize-calibration.js';
import { replicateDegreesOfFreedom } from '../../core/replicate-weights.js';
import { linearizationMeat } from './linearization-meat.js';

/** True when inference must be design-based (linearization): sampling weights, strata or clusters. */
export function isDesignBased(design: Design): boolean {
  return design.weights !== null || design.strata !== null || design.clusters !== null;
}

/** What each row counts for: its sampling weight, else its frequency weight, else 1. */
export function caseWeights(design: Design): Float64Array {
  return design.weights ?? design.freq ?? new Float64Array(design.table.nrows).fill(1);
}

/** PSU of each row: its cluster, or the row itself when the design has no clusters. */
function psuOf(design: Design, i: number): number {
  return design.clusters ? design.clusters[i] : i;
}

/**
 * Linearization covariance of the totals Σᵢ zᵢₖ of p columns of influence values (row-major, zᵢₖ at
 * i·p + k) (R `survey:::svyrecvar`): PSU totals are centred within each stratum and
 * Σ_h (1 − n_h/N_h) n_h/(n_h − 1) Σ_j (z_hj − z̄_h)(z_hj − z̄_h)ᵀ, the finite population correction
 * only with `--fpc` (see linearizationMeat); a multistage design with `--fpc` at every stage adds
 * each stage's within-unit variance times the sampling fractions above it (R `multistage`). Domain estimates pass zᵢ = 0 outside the
 * domain and give the domain's `rows`: every PSU of the full design still counts in n_h, as
 * `svyby`'s subsets do, but a stratum without a row in the domain is left out (lonely PSUs).
 */
export function linearizationCovariance(design: Design, z: Float64Array, p: number, rows: Uint8Array | null = null): Float64Array {
  // Weights calibrated to population targets (--poststratify/--rake) are estimated from the sample
  // too: as R's svyrecvar, replace each column by its residual on the calibration cells first.
  const { calibration } = design;
  let x = z;
  if (calibration && p === 1) x = residualizeCalibration(calibration, z);
  else if (calibration) {
    const n = z.length / p;
    x = new Float64Array(z.length);
    const column = new Float64Array(n);
    for (let k = 0; k < p; k++) {
      for (let i = 0; i < n; i++) column[i] = z[i * p + k];
      const residual = residualizeCalibration(calibration, column);
      for (let i = 0; i < n; i++) x[i * p + k] = residual[i];
    }
  }
  return multistageMeat(design, x, p, rows);
}

/**
 * R's `survey:::multistage`: the first stage's meat plus, when every stage has its `--fpc`, each
 * later stage's within-unit meat scaled by the sampling fractions of the stages above it.
 */
function multistageMeat(design: Design, x: Float64Array, p: number, rows: Uint8Array | null): Float64Array {
  const lonelyPsu = design.lonelyPsu;
  const strataNames = design.strataNames;
  const meat = linearizationMeat(x, p, design.strata, design.clusters, design.populationSizes ?? null, {
    lonelyPsu,
    stratumName: strataNames ? (h) => strataNames[h] : undefined,
    rows,
  });
  if (!design.populationSizes) return meat;
  for (const [k, stage] of (design.laterStages ?? []).entries()) {
    if (!stage.populationSizes) break;
    const within = linearizationMeat(x, p, stage.parents, stage.units, stage.populationSizes, {
      lonelyPsu,
      stratumScale: stage.scale,
      stratumName: (h) => stage.parentNames[h],
      stage: k + 2,
      rows,
    });
    for (let i = 0; i < meat.length; i++) meat[i] += within[i];
  }
  return meat;
}

/** Linearization variance of a total Σ zᵢ of influence values over `rows` (null: all): linearizationCovariance of one column. */
export function linearizationVariance(design: Design, z: Float64Array, rows: Uint8Array | null = null): number {
  return linearizationCovariance(design, z, 1, rows)[0];
}

/**
 * Design degrees of freedom of a domain: PSUs with a row in it minus strata with a row in it
 * (R `degf()` of the `svyby` subset; all rows when `inDomain` is null); of a replicate design, the
 * rank of its replicate weights over those rows minus 1 (R `degf.svyrep.design`).
 */
export function designDegreesOfFreedom(design: Design, inDomain: Uint8Array | null): number {
  if (design.replicates) return replicateDegreesOfFreedom(design.replicates.weights, inDomain);
  if (!design.strata && !design.clusters) {
    // Every row is its own PSU in a single stratum.
    let rows = 0;
    for (let i = 0; i < design.table.nrows; i++) if (!inDomain || inDomain[i]) rows++;
    return rows > 0 ? rows - 1 : 0;
  }
  const psus = new Set<number>();
  const strata = new Set<number>();
  for (let i = 0; i < design.table.nrows; i++) {
    if (inDomain && !inDomain[i]) continue;
    psus.add(design.strata ? design.strata[i] * design.table.nrows + psuOf(design, i) : psuOf(design, i));
    strata.add(design.strata ? design.strata[i] : 0);
  }
  return psus.size - strata.size;
}
