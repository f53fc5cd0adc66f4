import { orderLevels } from '../../core/category-levels.js';
import { codeLabel, variableOf } from '../../core/variable-labels.js';
import type { Design } from '../../core/design.js';
import type { Code } from '../../core/types.js';
import { binomialShareGroup, designShareGroup, indicator, proportionDifference, resolveValues, sharesCiMethod, sharesResult, type ShareCounts, type SharesResult, type SharesSpec, type ShareGroup } from '../estimators/estimate-shares.js';
import { designShareInterval, isDesignCiMethod, type CiMethod, type DesignCiMethod } from '../estimators/proportion-interval.js';
import { pearsonSharesTest } from '../estimators/shares-group-test.js';
import { caseWeights, isDesignBased } from '../variance/design-variance.js';
import { tDifference, type DomainDifference } from '../variance/domain-difference.js';
import type { DomainMean } from '../variance/domain-mean-result.js';
import { momentsMean } from './domain-moments.js';
import { rowsArePsus, StreamUnsupported } from './stream-unsupported.js';

/** Rows of one answer (yes or no) in a domain: how many, how many with a non-zero weight, Σw and Σw². */
interface Cell {
  rows: number;
  weighted: number;
  sumW: number;
  sumW2: number;
}

/** A domain's rows (any answer or none, for its degrees of freedom) and its yes and no cells. */
interface DomainCells {
  rows: number;
  yes: Cell;
  no: Cell;
}

/** Counts one answering row of weight w in its cell. */
function addRow(cell: Cell, w: number): void {
  cell.rows++;
  if (w !== 0) cell.weighted++;
  cell.sumW += w;
  cell.sumW2 += w * w;
}

const emptyDomain = (): DomainCells => ({ rows: 0, yes: { rows: 0, weighted: 0, sumW: 0, sumW2: 0 }, no: { rows: 0, weighted: 0, sumW: 0, sumW2: 0 } });

/** A streamed share: fed block by block, finished into the SharesResult estimateShares gives. */
export interface ShareStream {
  block(design: Design): void;
  finish(): SharesResult;
}

/** Whether a share can be streamed: on a design whose rows are its PSUs (rowsArePsus), with any interval but the likelihood one (which needs the rows). */
export function canStreamShares(design: Design, spec: SharesSpec): boolean {
  return rowsArePsus(design) && spec.ci !== 'likelihood';
}

/**
 * Streams estimateShares: a share is a ratio of a 0/1 answer, so everything it reports is a function
 * of a few sums per domain and answer — rows, Σw and Σw² — which add up exactly across blocks. With
 * each row its own PSU the linearization variance of a domain mean is N/(N − 1)·Σzᵢ² with
 * zᵢ = wᵢ(yᵢ − p)/Σw, i.e. N/(N − 1)·(Σ_yes w²(1 − p)² + Σ_no w²p²)/(Σw)² (zᵢ sum to zero), and two
 * disjoint domains have no covariance. Memory: a few numbers per level of `by`.
 */
