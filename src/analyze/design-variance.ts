import { UsageError } from '../core/errors.js';
import type { Design } from '../core/design.js';
import { residualizeCalibration } from '../weight/residualize-calibration.js';

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
 * Linearization variance of a total Σ zᵢ of influence values under a one-stage with-replacement
 * design (R `survey:::svyrecvar`, no fpc): PSU totals are centred within each stratum and
 * Σ_h n_h/(n_h − 1) Σ_j (z_hj − z̄_h)². Domain estimates pass zᵢ = 0 outside the domain, and every
 * PSU of the full design still counts in n_h, as `svyby`'s subsets do. A stratum with a single PSU
 * has no variance estimate: a UsageError, as R's default `survey.lonely.psu = "fail"`.
 */
export function linearizationVariance(design: Design, z: Float64Array): number {
  // Weights calibrated to population targets (--poststratify/--rake) are estimated from the sample
  // too: as R's svyrecvar, replace z by its residual on the calibration cells before the PSU sums.
  const x = design.calibration ? residualizeCalibration(design.calibration, z) : z;
  const strata = new Map<number, Map<number, number>>();
  for (let i = 0; i < x.length; i++) {
    const h = design.strata ? design.strata[i] : 0;
    let psus = strata.get(h);
    if (!psus) strata.set(h, (psus = new Map()));
    const j = psuOf(design, i);
    psus.set(j, (psus.get(j) ?? 0) + x[i]);
  }
  let variance = 0;
  for (const [h, psus] of strata) {
    const n = psus.size;
    if (n < 2) {
      throw new UsageError(`stratum ${h + 1} of --strata ${design.spec.strata ?? ''} has only one PSU, so its variance cannot be estimated`, {
        hint: 'merge it with a neighbouring stratum',
      });
    }
    let mean = 0;
    for (const t of psus.values()) mean += t;
    mean /= n;
    let ss = 0;
    for (const t of psus.values()) ss += (t - mean) * (t - mean);
    variance += (n / (n - 1)) * ss;
  }
  return variance;
}

/**
 * Design degrees of freedom of a domain: PSUs with a row in it minus strata with a row in it
 * (R `degf()` of the `svyby` subset; all rows when `inDomain` is null).
 */
export function designDegreesOfFreedom(design: Design, inDomain: Uint8Array | null): number {
  const psus = new Set<number>();
  const strata = new Set<number>();
  for (let i = 0; i < design.table.nrows; i++) {
    if (inDomain && !inDomain[i]) continue;
    psus.add(design.strata ? design.strata[i] * design.table.nrows + psuOf(design, i) : psuOf(design, i));
    strata.add(design.strata ? design.strata[i] : 0);
  }
  return psus.size - strata.size;
}
