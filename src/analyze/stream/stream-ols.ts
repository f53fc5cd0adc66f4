import type { DataTable } from '../../core/data-table.js';
import { dd, ddAdd, ddDiv, ddMul, ddMulAdd } from '../../math/double-double.js';
import { invertQrR } from '../../math/invert-qr-r.js';
import { ALIAS_TOLERANCE, type QrDoubleDouble } from '../../math/qr-double-double.js';
import { sandwichProduct } from '../../math/sandwich-product.js';
import { emptyFactor, stackQr, type TriangularFactor } from '../../math/stack-qr.js';
import { buildModelFrame, type ModelFrame } from '../../model/build-model-frame.js';
import { buildModelMatrix } from '../../model/build-model-matrix.js';
import { parseFormula } from '../../model/parse-formula.js';
import type { OlsOptions } from '../regression/fit-ols.js';
import { olsResult } from '../regression/ols-result.js';
import type { OlsResult } from '../regression/regression-result.js';
import { addHeteroskedasticMeat } from '../regression/robust-covariance.js';
import { columnMoments, type ColumnMoments } from './column-moments.js';
import { columnSpill, type ColumnSpill } from './column-spill.js';
import { StreamUnsupported } from './stream-unsupported.js';

/** A streamed OLS fit: the rows go through `block` once; `finish` makes the second pass robust SEs need. */
export interface OlsStream {
  block(table: DataTable): void;
  finish(): OlsResult;
  /** Deletes the spill file of a robust fit (finish does too); safe to call again. */
  close(): void;
}

/** Whether an OLS request can be streamed: no design (weights, clusters, `--by` domains) and no `--levels`. */
export function canStreamOls(options: OlsOptions, designFree: boolean): boolean {
  return designFree && !options.domain && !options.levels;
}

/**
 * Streams fitOls without a design: the model matrix is built a block at a time (factor levels as the
 * first block has them; a level first seen later sends the request back to memory) and [X | y] is
 * factored by a tall-skinny QR (stackQr) in double-double, so β, RSS = r_yy², R⁻¹ and the classical
 * covariance come from the final (p+1)² factor alone; column means and centred sums of squares merge
 * exactly across blocks (Chan et al.). HC0–HC3 need each row's leverage ‖R⁻ᵀxᵢ‖² and residual with
 * β fixed: a second pass, over the model columns spilled to a temporary file as the first pass built
 * them (no second parse). Memory: O(p²) plus one block; residuals and fitted values are not kept.
 */
