// The survey side of the million-row comparison (bench/million.bench.js runs it under
// /usr/bin/time): read the CSV without a codebook, weighted share of happy ∈ {4, 5} overall and
// by area (logit CI), OLS of y on 8 predictors with HC3 errors. Prints the figures as JSON.
import { estimateShares } from '../dist/analyze/estimators/estimate-shares.js';
import { fitOls } from '../dist/analyze/regression/fit-ols.js';
import { makeDesign } from '../dist/core/design.js';
import { readDataTable } from '../dist/ingest/read-data-table.js';

const { table } = await readDataTable(process.argv[2]);
const shares = estimateShares(makeDesign(table, { weight: 'w' }), { variable: 'happy', values: [4, 5], by: 'area' });
const ols = fitOls(makeDesign(table), 'y ~ x1 + x2 + x3 + x4 + x5 + x6 + happy + area', { robust: 'HC3' });
console.log(JSON.stringify({
  shares: shares.groups.map((g) => ({ level: g.level, share: g.share, se: g.standardError, low: g.confLow, high: g.confHigh })),
  coefficients: ols.coefficients.map((c) => ({ term: c.term, estimate: c.estimate, se: c.standardError })),
}));
