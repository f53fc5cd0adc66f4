// The survey side of the million-row comparison (bench/million.bench.js runs it under
// /usr/bin/time): read the CSV without a codebook, weighted share of happy ∈ {4, 5} overall and
// by area (logit CI), OLS of y on 8 predictors with HC3 errors — through estimateFile, the streaming
// facade users get (the file goes through in blocks, twice for HC3). Prints the figures as JSON.
// BENCH_IN_MEMORY=1 runs the in-memory path instead (readDataTable + estimateShares + fitOls).
import { estimateFile } from '../dist/index.js';
import { estimateShares } from '../dist/analyze/estimators/estimate-shares.js';
import { fitOls } from '../dist/analyze/regression/fit-ols.js';
import { makeDesign } from '../dist/core/design.js';
import { readDataTable } from '../dist/ingest/read-data-table.js';

const file = process.argv[2];
const sharesSpec = { variable: 'happy', values: [4, 5], by: 'area' };
const formula = 'y ~ x1 + x2 + x3 + x4 + x5 + x6 + happy + area';

/** The in-memory path, for comparison (two designs of one table: weighted shares, unweighted OLS). */
async function inMemory() {
  const { table } = await readDataTable(file);
  return { shares: [estimateShares(makeDesign(table, { weight: 'w' }), sharesSpec)], ols: [fitOls(makeDesign(table), formula, { robust: 'HC3' })] };
}

/** Streamed: weighted shares and the unweighted OLS in one request, so the file is read twice in all (the second pass for HC3). */
async function streamed() {
  const result = await estimateFile(file, { design: { weight: 'w' }, shares: [sharesSpec], ols: [{ formula, options: { robust: 'HC3' }, design: {} }] });
  if (!result.streamed) throw new Error(`not streamed: ${result.fallback}`);
  return result;
}

const { shares, ols } = process.env.BENCH_IN_MEMORY === '1' ? await inMemory() : await streamed();
console.log(JSON.stringify({
  shares: shares[0].groups.map((g) => ({ level: g.level, share: g.share, se: g.standardError, low: g.confLow, high: g.confHigh })),
  coefficients: ols[0].coefficients.map((c) => ({ term: c.term, estimate: c.estimate, se: c.standardError })),
}));
