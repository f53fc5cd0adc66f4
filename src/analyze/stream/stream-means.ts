import { orderLevels } from '../../core/category-levels.js';
import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { codeLabel } from '../../core/variable-labels.js';
import { meansWaldTest } from '../estimators/design-means-wald-test.js';
import { anovaOf, meanGroup, meansResult, welchDifference, type MeanGroup, type MeansResult, type MeansSpec } from '../estimators/estimate-means.js';
import { numericValues } from '../estimators/numeric-values.js';
import { caseWeights, isDesignBased } from '../variance/design-variance.js';
import { tDifference, type DomainDifference } from '../variance/domain-difference.js';
import type { DomainMean } from '../variance/domain-mean-result.js';
import { blockMoments, emptyMoments, mergeMoments, momentsMean, type DomainMoments } from './domain-moments.js';
import { StreamUnsupported } from './stream-unsupported.js';

/** A streamed mean: fed block by block, finished into the MeansResult estimateMeans gives. */
export interface MeanStream {
  block(design: Design): void;
  finish(): MeansResult;
}

/**
 * Streams estimateMeans on a design without strata, clusters, calibration or replicates: per domain
 * the weighted moments of domainMoments, merged exactly across blocks. With each row its own PSU,
 * disjoint domains do not covary, so the svyttest of two groups has SE √(V₁ + V₂) and the
 * regTermTest of all groups the diagonal covariance of their means. Memory: a few numbers per level.
 */
export function meanStream(spec: MeansSpec): MeanStream {
  const all = emptyMoments();
  const byCode = new Map<Code, DomainMoments>();
  let first: Design | null = null;
  let nrows = 0;
  return {
    block(design) {
      first ??= design;
      const y = numericValues(design.table, spec.variable, 'mean');
      const w = caseWeights(design);
      nrows += y.length;
      // Each row's domain by the block's own numbering (1…), merged into the file's by code.
      let group: Int32Array | null = null;
      const codes: Code[] = [];
      if (spec.by) {
        const values = design.table.column(spec.by).values;
        const local = new Map<Code, number>();
        group = new Int32Array(values.length);
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
          let k = local.get(v);
          if (k === undefined) local.set(v, (k = codes.push(v)));
          group[i] = k;
        }
      }
      const moments = blockMoments(y, w, group, codes.length + 1);
      mergeMoments(all, moments[0]);
      codes.forEach((code, k) => {
        let into = byCode.get(code);
        if (!into) byCode.set(code, (into = emptyMoments()));
        mergeMoments(into, moments[k + 1]);
      });
    },
    finish() {
      if (!first) throw new StreamUnsupported('no rows');
      const design = first;
      const level = spec.level ?? 0.95;
      const lang = spec.lang ?? 'zh';
      const designBased = isDesignBased(design);
      const codes = spec.by ? orderLevels(design.table, spec.by, new Set(byCode.keys())) : [];
      const domains = [{ by: null, level: 'all', code: null as Code | null, moments: all }, ...codes.map((code) => ({ by: spec.by!, level: codeLabel(design.table, spec.by!, code, lang), code, moments: byCode.get(code)! }))];
      const means: (DomainMean | null)[] = [];
      const groups = domains.map((d): MeanGroup => {
        const m = momentsMean(d.moments, nrows, designBased);
        means.push(m.n > 1 ? m : null);
        return meanGroup({ by: d.by, level: d.level, code: d.code }, m, designBased, level);
      });
      let difference: DomainDifference | null = null;
      const [, ma, mb] = means;
      if (domains.length === 3 && ma && mb) {
        // svyttest: disjoint domains of a design whose rows are its PSUs add their variances; df over the rows with a value in either − 2.
        difference = designBased
          ? tDifference(domains[1].level, domains[2].level, ma.mean - mb.mean, Math.sqrt(ma.variance + mb.variance), domains[1].moments.valid + domains[2].moments.valid - 2, level, 'survey::svyttest')
          : welchDifference(domains[1].level, domains[2].level, ma, mb, level);
      }
      let anova = null;
      if (spec.by && designBased) {
        const used = domains.slice(1).filter((_, k) => means[k + 1] !== null);
        const usedMeans = means.slice(1).filter((m): m is DomainMean => m !== null);
        const v = new Float64Array(usedMeans.length ** 2);
        usedMeans.forEach((m, k) => (v[k * usedMeans.length + k] = m.variance));
        const rows = used.reduce((a, d) => a + d.moments.valid, 0);
        anova = usedMeans.length < 2 ? null : meansWaldTest(usedMeans, v, rows - usedMeans.length);
      } else if (spec.by) anova = anovaOf(groups.slice(1));
      return meansResult(design, spec, groups, difference, anova);
    },
  };
}
