// Check and benchmark: our OLS (src/analyze/regression/fit-ols.ts, QR) against ml-regression's
// MultivariateLinearRegression on the NIST StRD linear least-squares sets (certified values in
// test/reference/nist-strd/). Prints, per set, the digits each agrees with the certified
// coefficients (LRE, capped at 15; test/unit/regression/nist-strd.test.ts asserts ours) and the
// milliseconds of one fit. Run `npm run build` first: it imports dist/.
import { readFileSync } from 'node:fs';
import { MultivariateLinearRegression } from 'ml-regression';
import { fitOls } from '../dist/analyze/regression/fit-ols.js';
import { dataTable } from '../dist/core/data-table.js';
import { makeDesign } from '../dist/core/design.js';
import { timed } from './measure.js';

const nist = JSON.parse(readFileSync(new URL('../test/reference/nist-strd/nist-strd-linear.json', import.meta.url), 'utf8')).datasets;

/** Log relative error (McCullough 1998): digits agreeing with the certified value. */
const lre = (value, certified) => {
  const error = certified === 0 ? Math.abs(value) : Math.abs(value - certified) / Math.abs(certified);
  return error === 0 ? 15 : Math.min(15, -Math.log10(error));
};

for (const [name, set] of Object.entries(nist)) {
  const terms = set.certified.length;
  const intercept = !name.startsWith('NoInt');
  const powers = intercept ? terms - 1 : 1;
  // Regressors as NIST states them: the x columns, or powers of x for the polynomial sets.
  const x = set.data.map((row) => (set.columns.length > 2 ? row.slice(1) : Array.from({ length: powers }, (_, p) => row[1] ** (p + 1))));
  const names = x[0].map((_, j) => `x${j + 1}`);
  const table = dataTable(
    { id: 'nist', variables: [], checks: [], derive: [] },
    [{ name: 'y', variable: 'y', kind: 'number', values: Float64Array.from(set.data, (row) => row[0]), missing: new Uint8Array(set.data.length) },
      ...names.map((n, j) => ({ name: n, variable: n, kind: 'number', values: Float64Array.from(x, (row) => row[j]), missing: new Uint8Array(x.length) }))],
    Int32Array.from(set.data, (_, i) => i + 1),
  );
  const ours = await timed(() => fitOls(makeDesign(table), `y ~ ${names.join(' + ')}${intercept ? '' : ' - 1'}`).coefficients.map((c) => c.estimate));
  const ml = await timed(() => {
    const weights = new MultivariateLinearRegression(x, set.data.map((row) => [row[0]]), { intercept }).weights.map((w) => w[0]);
    // ml-regression puts the intercept last.
    return intercept ? [weights.at(-1), ...weights.slice(0, -1)] : weights;
  });
  const digits = (estimates) => +Math.min(...estimates.map((b, j) => lre(b, set.certified[j][0]))).toFixed(1);
  console.log(JSON.stringify({ bench: `ols-ml-regression-${name}`, ours_lre: digits(ours.result), ml_regression_lre: digits(ml.result), ours_ms: +ours.ms.toFixed(2), ml_regression_ms: +ml.ms.toFixed(2) }));
}