export function shareStream(spec: SharesSpec): ShareStream {
  const all = emptyDomain();
  const byCode = new Map<Code, DomainCells>();
  let first: { design: Design; values: Code[]; ciMethod: CiMethod } | null = null;
  let last: Design | null = null;
  let nrows = 0;
  return {
    block(design) {
      if (!first) {
        if (spec.top !== undefined && !variableOf(design.table, spec.variable)?.choices?.length) throw new StreamUnsupported('--top without codebook choices needs every value of the column');
        first = { design, values: resolveValues(design, spec), ciMethod: sharesCiMethod(design, spec) };
      }
      last = design;
      const y = indicator(design, spec.variable, first.values);
      const w = caseWeights(design);
      const by = spec.by ? design.table.column(spec.by).values : null;
      nrows += y.length;
      for (let i = 0; i < y.length; i++) {
        let domain: DomainCells | undefined;
        if (by) {
          const code = by[i];
          if (code !== null && !(typeof code === 'number' && Number.isNaN(code))) {
            domain = byCode.get(code);
            if (!domain) byCode.set(code, (domain = emptyDomain()));
            domain.rows++;
          }
        }
        all.rows++;
        if (Number.isNaN(y[i])) continue;
        addRow(y[i] === 1 ? all.yes : all.no, w[i]);
        if (domain) addRow(y[i] === 1 ? domain.yes : domain.no, w[i]);
      }
    },
    finish() {
      if (!first || !last) throw new StreamUnsupported('no rows');
      const { design, values, ciMethod } = first;
      const level = spec.level ?? 0.95;
      const lang = spec.lang ?? 'zh';
      const designBased = isDesignBased(design);
      const codes = spec.by ? orderLevels(last.table, spec.by, new Set(byCode.keys())) : [];
      const domains = [{ by: null, level: 'all', code: null, cells: all }, ...codes.map((code) => ({ by: spec.by!, level: codeLabel(last!.table, spec.by!, code, lang), code, cells: byCode.get(code)! }))];
      const means: (DomainMean | null)[] = [];
      const groups = domains.map((d): ShareGroup => {
        const { yes, no } = d.cells;
        const base: ShareCounts = designBased
          ? { by: d.by, level: d.level, code: d.code, n: yes.rows + no.rows, count: yes.rows }
          : { by: d.by, level: d.level, code: d.code, n: yes.sumW + no.sumW, count: yes.sumW };
        means.push(null);
        if (base.n === 0 || !isDesignCiMethod(ciMethod)) return binomialShareGroup(base, ciMethod, level);
        const m = cellMean(d.cells, nrows);
        means[means.length - 1] = m;
        return designShareGroup(base, m, designShareInterval(ciMethod as Exclude<DesignCiMethod, 'likelihood'>, m.mean, Math.sqrt(m.variance), m.df, m.n, level), ciMethod as DesignCiMethod);
      });
      let difference: DomainDifference | null = null;
      if (groups.length === 3 && groups[1].n > 0 && groups[2].n > 0) {
        const [, ma, mb] = means;
        if (ma && mb) {
          // svyttest: the SE of z_a − z_b (disjoint domains: the variances add), df over the rows answering in either − 2.
          const rows = domains[1].cells.yes.rows + domains[1].cells.no.rows + domains[2].cells.yes.rows + domains[2].cells.no.rows;
          difference = tDifference(domains[1].level, domains[2].level, ma.mean - mb.mean, Math.sqrt(ma.variance + mb.variance), rows - 2, level, 'survey::svyttest');
        } else difference = proportionDifference(groups[1], groups[2], level);
      }
      const answering = groups.slice(1).filter((g) => g.n > 0);
      if (answering.length > 2 && designBased) throw new StreamUnsupported('the Rao-Scott test of more than two groups needs the rows');
      const anova = answering.length > 2 ? pearsonSharesTest(answering.map((g) => g.count), answering.map((g) => g.n)) : null;
      return sharesResult(last, spec, values, ciMethod, groups, difference, anova);
    },
  };
}

/** A domain's design-based mean from its cells: the moments of a 0/1 answer, p = Σ_yes w/Σw. */
function cellMean({ rows, yes, no }: DomainCells, nrows: number): DomainMean {
  const sumW = yes.sumW + no.sumW;
  const mean = yes.sumW / sumW;
  const moments = {
    rows,
    valid: yes.rows + no.rows,
    weighted: yes.weighted + no.weighted,
    sumW,
    mean,
    ss: yes.sumW * (1 - mean) ** 2 + no.sumW * mean ** 2,
    sumW2: yes.sumW2 + no.sumW2,
    t: yes.sumW2 * (1 - mean) - no.sumW2 * mean,
    q: yes.sumW2 * (1 - mean) ** 2 + no.sumW2 * mean ** 2,
  };
  return momentsMean(moments, nrows, true);
}
