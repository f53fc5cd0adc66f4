// Benchmark: survey regress's estimators. OLS with 8 predictors on 1,000,000 synthetic rows
// (double-double QR), and the ordinal logit of the bundled study's happiness model on its
// 10,000 rows. Prints seconds and peak RSS as JSON. Run `npm run build` first: it imports dist/.
import { fileURLToPath } from 'node:url';
import { fitOls } from '../dist/analyze/regression/fit-ols.js';
import { fitOrdinal } from '../dist/analyze/regression/fit-ordinal.js';
import { loadCodebook } from '../dist/codebook/load-codebook.js';
import { dataTable } from '../dist/core/data-table.js';
import { makeDesign } from '../dist/core/design.js';
import { readDataTable } from '../dist/ingest/read-data-table.js';
import { timed } from './measure.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const seconds = async (run) => (await timed(run)).ms / 1000;

let seed = 12345;
const uniform = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const names = Array.from({ length: 8 }, (_, k) => `x${k + 1}`);
const x = names.map(() => Float64Array.from({ length: ROWS }, uniform));
const y = Float64Array.from({ length: ROWS }, (_, i) => names.reduce((s, _n, k) => s + (k + 1) * x[k][i], 1) + uniform() - 0.5);
const columns = [...names.map((name, k) => ({ name, variable: name, kind: 'number', values: x[k], missing: new Uint8Array(ROWS) })),
  { name: 'y', variable: 'y', kind: 'number', values: y, missing: new Uint8Array(ROWS) }];
const table = dataTable({ id: 'bench', variables: [], checks: [], derive: [] }, columns, Int32Array.from({ length: ROWS }, (_, i) => i + 1));
const ols = await seconds(() => fitOls(makeDesign(table), `y ~ ${names.join(' + ')}`));
const olsHc3 = await seconds(() => fitOls(makeDesign(table), `y ~ ${names.join(' + ')}`, { robust: 'HC3' }));

const dir = fileURLToPath(new URL('../data-samples/bazhou-2025/', import.meta.url));
const { table: study } = await readDataTable(`${dir}responses.csv`, { codebook: await loadCodebook(`${dir}codebook.yaml`) });
const ologit = await seconds(() => fitOrdinal(makeDesign(study), 'happiness ~ log(income) + sat_health_cost + sat_public_services + sat_ecology'));
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({
  bench: 'regress',
  ols_rows: ROWS,
  ols_predictors: 8,
  ols_seconds: +ols.toFixed(2),
  ols_hc3_seconds: +olsHc3.toFixed(2),
  ologit_rows: study.nrows,
  ologit_seconds_with_brant: +ologit.toFixed(2),
  peak_rss_mb: Math.round(peak / 2 ** 20),
}));
