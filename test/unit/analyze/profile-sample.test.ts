import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateCrosstab } from '../../../src/analyze/estimators/estimate-crosstab.js';
import { estimateMeans } from '../../../src/analyze/estimators/estimate-means.js';
import { profileSample } from '../../../src/analyze/estimators/profile-sample.js';
import { loadCodebook } from '../../../src/codebook/load-codebook.js';
import { makeDesign, type Design } from '../../../src/core/design.js';
import { readDataTable } from '../../../src/ingest/read-data-table.js';
import { expectClose } from '../../helpers/expect-close.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../data-samples/bazhou-2025/${name}`, import.meta.url));
let design: Design;

beforeAll(async () => {
  const codebook = await loadCodebook(sample('codebook.yaml'));
  design = makeDesign((await readDataTable(sample('responses.csv'), { codebook })).table);
});

describe('profileSample (样本概况)', () => {
  it('counts answers overall and by group as table(x, by) does (the crosstab estimator agrees)', () => {
    const p = profileSample(design, { vars: ['education'], by: 'area' });
    const c = estimateCrosstab(design, { rows: 'education', cols: 'area' });
    const v = p.variables[0];
    if (v.kind !== 'categorical') throw new Error('categorical expected');
    expect(p.byLevels).toEqual(['城市', '农村']);
    expect(v.levels).toEqual(c.rowLevels);
    expect(v.counts.map((row) => row.slice(1))).toEqual(c.counts);
    expect(v.counts.map((row) => row[0])).toEqual(c.counts.map((row) => row[0] + row[1]));
    expect(v.totals).toEqual([10000, 6000, 4000]);
  });

  it('gives n, mean and SD (R: mean(), sd()) as the means estimator does', () => {
    const p = profileSample(design, { vars: ['income'], by: 'area' });
    const m = estimateMeans(design, { variable: 'income', by: 'area' });
    const v = p.variables[0];
    if (v.kind !== 'numeric') throw new Error('numeric expected');
    expect(v.groups.map((g) => g.n)).toEqual(m.groups.map((g) => g.n));
    expectClose(v.groups.map((g) => g.mean), m.groups.map((g) => g.mean), { rtol: 1e-12, label: 'mean' });
    expectClose(v.groups.map((g) => g.sd), m.groups.map((g) => g.sd), { rtol: 1e-12, label: 'sd' });
  });

  it('has only the overall column without a group', () => {
    const v = profileSample(design, { vars: ['sex'] }).variables[0];
    expect(v.kind === 'categorical' && v.counts.every((row) => row.length === 1)).toBe(true);
  });
});
