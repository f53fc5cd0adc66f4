import type { DesignCiMethod } from '../estimators/proportion-interval.js';

/**
 * Why a design-based share has no interval (R `svyciprop` gives NaN, an error, or a fit that did
 * not converge), or null when it has one. The reasons follow R: no design degrees of freedom (a
 * domain in one PSU, or of one row: `qt(·, 0)` is NaN, `confint.svyglm` stops); a share of 0 or 1
 * (no logit or arcsine: xlogit/asin/beta are NaN; the logit and likelihood fits do not converge).
 */
export function degenerateShareNote(method: DesignCiMethod, share: number, df: number, confLow: number, confHigh: number): string | null {
  if (Number.isNaN(share) || (!Number.isNaN(confLow) && !Number.isNaN(confHigh))) return null;
  if (!(df > 0)) return `no design degrees of freedom in this group (one PSU): svyciprop(method = "${method}") gives no interval`;
  if (share <= 0 || share >= 1) {
    const why = method === 'logit' || method === 'likelihood' ? "R's quasibinomial fit does not converge there" : 'R gives NaN';
    return `the share is exactly ${share}: no ${method} interval (${why}); --ci mean gives [${share}, ${share}]`;
  }
  return `svyciprop(method = "${method}") gives no interval here (the profile does not reach the cut-off)`;
}
