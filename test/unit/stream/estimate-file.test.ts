import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateFile } from '../../../src/analyze/stream/estimate-file.js';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares, type SharesSpec } from '../../../src/analyze/estimators/estimate-shares.js';
import { fitOls, type OlsOptions } from '../../../src/analyze/regression/fit-ols.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign, type DesignSpec } from '../../../src/core/design.js';
import type { Codebook } from '../../../src/core/types.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { tempDir } from '../../helpers/run-cli.js';

/** Streamed and in-memory results agree to this (relative to max(1, |value|)): they differ only in the order of sums. */
const SAME = 1e-12;

const study = new URL('../../../data-samples/bazhou-2025/', import.meta.url).pathname;
const reference = new URL('../../reference/', import.meta.url).pathname;
const apiclus1 = `${reference}shares-api-weighted/apiclus1.csv`;
const longley = `${reference}regression-lm/longley.csv`;
let codebook: Codebook;

/** Every number of `actual` within SAME of `expected` (NaN where NaN, other values equal); residuals and fitted values are not kept by the stream. */
function expectSame(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    if (Number.isNaN(expected)) return expect(actual, path).toBeNaN();
    return expect(Math.abs((actual as number) - expected) / Math.max(1, Math.abs(expected)), path).toBeLessThanOrEqual(SAME);
  }
  if (expected instanceof Float64Array || Array.isArray(expected)) {
    expect((actual as ArrayLike<number>).length, path).toBe(expected.length);
    Array.from(expected as ArrayLike<unknown>).forEach((v, i) => expectSame((actual as ArrayLike<unknown>)[i], v, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) if (k !== 'residuals' && k !== 'fitted') expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

async function inMemoryShares(file: string, design: DesignSpec, spec: SharesSpec, read = {}) {
  const { table } = await readDataTable(file, read);
  return estimateShares(makeDesign(table, design), spec);
}

async function inMemoryOls(file: string, formula: string, options: OlsOptions, read = {}) {
  const { table } = await readDataTable(file, read);
  return fitOls(makeDesign(table), formula, options);
}

beforeAll(async () => {
  codebook = await loadCodebook(`${study}codebook.yaml`);
});

describe('estimateFile streams shares and OLS with the in-memory results', () => {
  it('weighted shares by group (logit CI, svyttest difference) on apiclus1, in blocks of 7 rows', async () => {
    const spec: SharesSpec = { variable: 'sch_wide', values: ['Yes'], by: 'awards' };
    const streamed = await estimateFile(apiclus1, { design: { weight: 'pw' }, shares: [spec], blockRows: 7 });
    expect(streamed.streamed, streamed.fallback ?? '').toBe(true);
    expectSame(streamed.shares[0], await inMemoryShares(apiclus1, { weight: 'pw' }, spec));
    expect(streamed.shares[0].difference?.method).toBe('survey::svyttest');
  });

  it('unweighted shares with the chi-squared test of three groups, and frequency weights, on apiclus1', async () => {
    for (const design of [{}, { freq: 'snum' }] as DesignSpec[]) {
      const spec: SharesSpec = { variable: 'awards', values: ['Yes'], by: 'stype', ci: 'clopper-pearson' };
      const streamed = await estimateFile(apiclus1, { design, shares: [spec], blockRows: 11 });
      expect(streamed.streamed).toBe(true);
      expectSame(streamed.shares[0], await inMemoryShares(apiclus1, design, spec));
      expect(streamed.shares[0].anova?.test).toBe('chisq.test');
    }
  });

  it('means by group on apiclus1 — weighted (svyttest, regTermTest), unweighted (Welch, aov), frequency weights — in blocks of 9 rows', async () => {
    const { table } = await readDataTable(apiclus1);
    for (const [design, by] of [[{ weight: 'pw' }, 'awards'], [{ weight: 'pw' }, 'stype'], [{}, 'awards'], [{}, 'stype'], [{ freq: 'snum' }, 'stype'], [{ weight: 'pw' }, undefined]] as [DesignSpec, string | undefined][]) {
      const spec = { variable: 'api00', by };
      const streamed = await estimateFile(apiclus1, { design, means: [spec, { variable: 'meals', by }], blockRows: 9 });
      expect(streamed.streamed, streamed.fallback ?? '').toBe(true);
      expectSame(streamed.means[0], estimateMeans(makeDesign(table, design), spec));
      expectSame(streamed.means[1], estimateMeans(makeDesign(table, design), { variable: 'meals', by }));
    }
  });

  it('a design-based test of three groups falls back to memory with identical results', async () => {
    const spec: SharesSpec = { variable: 'sch_wide', values: ['Yes'], by: 'stype' };
    const streamed = await estimateFile(apiclus1, { design: { weight: 'pw' }, shares: [spec], blockRows: 13 });
    expect(streamed.streamed).toBe(false);
    expect(streamed.shares[0]).toEqual(await inMemoryShares(apiclus1, { weight: 'pw' }, spec));
  });

  it('OLS on the bundled study (factor, log, missing rows) with classical and HC0–HC3 errors, in blocks of 500 rows', async () => {
    const formula = 'happiness ~ log(income) + age + factor(education) + area';
    const read = { codebook };
    for (const robust of [undefined, 'HC0', 'HC1', 'HC2', 'HC3'] as const) {
      const streamed = await estimateFile(`${study}responses.csv`, { read, ols: [{ formula, options: { robust } }], blockRows: 500 });
      expect(streamed.streamed, streamed.fallback ?? '').toBe(true);
      expectSame(streamed.ols[0], await inMemoryOls(`${study}responses.csv`, formula, { robust }, read));
    }
  });

  it('NIST Longley (condition number ~5e7) in blocks of 3 rows: double-double TSQR keeps the in-memory figures', async () => {
    const formula = 'Employed ~ GNP_deflator + GNP + Unemployed + Armed_Forces + Population + Year';
    const streamed = await estimateFile(longley, { ols: [{ formula, options: { robust: 'HC3' } }], blockRows: 3 });
    expect(streamed.streamed).toBe(true);
    expectSame(streamed.ols[0], await inMemoryOls(longley, formula, { robust: 'HC3' }));
  });

  it('any split of the rows into blocks gives the same numbers (fast-check)', async () => {
    const spec: SharesSpec = { variable: 'sch_wide', values: ['Yes'], by: 'awards' };
    const formula = 'api00 ~ meals + stype';
    const shares = await inMemoryShares(apiclus1, { weight: 'pw' }, spec);
    const ols = await inMemoryOls(apiclus1, formula, { robust: 'HC2' });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), async (blockRows) => {
        const streamed = await estimateFile(apiclus1, { design: { weight: 'pw' }, shares: [spec], ols: [{ formula, options: { robust: 'HC2' }, design: {} }], blockRows });
        // A block too small to hold every stype level sends OLS back to memory: same numbers either way.
        expectSame(streamed.shares[0], shares);
        expectSame(streamed.ols[0], ols);
      }),
      { numRuns: 12 },
    );
  });

  it('a factor level first seen after the first block falls back to memory', async () => {
    const dir = tempDir();
    const file = join(dir, 'late-level.csv');
    writeFileSync(file, `y,x,g\n${Array.from({ length: 30 }, (_, i) => `${i % 7},${i},${i < 20 ? 'a' : i % 2 ? 'b' : 'c'}`).join('\n')}\n`);
    const streamed = await estimateFile(file, { ols: [{ formula: 'y ~ x + g' }], blockRows: 10 });
    expect(streamed.streamed).toBe(false);
    expectSame(streamed.ols[0], await inMemoryOls(file, 'y ~ x + g', {}));
  });

  it('leaves no spill file behind, after a robust fit or an error in its second block', async () => {
    const spills = () => readdirSync(tmpdir()).filter((f) => f.startsWith('survey-spill-')).length;
    const before = spills();
    await estimateFile(apiclus1, { ols: [{ formula: 'api00 ~ meals', options: { robust: 'HC3' } }], blockRows: 50 });
    expect(spills()).toBe(before);
    const dir = tempDir();
    const file = join(dir, 'bad-log.csv');
    writeFileSync(file, `y,x\n${Array.from({ length: 20 }, (_, i) => `${i},${i < 15 ? i + 1 : -1}`).join('\n')}\n`);
    await expect(estimateFile(file, { ols: [{ formula: 'y ~ log(x)', options: { robust: 'HC1' } }], blockRows: 10 })).rejects.toThrow(/log\(x\) is not finite in row 16/);
    expect(spills()).toBe(before);
  });
});