export function olsStream(formula: string, options: OlsOptions = {}): OlsStream {
  const parsed = parseFormula(formula);
  const checks = [...new Set([parsed.responseLabel, ...parsed.variables.keys()])];
  const missing = new Map(checks.map((c) => [c, 0]));
  let names: string[] | null = null;
  let termOf: string[] = [];
  let factor: TriangularFactor | null = null;
  let moments: ColumnMoments[] = [];
  let sumY2 = 0;
  let nTotal = 0;
  let rowsUsed = 0;
  let solved: { bh: Float64Array; bl: Float64Array; rInverse: ReturnType<typeof invertQrR> } | null = null;
  let spill: ColumnSpill | null = null;
  let rh = 0;
  let rl = 0;

  const levels = new Map<string, Set<string>>();
  /** The block's model columns in the first block's order (zeros for a level absent here), y last. */
  const blockColumns = (frame: ModelFrame): Float64Array[] => {
    const matrix = buildModelMatrix(frame);
    const n = frame.rows.length;
    // Columns follow the factor levels: a level the first block lacks would be a column (or a
    // reference level) the factor so far does not have.
    for (const [label, c] of frame.variables) {
      if (c.kind !== 'factor') continue;
      const known = levels.get(label);
      if (!known) levels.set(label, new Set(c.levels));
      else if (c.levels.some((l) => !known.has(l))) throw new StreamUnsupported(`a level of ${label} first appears after the first block`);
    }
    if (!names) {
      names = matrix.names;
      termOf = matrix.assign.map((a) => (a === 0 ? '(Intercept)' : matrix.termLabels[a - 1]));
      factor = emptyFactor(names.length + 1);
      moments = Array.from({ length: names.length + 1 }, () => columnMoments());
    }
    const at = new Map(matrix.names.map((name, j) => [name, j]));
    for (const name of matrix.names) if (!names.includes(name)) throw new StreamUnsupported(`the model column ${name} first appears after the first block`);
    const columns = names.map((name) => (at.has(name) ? matrix.columns[at.get(name)!] : new Float64Array(n)));
    columns.push((frame.response as { values: Float64Array }).values);
    return columns;
  };

  return {
    block(table) {
      const frame = buildModelFrame(table, parsed, { response: 'numeric' });
      nTotal += frame.nTotal;
      for (const m of frame.missing) missing.set(m.variable, missing.get(m.variable)! + m.rows);
      if (frame.rows.length === 0) return;
      rowsUsed += frame.rows.length;
      const columns = blockColumns(frame);
      factor = stackQr(factor!, columns, null);
      columns.forEach((c, j) => moments[j].add(c));
      if (options.robust) (spill ??= columnSpill(columns.length)).write(columns);
      const y = columns[columns.length - 1];
      for (let i = 0; i < y.length; i++) sumY2 += y[i] * y[i];
    },
    close() {
      spill?.close();
    },
    finish() {
      const { bh, bl, rInverse } = solve();
      const p = names!.length;
      const hcMeat = options.robust ? secondPass(options.robust, p) : null;
      spill?.close();
      const q = p + 1;
      const f = factor!;
      ddMul(f.hi[q * q - 1], f.lo[q * q - 1], f.hi[q * q - 1], f.lo[q * q - 1]);
      const rss = options.robust ? rh + rl : dd[0] + dd[1];
      const nobs = rowsUsed;
      const classical = sandwichProduct(rInverse, null);
      let covariance: Float64Array;
      if (options.robust) {
        const m = hcMeat!;
        if (options.robust === 'HC1') m.forEach((v, i) => (m[i] = (v * nobs) / (nobs - p)));
        covariance = sandwichProduct(rInverse, m);
      } else covariance = classical.map((v) => v * (rss / (nobs - p)));
      const coefficients = new Float64Array(p);
      for (let k = 0; k < p; k++) coefficients[k] = bh[k] + bl[k];
      const intercept = parsed.intercept;
      const sd = (m: ColumnMoments) => Math.sqrt(m.sumSquares() / (nobs - 1));
      return olsResult({
        formula,
        data: { nobs, weightKind: 'none', matrix: { nrows: rowsUsed }, frame: { nTotal, missing: [...missing].filter(([, n]) => n > 0).map(([variable, rows]) => ({ variable, rows })) } },
        seType: options.robust ?? 'classical',
        level: options.confidenceLevel ?? 0.95,
        names: names!,
        termOf,
        intercept,
        coefficients,
        covariance,
        classical: options.robust ? classical : covariance,
        dfResidual: nobs - p,
        rss,
        tss: intercept ? moments[p].sumSquares() : sumY2,
        columnSd: moments.slice(0, p).map(sd),
        responseSd: sd(moments[p]),
        residuals: new Float64Array(0),
        fitted: new Float64Array(0),
      });
    },
  };

  /** HC0–HC3's second pass over the spilled model columns: residuals (and RSS) with β fixed, and the meat. */
  function secondPass(kind: NonNullable<OlsOptions['robust']>, p: number): Float64Array {
    const { bh, bl, rInverse } = solve();
    const meat = new Float64Array(p * p);
    spill!.replay((columns) => {
      const y = columns.pop()!;
      const residuals = new Float64Array(y.length);
      for (let i = 0; i < y.length; i++) {
        // y − Xβ and Σe² in double-double, as solveLeastSquares.
        let eh = y[i];
        let el = 0;
        for (let k = 0; k < p; k++) {
          ddMul(columns[k][i], 0, bh[k], bl[k]);
          ddAdd(eh, el, -dd[0], -dd[1]);
          eh = dd[0];
          el = dd[1];
        }
        residuals[i] = eh + el;
        ddMul(eh, el, eh, el);
        ddMulAdd(rh, rl, dd[0], dd[1], 1, 0);
        rh = dd[0];
        rl = dd[1];
      }
      addHeteroskedasticMeat(kind, rInverse, columns, residuals, null, null, meat);
    });
    return meat;
  }

  /** β = R⁻¹·(Qᵀy) by back substitution in double-double, and R⁻¹; once, after the first pass. */
  function solve(): NonNullable<typeof solved> {
    if (solved) return solved;
    if (!names || !factor) throw new StreamUnsupported('no complete rows');
    const p = names.length;
    const q = p + 1;
    const f = factor;
    if (rowsUsed <= p) throw new StreamUnsupported('too few rows');
    for (let k = 0; k < p; k++) {
      let norm = 0;
      for (let i = 0; i <= k; i++) norm += (f.hi[i * q + k] + f.lo[i * q + k]) ** 2;
      if (!(Math.abs(f.hi[k * q + k]) > ALIAS_TOLERANCE * Math.sqrt(norm))) throw new StreamUnsupported('rank deficient');
    }
    const bh = new Float64Array(p);
    const bl = new Float64Array(p);
    for (let k = p - 1; k >= 0; k--) {
      let sh = f.hi[k * q + p];
      let sl = f.lo[k * q + p];
      for (let j = k + 1; j < p; j++) {
        ddMul(f.hi[k * q + j], f.lo[k * q + j], bh[j], bl[j]);
        ddAdd(sh, sl, -dd[0], -dd[1]);
        sh = dd[0];
        sl = dd[1];
      }
      ddDiv(sh, sl, f.hi[k * q + k], f.lo[k * q + k]);
      bh[k] = dd[0];
      bl[k] = dd[1];
    }
    solved = { bh, bl, rInverse: invertQrR(asQr(f, p)) };
    return solved;
  }
}

/** The first p columns of a stacked factor in the shape invertQrR reads (R above the diagonal by column, the diagonal apart). */
function asQr(f: TriangularFactor, p: number): QrDoubleDouble {
  const q = f.size;
  const hi: Float64Array[] = [];
  const lo: Float64Array[] = [];
  const diagonal = new Float64Array(2 * p);
  for (let j = 0; j < p; j++) {
    hi.push(Float64Array.from({ length: p }, (_, k) => f.hi[k * q + j]));
    lo.push(Float64Array.from({ length: p }, (_, k) => f.lo[k * q + j]));
    diagonal[2 * j] = f.hi[j * q + j];
    diagonal[2 * j + 1] = f.lo[j * q + j];
  }
  return { n: p, p, rank: p, pivot: Int32Array.from({ length: p }, (_, j) => j), hi, lo, diagonal, tau: new Float64Array(2 * p) };
}
