import type { Design } from '../core/design.js';

/** Design degrees of freedom: PSUs minus strata among the rows used (R: `survey::degf`). */
export function surveyDegreesOfFreedom(design: Design, rows: Int32Array): number {
  const psus = new Set<string>();
  const strata = new Set<number>();
  for (const r of rows) {
    const h = design.strata ? design.strata[r] : 0;
    strata.add(h);
    psus.add(design.clusters ? `${h}:${design.clusters[r]}` : `r${r}`);
  }
  return psus.size - strata.size;
}
