import { beforeAll, describe, expect, it } from 'vitest';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { estimateShares } from '../../../src/analyze/estimators/estimate-shares.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign, type Design } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { calibrateDesign } from '../../../src/weight/calibrate-design.js';
import { compareWeighting } from '../../../src/analyze/estimators/compare-weighting.js';
import { loadTargets } from '../../../src/weight/load-targets.js';

const study = new URL('../../../data-samples/bazhou-2025/', import.meta.url).pathname;
let plain: Design;
let weighted: Design;
beforeAll(async () => {
  const { table } = await readDataTable(`${study}responses.csv`, { codebook: await loadCodebook(`${study}codebook.yaml`) });
  plain = makeDesign(table);
  weighted = calibrateDesign(plain, await loadTargets(`${study}population.yaml`)).design;
});

describe('compareWeighting', () => {
  it('flags the overall happiness share (55.2% → 56.3%) but not the within-area shares post-stratification leaves alone', () => {
    const spec = { variable: 'happiness', top: 2, by: 'area' };
    const c = compareWeighting(estimateShares(plain, spec), estimateShares(weighted, spec));
    expect(c.kind).toBe('share');
    expect(c.groups.map((g) => [g.level, g.differs])).toEqual([['all', true], ['城市', false], ['农村', false]]);
    expect(c.groups[0].difference).toBeCloseTo(0.562736 - 0.552, 6);
  });

  it('works on means, and refuses different variables', () => {
    const c = compareWeighting(estimateMeans(plain, { variable: 'income' }), estimateMeans(weighted, { variable: 'income' }));
    expect(c.kind).toBe('mean');
    expect(c.groups[0].differs).toBe(true);
    expect(() => compareWeighting(estimateMeans(plain, { variable: 'income' }), estimateMeans(weighted, { variable: 'age' }))).toThrow(/cannot compare income/);
  });
});
